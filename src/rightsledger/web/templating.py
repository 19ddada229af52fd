"""Jinja2 rendering with the viewer's language: templates call ``_()`` and ``ngettext()``.

Translation functions are passed with each render, not installed in the shared environment, so
two requests in two languages can render at the same time.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from rightsledger import __version__, i18n, vocab
from rightsledger.web.context import Viewer

environment = Environment(
    loader=PackageLoader("rightsledger.web", "templates"),
    autoescape=select_autoescape(("html", "xml")),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def vocabulary_label(vocabulary: str, slug: str | None, language: str) -> str:
    """The label of a vocabulary term in ``language``; the slug itself when unknown."""
    if not slug:
        return ""
    try:
        return vocab.load(vocabulary).get(slug).label(language)
    except (KeyError, LookupError, ValueError):
        return slug


@cache  # vocabularies are fixed for the life of the process
def _options_html(vocabulary: str, language: str) -> str:
    terms = vocab.load(vocabulary)
    return "".join(
        f'<option value="{escape(term.slug)}">'
        f"{chr(0x2003) * len(terms.ancestors(term.slug))}{escape(term.label(language))}</option>"
        for term in terms.terms
    )


def vocabulary_options_html(vocabulary: str, language: str, selected: str | None) -> Markup:
    """The <option>s of a vocabulary (children indented), rendered once per language: a
    vocabulary of 500 terms costs more to render on each request than the rest of the page."""
    html = _options_html(vocabulary, language)
    if selected:
        chosen = f'<option value="{escape(selected)}">'
        html = html.replace(chosen, chosen[:-1] + " selected>", 1)
    return Markup(html)  # noqa: S704 - built from escaped vocabulary data above


def _date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return value.isoformat()


environment.filters["date"] = _date


def render(
    request: Request,
    template: str,
    viewer: Viewer | None,
    *,
    status_code: int = 200,
    language: str | None = None,
    **context: Any,
) -> HTMLResponse:
    """Render ``template`` for ``viewer`` (None on the sign-in page) in their language."""
    lang = language or (viewer.language if viewer is not None else i18n.DEFAULT_LANGUAGE)
    catalogue = i18n.translations("web", lang)
    body = environment.get_template(template).render(
        request=request,
        viewer=viewer,
        lang=lang,
        languages=i18n.LANGUAGE_NAMES,
        version=__version__,
        casebook_name=request.app.state.web.book.path.name,
        _=catalogue.gettext,
        gettext=catalogue.gettext,
        ngettext=catalogue.ngettext,
        label=lambda vocabulary, slug: vocabulary_label(vocabulary, slug, lang),
        vocabulary_choices=lambda vocabulary, selected: vocabulary_options_html(
            vocabulary, lang, selected
        ),
        csrf=viewer.csrf if viewer is not None else context.pop("csrf", ""),
        **context,
    )
    return HTMLResponse(body, status_code=status_code)
