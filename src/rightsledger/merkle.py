"""Merkle tree hashing and proofs for append-only logs, as RFC 6962 / RFC 9162 define them.

The custody log and the audit trail are append-only; each entry's canonical bytes are one leaf.
A tree head (size + root) commits to every entry up to that size, an inclusion proof shows that
one entry is in a given head, and a consistency proof shows that a later head extends an earlier
one without rewriting it. Because the hashing is exactly that of Certificate Transparency, heads
and proofs produced here can be checked by any independent RFC 6962 verifier.

Conventions:

* Functions that *build* hashes or proofs take leaf hashes (``leaf_hash(entry)``, 32 bytes), not
  entries, so callers can store leaf hashes beside rows and never re-serialise. They raise
  ``ValueError`` for arguments no correct caller would pass (an index outside the tree, a
  shrinking tree, a leaf hash that is not 32 bytes).
* Functions that *verify* take whatever a possibly hostile party sent and return ``False`` for
  anything that does not check out, including proofs and hashes of the wrong shape: a verifier
  that raises on crafted input is a denial-of-service lever and invites ``except`` blocks that
  accidentally treat an error as success.

Everything is iterative: the log can hold millions of entries, and recursion over list slices
would copy the leaves at every level and run into Python's recursion limit.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Sequence
from itertools import islice

__all__ = [
    "EMPTY_ROOT",
    "HASH_SIZE",
    "MerkleAccumulator",
    "consistency_proof",
    "inclusion_proof",
    "leaf_hash",
    "node_hash",
    "root",
    "root_from_inclusion_proof",
    "verify_consistency",
    "verify_inclusion",
]

HASH_SIZE = 32
"""Length in bytes of every hash here (SHA-256)."""

# The one-byte prefixes are what RFC 6962 §2.1 uses for domain separation: without them an
# interior node (two hashes concatenated) could be passed off as a 64-byte leaf, and a proof for a
# leaf that does not exist could be forged (a second-preimage attack on the tree).
_LEAF_PREFIX = b"\x00"
_NODE_PREFIX = b"\x01"

EMPTY_ROOT: bytes = hashlib.sha256(b"").digest()
"""Root of the empty tree: SHA-256 of the empty string (RFC 6962 §2.1)."""


def leaf_hash(entry: bytes) -> bytes:
    """Return the leaf hash of one log entry: SHA-256(0x00 ‖ entry)."""
    return hashlib.sha256(_LEAF_PREFIX + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """Return the hash of an interior node: SHA-256(0x01 ‖ left ‖ right)."""
    return hashlib.sha256(_NODE_PREFIX + left + right).digest()


# --------------------------------------------------------------------------------------------
# Building roots and proofs
# --------------------------------------------------------------------------------------------


def _split_point(n: int) -> int:
    """Largest power of two strictly smaller than ``n`` (``n`` >= 2): RFC 6962's split ``k``."""
    return 1 << ((n - 1).bit_length() - 1)


def _check_leaf_hashes(leaf_hashes: Sequence[bytes]) -> None:
    # A wrong-length "leaf hash" almost always means raw entries were passed where leaf hashes
    # belong; the tree would then silently commit to the wrong thing, so refuse loudly.
    if all(isinstance(h, bytes) and len(h) == HASH_SIZE for h in leaf_hashes):
        return
    for position, h in enumerate(leaf_hashes):
        if not isinstance(h, bytes) or len(h) != HASH_SIZE:
            raise ValueError(
                f"leaf hash at position {position} is not {HASH_SIZE} bytes; "
                "pass leaf_hash(entry), not the entry itself"
            )


def _range_root(leaf_hashes: Sequence[bytes], start: int, end: int) -> bytes:
    """Merkle Tree Hash of ``leaf_hashes[start:end]`` without copying the slice.

    Pairs neighbours level by level; a node left without a partner at the end of a level is
    carried up unchanged. That yields RFC 6962's tree exactly, because the RFC's split at the
    largest power of two below n makes every left subtree perfect and leaves the only
    incomplete subtree on the right edge, which is the node that has no partner.
    """
    if start >= end:
        return EMPTY_ROOT
    # The first level pairs the caller's leaves through islice so the leaves themselves are
    # never copied; each later level is half the previous one, so the extra memory is about n
    # hashes in total. map() keeps the per-pair loop in C: a million leaves take 1-2 seconds.
    lefts = islice(leaf_hashes, start, end - 1, 2)
    rights = islice(leaf_hashes, start + 1, end, 2)
    level = list(map(node_hash, lefts, rights))
    if (end - start) % 2:
        level.append(leaf_hashes[end - 1])
    while len(level) > 1:
        paired = list(map(node_hash, level[0::2], level[1::2]))
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def root(leaf_hashes: Sequence[bytes]) -> bytes:
    """Return the Merkle Tree Hash (RFC 6962 §2.1) of a list of leaf hashes.

    The empty list gives ``EMPTY_ROOT``; a single leaf hash is its own root.
    """
    _check_leaf_hashes(leaf_hashes)
    return _range_root(leaf_hashes, 0, len(leaf_hashes))


def inclusion_proof(index: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """Return the audit path (RFC 6962 §2.1.1) for leaf ``index`` in the tree of ``leaf_hashes``.

    The path lists sibling subtree hashes from the leaf upwards, as the RFC and every CT
    verifier expect. A tree of one leaf has an empty path.
    """
    size = len(leaf_hashes)
    if isinstance(index, bool) or not isinstance(index, int):
        raise ValueError(f"index must be an integer, not {type(index).__name__}")
    if not 0 <= index < size:
        raise ValueError(f"index {index} is outside a tree of size {size}")
    _check_leaf_hashes(leaf_hashes)
    # Walk down the RFC's recursion from the root, narrowing [lo, hi) to the half that holds
    # the leaf and recording the other half; the RFC appends those on the way back up, so the
    # collected list is reversed at the end.
    path: list[bytes] = []
    lo, hi = 0, size
    while hi - lo > 1:
        mid = lo + _split_point(hi - lo)
        if index < mid:
            path.append(_range_root(leaf_hashes, mid, hi))
            hi = mid
        else:
            path.append(_range_root(leaf_hashes, lo, mid))
            lo = mid
    path.reverse()
    return path


def consistency_proof(old_size: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """Return the consistency proof (RFC 6962 §2.1.2) from ``old_size`` to ``len(leaf_hashes)``.

    The proof is empty when ``old_size`` is 0 (every tree extends the empty tree) or equals the
    new size (a tree is consistent with itself).
    """
    new_size = len(leaf_hashes)
    if isinstance(old_size, bool) or not isinstance(old_size, int):
        raise ValueError(f"old_size must be an integer, not {type(old_size).__name__}")
    if old_size < 0:
        raise ValueError(f"old_size {old_size} is negative")
    if old_size > new_size:
        raise ValueError(f"old_size {old_size} is larger than the new size {new_size}")
    _check_leaf_hashes(leaf_hashes)
    if old_size in (0, new_size):
        return []
    # Iterative form of the RFC's SUBPROOF(m, D[lo:hi], b). ``b`` stays true while the old tree
    # is still a left-aligned prefix of the current subtree; once we step into a right half it
    # becomes false, and the old tree's last subtree must then be sent explicitly because the
    # verifier cannot know it from the old root alone.
    proof: list[bytes] = []
    lo, hi, m = 0, new_size, old_size
    old_root_known = True
    while m != hi - lo:
        k = _split_point(hi - lo)
        if m <= k:
            proof.append(_range_root(leaf_hashes, lo + k, hi))
            hi = lo + k
        else:
            proof.append(_range_root(leaf_hashes, lo, lo + k))
            lo += k
            m -= k
            old_root_known = False
    if not old_root_known:
        proof.append(_range_root(leaf_hashes, lo, hi))
    # The RFC builds the proof innermost-first; we collected it outermost-first.
    proof.reverse()
    return proof


class MerkleAccumulator:
    """Streaming Merkle tree: feed leaf hashes in order, ask for the root at any size.

    Only the roots of the perfect subtrees that make up the current tree are kept (one per set
    bit of ``size``, largest first), so memory is O(log n) however long the log. That lets a
    verifier recompute a log's root while streaming rows out of a database cursor.
    """

    __slots__ = ("_peaks", "_size")

    def __init__(self, leaf_hashes: Iterable[bytes] = ()) -> None:
        self._peaks: list[bytes] = []
        self._size = 0
        self.extend(leaf_hashes)

    @property
    def size(self) -> int:
        """Number of leaves appended so far."""
        return self._size

    def append(self, leaf_hash: bytes) -> None:
        """Add the next leaf hash (``leaf_hash(entry)``, 32 bytes)."""
        if not isinstance(leaf_hash, bytes) or len(leaf_hash) != HASH_SIZE:
            raise ValueError(
                f"leaf hash number {self._size} is not {HASH_SIZE} bytes; "
                "pass leaf_hash(entry), not the entry itself"
            )
        # Adding a leaf is binary increment: each trailing 1 bit of the old size is a perfect
        # subtree of the same height as the carry, so the two merge into one twice as tall.
        merged = leaf_hash
        carry = self._size
        while carry & 1:
            merged = node_hash(self._peaks.pop(), merged)
            carry >>= 1
        self._peaks.append(merged)
        self._size += 1

    def extend(self, leaf_hashes: Iterable[bytes]) -> None:
        """Append each leaf hash in order."""
        for h in leaf_hashes:
            self.append(h)

    def root(self) -> bytes:
        """Root of the tree of all leaves appended so far (equals ``root()`` of them)."""
        if not self._peaks:
            return EMPTY_ROOT
        # Folding the peaks right to left reproduces RFC 6962's shape: the largest perfect
        # subtree is the left child at the top, everything after it hangs to its right.
        acc = self._peaks[-1]
        for peak in reversed(self._peaks[:-1]):
            acc = node_hash(peak, acc)
        return acc


# --------------------------------------------------------------------------------------------
# Verifying proofs (never raises on bad input)
# --------------------------------------------------------------------------------------------


def _is_hash(value: object) -> bool:
    return isinstance(value, bytes) and len(value) == HASH_SIZE


def _is_count(value: object) -> bool:
    # bool is an int subclass; True as a tree size is a caller bug, not a size of 1.
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _hash_list(proof: object) -> list[bytes] | None:
    """The proof as a list of 32-byte hashes, or None if it is not one."""
    # bytes and str are Sequences too; iterating them would yield ints or characters.
    if isinstance(proof, bytes | bytearray | memoryview | str) or not isinstance(proof, Sequence):
        return None
    hashes: list[bytes] = []
    for element in proof:
        if not isinstance(element, bytes) or len(element) != HASH_SIZE:
            return None
        hashes.append(element)
    return hashes


def _same(a: bytes, b: bytes) -> bool:
    # The compared values are public, so constant time is not needed for secrecy; it is used
    # because it is the obviously correct comparison for digests and costs nothing.
    return hmac.compare_digest(a, b)


def root_from_inclusion_proof(
    *, index: int, size: int, leaf_hash: bytes, proof: Sequence[bytes]
) -> bytes:
    """Recompute the root implied by an inclusion proof (RFC 9162 §2.1.3.2).

    Raises ``ValueError`` if the arguments cannot describe a valid proof (index outside the
    tree, wrong number of proof elements, hashes that are not 32 bytes). The caller must still
    compare the result with a root it trusts; ``verify_inclusion`` does both.
    """
    if not _is_count(index) or not _is_count(size):
        raise ValueError("index and size must be non-negative integers")
    if index >= size:
        raise ValueError(f"index {index} is outside a tree of size {size}")
    if not _is_hash(leaf_hash):
        raise ValueError(f"leaf hash must be {HASH_SIZE} bytes")
    path = _hash_list(proof)
    if path is None:
        raise ValueError(f"proof must be a sequence of {HASH_SIZE}-byte hashes")

    # fn is the leaf's position and sn the last position at the current level. When fn is odd
    # or is the last node, the sibling is on the left; a last node that is a left child has no
    # sibling at that level (it was carried up), so those levels are skipped.
    fn, sn = index, size - 1
    acc = leaf_hash
    for sibling in path:
        if sn == 0:
            raise ValueError("proof has more elements than the tree has levels")
        if fn & 1 or fn == sn:
            acc = node_hash(sibling, acc)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            acc = node_hash(acc, sibling)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ValueError("proof has fewer elements than the tree has levels")
    return acc


def verify_inclusion(
    *, index: int, size: int, leaf_hash: bytes, proof: Sequence[bytes], root: bytes
) -> bool:
    """True if ``proof`` shows that ``leaf_hash`` is leaf ``index`` of the tree (size, root)."""
    if not _is_hash(root):
        return False
    try:
        computed = root_from_inclusion_proof(
            index=index, size=size, leaf_hash=leaf_hash, proof=proof
        )
    except ValueError:
        return False
    return _same(computed, root)


def _roots_from_consistency_path(
    old_size: int, new_size: int, old_root: bytes, path: list[bytes]
) -> tuple[bytes, bytes] | None:
    """The (old, new) roots a consistency path implies, for 0 < old_size < new_size.

    RFC 9162 §2.1.4.2, steps 1-6; None where the RFC says to fail the verification.
    """
    if not path:
        return None
    # When the old size is a power of two, the old tree is a complete subtree of the new one and
    # the prover omits its hash (the verifier already has it as old_root).
    if old_size & (old_size - 1) == 0:
        path = [old_root, *path]

    fn, sn = old_size - 1, new_size - 1
    # Skip the levels where the old tree's last node is a right child of a node also entirely
    # inside the old tree: the first proof element is the root of that larger subtree.
    while fn & 1:
        fn >>= 1
        sn >>= 1
    old_acc = new_acc = path[0]
    for element in path[1:]:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            # A left sibling: part of both trees.
            old_acc = node_hash(element, old_acc)
            new_acc = node_hash(element, new_acc)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            # A right sibling: only in the new tree.
            new_acc = node_hash(new_acc, element)
        fn >>= 1
        sn >>= 1
    # Leftover levels mean the proof was too short for these sizes.
    return (old_acc, new_acc) if sn == 0 else None


def verify_consistency(
    *, old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """True if ``proof`` shows that tree (new_size, new_root) extends (old_size, old_root).

    Follows RFC 9162 §2.1.4.2. Equal sizes need an empty proof and equal roots. Old size 0 needs
    an empty proof and ``old_root == EMPTY_ROOT``: the RFCs leave that root unchecked, but a
    size-0 head carrying any other root was not produced by an RFC 6962 log, so it is refused.
    """
    path = _hash_list(proof)
    if (
        path is None
        or not (_is_count(old_size) and _is_count(new_size))
        or not (_is_hash(old_root) and _is_hash(new_root))
        or old_size > new_size
    ):
        return False
    if old_size in (0, new_size):
        # Nothing to prove, so any proof element is malformed rather than merely redundant.
        return (
            not path
            and (old_size != 0 or _same(old_root, EMPTY_ROOT))
            and (old_size != new_size or _same(old_root, new_root))
        )
    roots = _roots_from_consistency_path(old_size, new_size, old_root, path)
    return roots is not None and _same(roots[0], old_root) and _same(roots[1], new_root)
