"""A long text is read in pieces, one process per core: the claims are those of one pass."""

from __future__ import annotations

import pytest

from rightsledger.extract import pipeline

REPORT = (
    "GROZNY, 3 April 2017 — At least 20 men were detained in Argun in early April 2017, "
    "relatives said. Two of the detainees were beaten; one man died in custody on 12 April 2017."
    "\n\nВ Грозном 5 мая 2018 года задержали не менее трёх активистов, их избивали в отделе."
)


def _as_json(claims: list[pipeline.Claim]) -> list[dict[str, object]]:
    return [claim.to_json() for claim in claims]


def test_pieces_give_the_claims_of_one_pass() -> None:
    text = "\n\n".join([REPORT] * 6)
    one_pass = pipeline._claims(text, [])
    in_pieces = pipeline._claims_in_pieces(text, 2)
    assert len(one_pass) > 30
    assert _as_json(in_pieces) == _as_json(one_pass)
    for claim in in_pieces:
        assert text[claim.start : claim.end] == claim.text


def test_cuts_fall_on_paragraph_breaks() -> None:
    text = "\n\n".join([REPORT] * 4)
    cut = pipeline._paragraph_break(text, len(text) // 2)
    assert text[cut - 2 : cut] == "\n\n"


def test_long_texts_use_pieces_only_from_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(pipeline, "PIECES_FROM", 2_000)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(pipeline, "_may_fork", lambda: True)
    monkeypatch.setattr(
        pipeline, "_claims_in_pieces", lambda text, cores: calls.append(cores) or []
    )
    pipeline.extract_text(REPORT)
    assert calls == []
    pipeline.extract_text("\n\n".join([REPORT] * 10))
    assert calls == [2]


def test_a_process_running_threads_reads_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server's threads may hold locks a forked worker would inherit."""
    calls: list[int] = []
    monkeypatch.setattr(pipeline, "PIECES_FROM", 2_000)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(pipeline, "_may_fork", lambda: False)
    monkeypatch.setattr(
        pipeline, "_claims_in_pieces", lambda text, cores: calls.append(cores) or []
    )
    extraction = pipeline.extract_text("\n\n".join([REPORT] * 10))
    assert calls == []
    assert len(extraction.claims) > 30
