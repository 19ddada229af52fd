"""Password hashing with Argon2id, and the rules a new password must meet.

The parameters are explicit rather than argon2-cffi's defaults so that an upgrade of the library
never silently changes them, and so that a test can pin them. They exceed OWASP's minimum for
Argon2id (19 MiB, two passes, one lane): 46 MiB and two passes cost about 0.1 s per login on a
small laptop, which is nothing for a person and a great deal for someone guessing offline.
A stored hash records the parameters it was made with; a login with older ones re-hashes.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from rightsledger.errors import InvalidValue

MEMORY_KIB = 46 * 1024
TIME_COST = 2
PARALLELISM = 1
HASH_BYTES = 32
SALT_BYTES = 16
# Length, not composition, is what makes a password hard to guess (NIST SP 800-63B, ASVS 6.2).
MIN_LENGTH = 12
# Argon2 takes any length; the cap only keeps a pasted book from costing the server.
MAX_LENGTH = 1024

_HASHER = PasswordHasher(
    time_cost=TIME_COST,
    memory_cost=MEMORY_KIB,
    parallelism=PARALLELISM,
    hash_len=HASH_BYTES,
    salt_len=SALT_BYTES,
    type=Type.ID,
)
# Verified when the username is unknown, so that the answer takes as long as for a real user.
_DUMMY_HASH = _HASHER.hash("rightsledger: no such user")


def check_new_password(password: str) -> None:
    """Refuse a password that is too short or too long (no other composition rules)."""
    if len(password) < MIN_LENGTH:
        raise InvalidValue(f"the password must be at least {MIN_LENGTH} characters long")
    if len(password) > MAX_LENGTH:
        raise InvalidValue(f"the password must be at most {MAX_LENGTH} characters long")


def hash_password(password: str) -> str:
    """An Argon2id hash string (PHC format) with the current parameters and a random salt."""
    return _HASHER.hash(password)


def verify_password(stored: str, password: str) -> bool:
    """True when ``password`` matches ``stored``; a malformed stored hash never matches."""
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _HASHER.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def waste_time(password: str) -> None:
    """Spend what a real verification costs (for unknown or unusable accounts)."""
    verify_password(_DUMMY_HASH, password[:MAX_LENGTH])


def needs_rehash(stored: str) -> bool:
    """True when ``stored`` was made with other parameters than the current ones."""
    try:
        return _HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True


def parameters_of(stored: str) -> dict[str, int | str]:
    """The parameters recorded in a stored hash (for tests and `user list`)."""
    parameters = extract_parameters(stored)
    return {
        "type": parameters.type.name.lower(),
        "memory_kib": parameters.memory_cost,
        "time_cost": parameters.time_cost,
        "parallelism": parameters.parallelism,
        "hash_bytes": parameters.hash_len,
        "salt_bytes": parameters.salt_len,
    }
