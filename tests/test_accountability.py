"""Statuses, clocks, timelines and chains of command derived from hand-built casebooks.

Every perpetrator below has one act and a timeline written for one case: uncharged, a complaint
only, an investigation opened then refused, refused then reopened, charged, acquitted then
charged again, convicted, sanctioned. Days are counted against a fixed ``as_of``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rightsledger.account.command import chain_of_command, subordinates
from rightsledger.account.impunity import (
    InvestigationState,
    impunity_clock,
    impunity_summary,
    next_state,
)
from rightsledger.account.parties import Period, resolve_party
from rightsledger.account.profile import (
    PerpetratorProfile,
    accountability_overview,
    perpetrator_profile,
)
from rightsledger.account.status import PerpetratorStatus
from rightsledger.account.timeline import proceedings_timeline
from rightsledger.errors import NotFound, UserError
from rightsledger.store.casebook import Casebook
from rightsledger.store.io.importer import import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import FileFormat, read_table

AS_OF = dt.date(2024, 1, 1)

CASES = [
    # (perpetrator, act date, [(proceeding type, date, also target the act?)])
    ("per-uncharged", "2020-01-10", []),
    ("per-complaint", "2020-01-10", [("complaint", "2020-03-01", False)]),
    (
        "per-opened-refused",
        "2020-01-10",
        [
            ("investigation_opened", "2020-02-01", True),
            ("investigation_refused", "2020-05-01", True),
        ],
    ),
    (
        "per-refused-reopened",
        "2020-01-10",
        [
            ("complaint", "2020-01-20", True),
            ("investigation_refused", "2020-02-01", True),
            ("investigation_reopened", "2021-01-01", True),
        ],
    ),
    ("per-charged", "2020-01-10", [("charges", "2021-06-01", True)]),
    (
        "per-acquitted-recharged",
        "2020-01-10",
        [
            ("charges", "2020-06-01", True),
            ("verdict_acquittal", "2021-01-01", True),
            ("charges", "2022-01-01", True),
        ],
    ),
    (
        "per-convicted",
        "2020-01-10",
        [
            ("charges", "2020-06-01", True),
            ("trial", "2021-01-01", True),
            ("verdict_conviction", "2022-03-01", True),
        ],
    ),
    ("per-sanctioned", "2020-01-10", [("sanction", "2021-04-01", False)]),
]


def load(casebook: Casebook, kind: str, text: str) -> None:
    table = read_table(text.encode(), source=f"{kind}.csv", file_format=FileFormat.CSV)
    import_table(casebook, KINDS[kind], table)


def build_cases(casebook: Casebook) -> None:
    """One perpetrator, victim and act per case of CASES; every record published."""
    load(
        casebook,
        "events",
        "external_id,title,date,parent,published\n"
        "ev-1,Campaign,2020,,true\nev-1a,Episode,2020-01,ev-1,true\nev-2,Other,2020,,true\n",
    )
    persons = ["external_id,name,published"]
    acts = ["external_id,event,victim,act_type,date,published"]
    involvements = ["external_id,act,perpetrator,degree,published"]
    proceedings = ["external_id,type,date,body,targets,published"]
    for number, (perpetrator, date, steps) in enumerate(CASES, start=1):
        persons += [f"{perpetrator},Perpetrator {number},true", f"v-{number},Victim {number},true"]
        acts.append(f"a-{number},ev-2,v-{number},torture,{date},true")
        involvements.append(f"i-{number},a-{number},{perpetrator},carried_out,true")
        for position, (kind, when, on_act) in enumerate(steps, start=1):
            targets = f"person:{perpetrator}" + (f";act:a-{number}" if on_act else "")
            proceedings.append(
                f"pr-{number}-{position},{kind},{when},Court {number},{targets},true"
            )
    load(casebook, "persons", "\n".join(persons) + "\n")
    load(casebook, "acts", "\n".join(acts) + "\n")
    load(casebook, "involvements", "\n".join(involvements) + "\n")
    load(casebook, "proceedings", "\n".join(proceedings) + "\n")


def profile_of(casebook: Casebook, perpetrator: str, as_of: dt.date = AS_OF) -> PerpetratorProfile:
    with casebook.reader() as session:
        protector = casebook.protector(session.connection())
        return perpetrator_profile(
            session, "persons", perpetrator, protector=protector, as_of=as_of
        )


def test_statuses_are_derived_from_the_timelines(casebook: Casebook) -> None:
    build_cases(casebook)
    expected = {
        "per-uncharged": (PerpetratorStatus.UNCHARGED, None),
        "per-complaint": (PerpetratorStatus.UNCHARGED, None),
        "per-opened-refused": (PerpetratorStatus.UNCHARGED, None),
        "per-refused-reopened": (PerpetratorStatus.UNCHARGED, None),
        "per-charged": (PerpetratorStatus.FACING_CHARGES, dt.date(2021, 6, 1)),
        # Acquitted, then charged again: back to facing charges from the new charge.
        "per-acquitted-recharged": (PerpetratorStatus.FACING_CHARGES, dt.date(2022, 1, 1)),
        "per-convicted": (PerpetratorStatus.CONVICTED, dt.date(2022, 3, 1)),
        # A sanction is not a conviction.
        "per-sanctioned": (PerpetratorStatus.UNCHARGED, None),
    }
    for perpetrator, (status, since) in expected.items():
        profile = profile_of(casebook, perpetrator)
        assert (profile.status, profile.status_since) == (status, since), perpetrator
    assert profile_of(casebook, "per-sanctioned").sanctions == 1
    assert profile_of(casebook, "per-convicted").status_basis == ["pr-7-3"]
    # As of a day between the acquittal and the new charges, the acquittal stands.
    earlier = profile_of(casebook, "per-acquitted-recharged", as_of=dt.date(2021, 6, 1))
    assert (earlier.status, earlier.status_since) == (
        PerpetratorStatus.ACQUITTED,
        dt.date(2021, 1, 1),
    )
    # Before any proceeding, everyone is uncharged.
    assert profile_of(casebook, "per-convicted", as_of=dt.date(2020, 2, 1)).status is (
        PerpetratorStatus.UNCHARGED
    )


def test_the_impunity_clock_counts_days_without_each_step(casebook: Casebook) -> None:
    build_cases(casebook)
    with casebook.reader() as session:
        clock = {entry.act_id: entry for entry in impunity_clock(session, as_of=AS_OF)}
    days = (AS_OF - dt.date(2020, 1, 10)).days
    assert days == 1452
    states = {act: entry.investigation for act, entry in clock.items()}
    assert states == {
        "a-1": InvestigationState.NONE,
        "a-2": InvestigationState.COMPLAINT_ONLY,
        "a-3": InvestigationState.CLOSED,  # a refusal after an opening closes it
        "a-4": InvestigationState.REOPENED,
        "a-5": InvestigationState.OPENED,  # charges imply an investigation
        "a-6": InvestigationState.OPENED,
        "a-7": InvestigationState.OPENED,
        "a-8": InvestigationState.NONE,  # a sanction opens nothing
    }
    uncharged = clock["a-1"]
    assert (uncharged.days_since_act, uncharged.days_without_investigation) == (days, days)
    assert (uncharged.days_without_charge, uncharged.days_without_verdict) == (days, days)
    assert clock["a-2"].complaints == 1
    assert clock["a-2"].days_without_investigation == days
    reopened = clock["a-4"]
    assert reopened.investigation.is_open
    assert reopened.refused_investigations == 1
    assert reopened.days_without_investigation is None  # the clock stopped at the reopening
    assert reopened.days_without_charge == days
    charged = clock["a-5"]
    assert charged.charged
    assert not charged.verdict
    assert charged.first_charge == dt.date(2021, 6, 1)
    assert (charged.days_without_charge, charged.days_without_verdict) == (None, days)
    assert clock["a-6"].verdict
    assert not clock["a-6"].convicted
    assert clock["a-7"].convicted
    assert clock["a-7"].days_without_verdict is None
    assert clock["a-8"].proceedings == ["pr-8-1"]  # it names the perpetrator, so it counts
    summary = impunity_summary(list(clock.values()))
    assert (summary.acts, summary.without_charge, summary.without_investigation) == (8, 5, 3)
    assert summary.without_verdict == 6
    assert summary.with_refused_investigation == 2
    assert summary.longest_days_without_charge == days
    assert summary.earliest_act_date == dt.date(2020, 1, 10)
    assert summary.sentence() == "8 acts; the earliest was 3 years ago; 3 of them led to a charge."
    # The same casebook as of an earlier day: later proceedings do not exist yet.
    with casebook.reader() as session:
        before = {e.act_id: e for e in impunity_clock(session, as_of=dt.date(2020, 3, 1))}
    assert before["a-4"].investigation is InvestigationState.REFUSED
    assert before["a-5"].days_without_charge == (dt.date(2020, 3, 1) - dt.date(2020, 1, 10)).days
    assert impunity_summary([before["a-1"], before["a-2"]]).sentence() == (
        "2 acts; the earliest was less than a year ago; none has led to a charge."
    )


def test_investigation_states_follow_the_order_of_proceedings() -> None:
    def run(*steps: str) -> InvestigationState:
        state = InvestigationState.NONE
        for step in steps:
            state = next_state(state, step)
        return state

    assert run() is InvestigationState.NONE
    assert run("call_for_investigation", "official_denial") is InvestigationState.NONE
    assert run("complaint", "complaint") is InvestigationState.COMPLAINT_ONLY
    assert run("complaint", "investigation_refused") is InvestigationState.REFUSED
    assert run("investigation_opened", "investigation_refused") is InvestigationState.CLOSED
    assert run("investigation_refused", "investigation_reopened") is InvestigationState.REOPENED
    assert (
        run("investigation_refused", "investigation_reopened", "investigation_closed")
        is InvestigationState.CLOSED
    )
    assert run("investigation_refused", "charges") is InvestigationState.OPENED
    assert run("investigation_reopened", "investigation_opened") is InvestigationState.REOPENED


def test_undated_acts_and_event_wide_proceedings(casebook: Casebook) -> None:
    build_cases(casebook)
    load(
        casebook,
        "acts",
        "external_id,event,victim,act_type,date,published\n"
        "a-episode,ev-1a,v-1,arbitrary_detention,2020-01,true\n"
        "a-undated,ev-1,v-1,arbitrary_detention,,true\n"
        "a-future,ev-2,v-1,arbitrary_detention,2030,true\n",
    )
    load(
        casebook,
        "proceedings",
        "external_id,type,date,targets,published\n"
        "pr-campaign,investigation_refused,2021-02,event:ev-1,true\n"
        "pr-undated,complaint,,act:a-undated,true\n",
    )
    with casebook.reader() as session:
        clock = {e.act_id: e for e in impunity_clock(session, as_of=AS_OF)}
        detentions = impunity_clock(session, as_of=AS_OF, act_type="arbitrary_detention")
    # A refusal about the campaign covers the acts of its episodes.
    assert clock["a-episode"].investigation is InvestigationState.REFUSED
    assert clock["a-episode"].days_since_act == (AS_OF - dt.date(2020, 1, 31)).days
    # An undated act is on the list without a clock; an undated proceeding still counts.
    assert clock["a-undated"].days_since_act is None
    assert clock["a-undated"].days_without_charge is None
    assert clock["a-undated"].proceedings == ["pr-campaign", "pr-undated"]
    assert "a-future" not in clock  # it had not happened as of AS_OF
    # Undated acts come last; the act type filter keeps detentions only.
    assert list(clock)[-1] == "a-undated"
    assert [e.act_id for e in detentions] == ["a-episode", "a-undated"]


def test_timelines_per_perpetrator_event_and_victim(casebook: Casebook) -> None:
    build_cases(casebook)
    load(
        casebook,
        "information",
        "external_id,title,url,published\ninf-court,Court register,https://example.org/r,true\n",
    )
    load(
        casebook,
        "proceedings",
        "external_id,type,date,targets,published\n"
        "pr-event,call_for_investigation,2020-02,event:ev-2,true\n"
        "pr-hidden,official_denial,2020-02,event:ev-2,false\n",
    )
    load(
        casebook,
        "citations",
        "external_id,record,information,field,published\nc-1,proceeding:pr-6-2,inf-court,,true\n",
    )
    with casebook.reader() as session:
        own = proceedings_timeline(session, perpetrator=("persons", "per-acquitted-recharged"))
        assert [e.proceeding_id for e in own] == [
            "pr-event",
            "pr-hidden",
            "pr-6-1",
            "pr-6-2",
            "pr-6-3",
        ]
        assert [e.proceeding_type for e in own][2:] == [
            "charges",
            "verdict_acquittal",
            "charges",
        ]
        acquittal = own[3]
        assert acquittal.date_edtf == "2021-01-01"
        assert acquittal.body == "Court 6"
        assert acquittal.type_label == "Verdict: acquittal"
        assert [c.ref for c in acquittal.citations] == [
            'inf-court "Court register" <https://example.org/r>'
        ]
        # A sanction naming only per-sanctioned is not on another perpetrator's timeline.
        assert "pr-8-1" not in {e.proceeding_id for e in own}
        for_victim = proceedings_timeline(session, victim="v-4")
        # Same day: by external id.
        assert [e.proceeding_id for e in for_victim] == [
            "pr-4-1",
            "pr-4-2",
            "pr-event",
            "pr-hidden",
            "pr-4-3",
        ]
        for_event = proceedings_timeline(session, event="ev-2")
        assert "pr-event" in {e.proceeding_id for e in for_event}
        assert "pr-2-1" not in {e.proceeding_id for e in for_event}  # names only a person
        both = proceedings_timeline(session, event="ev-2", victim="v-6")
        assert [e.proceeding_id for e in both] == [
            "pr-event",
            "pr-hidden",
            "pr-6-1",
            "pr-6-2",
            "pr-6-3",
        ]
        shown = proceedings_timeline(session, victim="v-6", published_only=True)
        assert "pr-hidden" not in {e.proceeding_id for e in shown}
        with pytest.raises(NotFound, match="ev-none"):
            proceedings_timeline(session, event="ev-none")
        with pytest.raises(NotFound, match="v-none"):
            proceedings_timeline(session, victim="v-none")


def build_command(casebook: Casebook) -> None:
    """A commander of a unit for 2020, a soldier in it, and acts inside and outside 2020."""
    load(
        casebook,
        "organizations",
        "external_id,name,parent,published\n"
        "org-army,Army,,true\norg-unit,Unit,org-army,true\norg-other,Other,,true\n",
    )
    load(
        casebook,
        "persons",
        "external_id,name,published\n"
        "per-commander,Commander,true\nper-soldier,Soldier,true\nper-boss,Boss,false\n"
        "v-1,Victim,true\n",
    )
    load(casebook, "events", "external_id,title,published\nev-1,Event,true\n")
    load(
        casebook,
        "relationships",
        "external_id,type,subject,object,date,published\n"
        "r-command,officer,person:per-commander,organization:org-unit,2020,true\n"
        "r-serves,member,person:per-soldier,organization:org-unit,,true\n"
        "r-boss,employer_superior,person:per-boss,person:per-soldier,2020-07,false\n"
        "r-ally,ally_partner,organization:org-other,organization:org-unit,,true\n",
    )
    load(
        casebook,
        "acts",
        "external_id,event,victim,act_type,date,published\n"
        "a-unit-in,ev-1,v-1,torture,2020-05,true\n"
        "a-unit-out,ev-1,v-1,torture,2021-03,true\n"
        "a-unit-straddles,ev-1,v-1,torture,2020-12/2021-01,true\n"
        "a-soldier-in,ev-1,v-1,killing,2020-07-01,true\n"
        "a-soldier-undated,ev-1,v-1,killing,,true\n"
        "a-commander,ev-1,v-1,ill_treatment,2020-02,true\n",
    )
    load(
        casebook,
        "involvements",
        "external_id,act,perpetrator,degree,published\n"
        "i-1,a-unit-in,org-unit,carried_out,true\n"
        "i-2,a-unit-out,org-unit,carried_out,true\n"
        "i-3,a-unit-straddles,org-unit,carried_out,true\n"
        "i-4,a-soldier-in,per-soldier,carried_out,true\n"
        "i-5,a-soldier-undated,per-soldier,carried_out,true\n"
        "i-6,a-commander,per-commander,ordered,true\n"
        "i-7,a-unit-in,per-commander,failed_to_prevent,true\n",
    )


def test_acts_of_subordinates_roll_up_only_inside_the_period_of_command(
    casebook: Casebook,
) -> None:
    build_command(casebook)
    commander = profile_of(casebook, "per-commander")
    assert [(r.act.act_id, r.subordinate.external_id) for r in commander.subordinate_acts] == [
        ("a-unit-in", "org-unit"),
        ("a-soldier-in", "per-soldier"),
    ]
    assert commander.subordinate_acts[1].path_earliest == dt.date(2020, 1, 1)
    assert commander.subordinate_acts[1].path_latest == dt.date(2020, 12, 31)
    assert (commander.rollup_undated_left_out, commander.rollup_outside_left_out) == (1, 2)
    # Own acts, grouped by degree in the vocabulary's order.
    assert [(g.degree, [a.act_id for a in g.acts]) for g in commander.involvements] == [
        ("ordered", ["a-commander"]),
        ("failed_to_prevent", ["a-unit-in"]),
    ]
    # The commander answers to what the unit answers to, for the period of command.
    assert [(link.superior.external_id, link.relation) for link in commander.chain_of_command] == [
        ("org-army", "officer_of_unit")
    ]
    assert commander.chain_of_command[0].path_latest == dt.date(2020, 12, 31)
    # The army stands above the unit always: every act of the unit and its soldier rolls up.
    with casebook.reader() as session:
        army = perpetrator_profile(
            session, "organizations", "org-army", protector=None, as_of=AS_OF
        )
        assert {r.act.act_id for r in army.subordinate_acts} == {
            "a-unit-in",
            "a-unit-out",
            "a-unit-straddles",
            "a-soldier-in",
            "a-soldier-undated",
            "a-commander",  # the commander is under the army through the unit, in 2020
        }
        assert army.rollup_undated_left_out == 0
        protector = casebook.protector(session.connection())
        soldier_up = chain_of_command(session, "persons", "per-soldier", protector=protector)
        # The boss's tie is unpublished but shown to roles that see everything; the army is
        # above the commander only for the period of command (2020); an ally is not a superior.
        assert sorted(
            (link.depth, link.superior.external_id, link.relation, link.subordinate.external_id)
            for link in soldier_up
        ) == [
            (1, "org-unit", "member", "per-soldier"),
            (1, "per-boss", "employer_superior", "per-soldier"),
            (2, "org-army", "parent_organization", "org-unit"),
            (2, "per-commander", "officer", "org-unit"),
            (3, "org-army", "officer_of_unit", "per-commander"),
        ]
        hidden = chain_of_command(session, "persons", "per-soldier", protector=None)
        officers = [link.superior for link in hidden if link.relation == "officer"]
        assert officers[0].label == f"[protected {officers[0].external_id}]"
        assert officers[0].external_id.startswith("P-")
        assert {link.superior.label for link in soldier_up if link.relation == "officer"} == {
            "Commander"
        }
        published_up = chain_of_command(
            session, "persons", "per-soldier", protector=protector, published_only=True
        )
        assert "employer_superior" not in {link.relation for link in published_up}
        down = subordinates(session, "organizations", "org-army", protector=protector)
        assert sorted(
            (link.depth, link.superior.external_id, link.relation, link.subordinate.external_id)
            for link in down
        ) == [
            (1, "org-army", "officer_of_unit", "per-commander"),
            (1, "org-army", "parent_organization", "org-unit"),
            (2, "org-unit", "member", "per-soldier"),
            (2, "per-commander", "officer", "org-unit"),
        ]
        assert "org-other" not in {
            link.superior.external_id
            for link in chain_of_command(session, "organizations", "org-unit")
        }


def test_unknown_and_ambiguous_ids_are_named(casebook: Casebook) -> None:
    build_command(casebook)
    load(casebook, "organizations", "external_id,name\nper-soldier,A unit named like a person\n")
    with casebook.reader() as session:
        with pytest.raises(NotFound, match='"per-nobody"'):
            perpetrator_profile(session, "persons", "per-nobody", protector=None, as_of=AS_OF)
        with pytest.raises(NotFound, match='"org-nobody"'):
            chain_of_command(session, "organizations", "org-nobody")
        with pytest.raises(UserError, match="persons:per-soldier"):
            resolve_party(session, "per-soldier")
        assert resolve_party(session, "organization:per-soldier")[0] == "organizations"
        assert resolve_party(session, "persons:per-soldier")[0] == "persons"
        with pytest.raises(NotFound, match="per-boss"):
            resolve_party(session, "per-boss", published_only=True)  # unpublished: not shown
        with pytest.raises(UserError, match="places"):
            perpetrator_profile(session, "places", "x", protector=None, as_of=AS_OF)


def test_identities_are_pseudonymised_without_the_key(casebook: Casebook) -> None:
    build_command(casebook)
    with casebook.reader() as session:
        hidden = perpetrator_profile(
            session, "persons", "per-commander", protector=None, as_of=AS_OF
        )
        assert hidden.label.startswith("[protected P-")
        assert "Commander" not in hidden.label
        assert hidden.external_id.startswith("P-")
        assert hidden.involvements[0].acts[0].victim.startswith("[protected P-")
        # What a role without the key was shown leads back to the same record.
        again = resolve_party(session, hidden.external_id)
        assert again[1].external_id == "per-commander"
        clear = perpetrator_profile(
            session,
            "persons",
            "per-commander",
            protector=casebook.protector(session.connection()),
            as_of=AS_OF,
        )
        assert (clear.label, clear.external_id) == ("Commander", "per-commander")
        assert clear.involvements[0].acts[0].victim == "Victim"


def test_viewers_see_only_published_records(casebook: Casebook) -> None:
    build_command(casebook)
    load(
        casebook,
        "involvements",
        "external_id,act,perpetrator,degree,published\ni-8,a-commander,per-soldier,present,false\n",
    )
    with casebook.reader() as session:
        protector = casebook.protector(session.connection())
        everyone = accountability_overview(session, as_of=AS_OF, protector=protector)
        published = accountability_overview(
            session, as_of=AS_OF, protector=protector, published_only=True
        )
    acts = {row.external_id: row.acts for row in everyone}
    assert acts == {"org-unit": 3, "per-soldier": 3, "per-commander": 2}
    assert {row.external_id: row.acts for row in published} == {
        "org-unit": 3,
        "per-soldier": 2,
        "per-commander": 2,
    }


days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
bounds = st.one_of(st.none(), days)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    earliest, latest = draw(bounds), draw(bounds)
    if earliest is not None and latest is not None and earliest > latest:
        earliest, latest = latest, earliest
    return Period(earliest, latest)


@given(periods(), periods())
def test_period_arithmetic_agrees_with_itself(a: Period, b: Period) -> None:
    shared = a.intersect(b)
    assert shared == b.intersect(a)
    # A period covers another exactly when their common days are all of the other's.
    assert a.covers(b) == (shared == b)
    if shared is not None:
        assert a.covers(shared)
        assert b.covers(shared)
        # A dated interval inside the common days is inside both periods.
        if shared.earliest is not None and shared.latest is not None:
            assert a.contains(shared.earliest, shared.latest)
            assert b.contains(shared.earliest, shared.latest)
    # An open end of a date fits only an open end of the period.
    assert a.contains(None, None) == a.unbounded
