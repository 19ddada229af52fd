"""Schemathesis against /api/openapi.json, in-process: no 5xx, and every answer is as declared.

Each operation gets a bounded number of generated requests as an admin (who may do everything,
imports included) and as a viewer (who is refused most things): the status codes, content types
and bodies must match the spec, including the one error shape.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode, checks

from rightsledger.protect import tokens
from rightsledger.store.casebook import Casebook
from tests.web_support import make_staffed_web

EXAMPLES = 25
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
LIMITS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing written under .hypothesis: each run starts afresh
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
SHORT_LIMITS = settings(LIMITS, max_examples=10)


def test_generated_requests_get_declared_answers_and_no_server_errors(casebook: Casebook) -> None:
    staffed_web = make_staffed_web(casebook)
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", staffed_web.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    headers = {}
    with staffed_web.casebook.session() as session:
        for role in ("admin", "viewer"):
            made = tokens.create_token(session, name="schemathesis", actor=None, for_user=role)
            headers[role] = {"authorization": f"Bearer {made.secret}"}
    for operation in operations:
        _exercise(operation, headers["admin"], GenerationMode.POSITIVE, LIMITS)
        # A viewer is refused or narrowed almost everywhere: fewer examples find that.
        _exercise(operation, headers["viewer"], GenerationMode.POSITIVE, SHORT_LIMITS)
        # Requests that break the spec (wrong types, out of range) must be refused, not crash.
        _exercise(operation, headers["admin"], GenerationMode.NEGATIVE, SHORT_LIMITS)


def _exercise(
    operation: Any, headers: dict[str, str], mode: GenerationMode, limits: settings
) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @limits
    def check(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    check()
