"""The pairs waiting for review, shown side by side as a reviewer needs them."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from rightsledger.account.status import person_label
from rightsledger.link.casebook import _sources
from rightsledger.model import LinkPair, Person
from rightsledger.store.casebook import Casebook


def pending_pairs(casebook: Casebook) -> list[dict[str, Any]]:
    with casebook.reader() as session:
        protector = casebook.protector(session.connection())
        sources = _sources(session)
        pairs = session.scalars(
            select(LinkPair)
            .where(LinkPair.status.in_(("proposed", "skipped")))
            .order_by(LinkPair.probability.desc())
        ).all()
        shown = []
        for pair in pairs:
            sides = {}
            for side, person_id in (("left", pair.left_person_id), ("right", pair.right_person_id)):
                person = session.get_one(Person, person_id)
                sides[side] = {
                    "external_id": person.external_id,
                    "name": person_label(person, protector),
                    "birth_date": person.birth_edtf,
                    "sex": person.sex,
                    "source": sources.get(person_id, "casebook"),
                }
            evidence = json.loads(pair.evidence)
            shown.append(
                {
                    "id": pair.id,
                    "probability": pair.probability,
                    "status": pair.status,
                    **sides,
                    "evidence_for": [
                        f"{e['comparison']} {e['level']}" for e in evidence if e["weight"] > 0
                    ],
                    "evidence_against": [
                        f"{e['comparison']} {e['level']}" for e in evidence if e["weight"] < 0
                    ],
                }
            )
        return shown
