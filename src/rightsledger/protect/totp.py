"""Time-based one-time codes (RFC 6238): 6 digits, 30-second steps, SHA-1 as every app expects.

A code is accepted from the current step or one step either side (clocks drift, people type
slowly), and only from a step later than the last one accepted for the user: a code seen once,
or any code older than it, is a replay and is refused.
"""

from __future__ import annotations

import datetime as dt
import hmac

import pyotp

ISSUER = "rightsledger"
DIGITS = 6
STEP_SECONDS = 30
WINDOW_STEPS = 1


def new_secret() -> str:
    """A fresh base32 secret (160 bits, the RFC 4226 recommendation)."""
    return pyotp.random_base32(length=32)


def _totp(secret: str) -> pyotp.TOTP:
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS)


def provisioning_uri(secret: str, username: str, *, issuer: str = ISSUER) -> str:
    """The otpauth:// URI an authenticator app reads (from a QR code or pasted)."""
    # pyotp percent-encodes the label; usernames are plain ASCII words (see users.py).
    return _totp(secret).provisioning_uri(name=username, issuer_name=issuer)


def step_at(moment: dt.datetime) -> int:
    return int(moment.timestamp()) // STEP_SECONDS


def code_at(secret: str, moment: dt.datetime) -> str:
    """The code an authenticator shows at ``moment`` (tests and enrolment checks use it)."""
    return _totp(secret).at(moment)


def normalise_code(code: str) -> str | None:
    """Digits only ("123 456" and "123-456" are accepted); None when it cannot be a code."""
    digits = "".join(ch for ch in code if ch not in " -")
    if len(digits) != DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    return digits


def accepted_step(secret: str, code: str, *, now: dt.datetime, last_step: int | None) -> int | None:
    """The time step ``code`` belongs to if it is valid and fresh, else None.

    Fresh means later than ``last_step``, the step of the last code accepted for this user.
    """
    digits = normalise_code(code)
    if digits is None:
        return None
    current = step_at(now)
    totp = _totp(secret)
    for step in range(current - WINDOW_STEPS, current + WINDOW_STEPS + 1):
        if last_step is not None and step <= last_step:
            continue
        # generate_otp takes a counter: the step number is exactly that (RFC 6238 §4).
        if hmac.compare_digest(totp.generate_otp(step), digits):
            return step
    return None
