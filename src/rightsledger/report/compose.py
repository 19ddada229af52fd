"""Turn derived figures into the sections of a report, in the report's language.

Every number printed here is read from a figure value, and every figure's footnote marks come
from the citations of that figure's input records.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from rightsledger.account.parties import PERSONS
from rightsledger.model import Organization, Person
from rightsledger.report import charts
from rightsledger.report.derive import Derived
from rightsledger.report.document import Paragraph, ReportDocument, Run, Section, Table, para
from rightsledger.report.figures import Figure
from rightsledger.report.language import N_, Language
from rightsledger.report.sources import Sources

STATUS_LABELS = {
    "uncharged": N_("not charged"),
    "facing_charges": N_("facing charges"),
    "acquitted": N_("acquitted"),
    "convicted": N_("convicted"),
}
TITLES = {
    "situation": N_("Situation report"),
    "perpetrator": N_("Perpetrator report"),
    "event": N_("Event report"),
}


class Composer:
    def __init__(self, session: Session, derived: Derived, language: Language) -> None:
        self.session = session
        self.derived = derived
        self.params = derived.scope.params
        self.figures = derived.figures
        self.t = language
        self.sources = Sources(session, self.params, language)

    # -- helpers ---------------------------------------------------------------------------------

    def count(self, value: dict[str, Any], key: str) -> str:
        if key in value.get("suppressed", ()):
            return self.t._("fewer than {n}", n=self.params.threshold)
        return self.t.number(value.get(key))

    def notes(self, figure: Figure | None) -> tuple[int, ...]:
        return self.sources.notes(figure)

    def documented_text(self, value: dict[str, Any]) -> str:
        best = self.count(value, "best")
        if value["at_least"] and "low" not in value.get("suppressed", ()):
            return self.t._("at least {n}", n=self.count(value, "low"))
        return best

    # -- the report ------------------------------------------------------------------------------

    def compose(self, manifest: dict[str, Any]) -> ReportDocument:
        sections = [self.what_happened(), self.how_many()]
        if self.params.kind == "situation":
            estimates = self.estimates()
            if estimates is not None:
                sections.append(estimates)
        sections += [self.responsible(), self.proceedings(), self.impunity(), self.method()]
        return ReportDocument(
            lang=self.params.lang,
            title=self.title(),
            subtitle=self.t._(TITLES[self.params.kind]),
            facts=self.facts(manifest),
            sections=[s for s in sections if s.blocks],
            sources_title=self.t._("Sources"),
            sources=self.sources.entries,
            manifest=manifest,
        )

    def title(self) -> str:
        scope = self.derived.scope
        if scope.perpetrator is not None:
            _kind, record = scope.perpetrator
            if isinstance(record, Person):
                return scope.person_name(record)
            return record.name
        if self.params.subject is not None and scope.events:
            return scope.events[0].title
        roots = [e for e in scope.events if e.parent_id is None]
        if len(roots) == 1:
            return roots[0].title
        return self.t._("All events in the casebook")

    def facts(self, manifest: dict[str, Any]) -> list[tuple[str, str]]:
        t = self.t._
        facts = [
            (t("Data as of"), self.t.day(self.params.as_of)),
            (t("Generated"), str(manifest["generated_at"])),
            (t("Casebook"), str(manifest["casebook_id"])),
        ]
        if self.params.public:
            facts.append(
                (
                    t("Public version"),
                    t(
                        "published records only; identities replaced by pseudonyms; counts "
                        "from 1 to {last} shown as “fewer than {n}”",
                        last=self.params.threshold - 1,
                        n=self.params.threshold,
                    ),
                )
            )
        elif self.params.pseudonymised:
            facts.append((t("Identities"), t("replaced by pseudonyms")))
        return facts

    def what_happened(self) -> Section:
        section = Section(self.t._("What happened"))
        figure = self.figures.get("events")
        if figure is None or not figure.value:
            section.blocks.append(para(self.t._("No events are recorded in this scope.")))
            return section
        notes = self.notes(figure)
        section.blocks.append(
            para(
                Run(
                    self.t.n_(
                        "{count} event is recorded.",
                        "{count} events are recorded.",
                        len(figure.value),
                    ),
                    notes,
                )
            )
        )
        rows = tuple(
            (Run(v["title"]), Run(self.t.fuzzy(v["date"])), Run(v["place"] or "—"))
            for v in figure.value
        )
        section.blocks.append(
            Table((self.t._("Event"), self.t._("Dates"), self.t._("Place")), rows)
        )
        return section

    def how_many(self) -> Section:
        t = self.t._
        section = Section(t("How many"))
        documented = self.figures.starting("documented.")
        if not documented:
            section.blocks.append(para(t("No acts are recorded in this scope.")))
            return section
        section.blocks.append(
            para(
                t(
                    "Documented counts: each individual victim counts once per type of act; "
                    "a group of victims adds its lowest, best and highest reported size. "
                    "“At least” marks counts that a source gave as a minimum. Estimates are "
                    "never added to documented counts."
                )
            )
        )
        rows = []
        for figure in documented:
            v = figure.value
            notes = self.notes(figure)
            high = self.count(v, "high") if v["high"] is not None else t("not stated")
            rows.append(
                (
                    Run(self.t.term("act_types", v["act_type"])),
                    Run(self.count(v, "acts")),
                    Run(self.count(v, "individuals")),
                    Run(self.count(v, "groups")),
                    Run(self.documented_text(v), notes, bold=True),
                    Run(f"{self.count(v, 'low')} / {self.count(v, 'best')} / {high}"),
                )
            )
        section.blocks.append(
            Table(
                (
                    t("Type of act"),
                    t("Acts"),
                    t("Individual victims"),
                    t("Groups of victims"),
                    t("Documented victims"),
                    t("Low / best / high"),
                ),
                tuple(rows),
                numeric=(1, 2, 3, 4, 5),
            )
        )
        by_type = charts.counts_by_type([f.value for f in documented], self.t)
        if by_type is not None:
            section.blocks.append(by_type)
        by_month = self.figures.get("victims_by_month")
        if by_month is not None:
            chart = charts.victims_over_time(by_month.value, self.t)
            if chart is not None:
                section.blocks.append(chart)
                section.blocks.append(
                    para(
                        Run(
                            t(
                                "Victims of acts by the month the act began (a group counts "
                                "with its best figure). Acts dated less precisely than about "
                                "a month, and suppressed small counts, are left out."
                            ),
                            self.notes(by_month),
                        ),
                        style="note",
                    )
                )
        return section

    def estimates(self) -> Section | None:
        t = self.t._
        estimated = self.figures.starting("estimate.")
        if not estimated:
            return None
        section = Section(t("Estimated totals"))
        pairs = []
        for figure in estimated:
            v = figure.value
            label = self.t.term("act_types", v["act_type"])
            section.blocks.append(
                para(
                    Run(
                        t(
                            "{act}: {observed} individual victims appear on {lists} lists "
                            "kept by different sources. How much the lists overlap shows how "
                            "many victims no list recorded: a log-linear model estimates "
                            "{point} victims in total, with a 95% interval from {lo} to {hi}.",
                            act=label,
                            observed=self.count(v, "observed"),
                            lists=self.t.number(v["lists"]),
                            point=self.t.number(v["point"]),
                            lo=self.t.number(v["lo"]),
                            hi=self.t.number(v["hi"]),
                        ),
                        self.notes(figure),
                    )
                )
            )
            documented = self.figures.get(f"documented.{v['act_type']}")
            if documented is not None:
                pairs.append((documented.value, v))
        section.blocks.append(
            para(
                t(
                    "An estimate is not a count: it says how many victims there probably were, "
                    "documented or not. It covers individual victims on the casebook's lists; "
                    "groups are counted apart. The interval shows its uncertainty."
                ),
                style="note",
            )
        )
        chart = charts.documented_vs_estimated(pairs, self.t)
        if chart is not None:
            section.blocks.append(chart)
        return section

    def responsible(self) -> Section:
        t = self.t._
        section = Section(t("Who is alleged responsible"))
        figures = self.figures.starting("perpetrator.")
        if not figures:
            section.blocks.append(para(t("No perpetrator is named for these acts.")))
            return section
        rows = []
        for figure in figures:
            v = figure.value
            status = t(STATUS_LABELS.get(v["status"], v["status"]))
            if v["since"]:
                status += " " + t("since {date}", date=self.t.fuzzy(v["since"]))
            rows.append(
                (
                    Run(self.party_name(v["kind"], v["ref"])),
                    Run(self.count(v, "acts"), self.notes(figure)),
                    Run(status, bold=True),
                    Run(self.t.number(v["sanctions"])),
                    Run(self.t.number(v["refused_investigations"])),
                    Run(self.t.number(v["official_denials"])),
                )
            )
        section.blocks.append(
            Table(
                (
                    t("Alleged perpetrator"),
                    t("Acts attributed"),
                    t("Status"),
                    t("Sanctions"),
                    t("Investigations refused"),
                    t("Official denials"),
                ),
                tuple(rows),
                numeric=(1, 3, 4, 5),
            )
        )
        section.blocks.append(
            para(
                t(
                    "The status is derived from the recorded proceedings, never typed in: "
                    "only charges, a trial or a verdict change it. A sanction abroad is not "
                    "a conviction."
                ),
                style="note",
            )
        )
        return section

    def party_name(self, kind: str, ref: str) -> str:
        if kind == PERSONS:
            if ref.startswith("P-") and self.params.pseudonymised:
                return ref
            person = self.session.query(Person).filter_by(external_id=ref).one_or_none()
            return self.derived.scope.person_name(person) if person is not None else ref
        organization = self.session.query(Organization).filter_by(external_id=ref).one_or_none()
        return organization.name if organization is not None else ref

    def proceedings(self) -> Section:
        t = self.t._
        section = Section(t("What has been done and refused"))
        figure = self.figures.get("proceedings")
        if figure is None or not figure.value:
            section.blocks.append(para(t("No proceedings are recorded.")))
            return section
        section.blocks.append(
            para(
                Run(
                    self.t.n_(
                        "{count} step toward or away from accountability is recorded.",
                        "{count} steps toward or away from accountability are recorded.",
                        len(figure.value),
                    ),
                    self.notes(figure),
                )
            )
        )
        rows = tuple(
            (
                Run(self.t.fuzzy(v["date"])),
                Run(self.t.term("proceeding_types", v["type"]), bold=True),
                Run(v["body"] or "—"),
                Run(v["outcome"] or "—"),
            )
            for v in figure.value
        )
        section.blocks.append(Table((t("Date"), t("Step"), t("Body"), t("Outcome")), rows))
        chart = charts.proceedings_over_time(figure.value, self.t)
        if chart is not None:
            section.blocks.append(chart)
        return section

    def impunity(self) -> Section:
        t = self.t._
        section = Section(t("How long without prosecution"))
        figure = self.figures.get("impunity")
        if figure is None:
            section.blocks.append(para(t("No dated act is recorded.")))
            return section
        v = figure.value
        sentence = t(
            "The earliest act in this report dates from {date}. By {as_of}, at least {days} "
            "days had passed.",
            date=self.t.fuzzy(v["first_act_date"]),
            as_of=self.t.day(self.params.as_of),
            days=self.t.number(v["days"]),
        )
        if v["prosecutions"]:
            outcome = self.t.n_(
                "{count} step of prosecution (charges, trial or verdict) is recorded.",
                "{count} steps of prosecution (charges, trial or verdict) are recorded.",
                v["prosecutions"],
            )
        else:
            outcome = t("No one has been charged, tried or convicted.")
        outcome += " " + t(
            "Of {acts} acts, {without} have led to no charge; {refused} met a refused "
            "investigation.",
            acts=self.count(v, "acts"),
            without=self.count(v, "acts_without_charge"),
            refused=self.count(v, "acts_with_refused_investigation"),
        )
        if v["refusals"]:
            outcome += " " + self.t.n_(
                "An investigation was refused or closed once.",
                "Investigations were refused or closed {count} times.",
                v["refusals"],
            )
        section.blocks.append(para(Run(sentence + " " + outcome, self.notes(figure), bold=True)))
        return section

    def method(self) -> Section:
        t = self.t._
        blocks: list[Paragraph | Table] = [
            para(
                t(
                    "Every figure in this report was computed from the casebook and is listed, "
                    "with a hash of the records it rests on, in the manifest embedded in this "
                    "file. To check that the figures still hold, run: "
                    "rightsledger report verify FILE"
                ),
                style="note",
            )
        ]
        if self.params.public:
            blocks.append(
                para(
                    t(
                        "Counts from 1 to {last} are not shown in public reports, so that no "
                        "small group of people can be singled out.",
                        last=self.params.threshold - 1,
                    ),
                    style="note",
                )
            )
        section = Section(t("About this report"))
        section.blocks.extend(blocks)
        return section
