"""Tests for rightsledger.merkle: published RFC 6962 vectors, edge cases and properties.

The published vectors pin the exact bytes (a tree that is self-consistent but hashed differently
from RFC 6962 would pass every property test and still be useless to an outside verifier). The
property tests then cover every shape of tree up to 300 leaves, cross-checked against a
deliberately naive transcription of the RFC's recursive definitions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from rightsledger.merkle import (
    EMPTY_ROOT,
    HASH_SIZE,
    MerkleAccumulator,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    node_hash,
    root,
    root_from_inclusion_proof,
    verify_consistency,
    verify_inclusion,
)

# --------------------------------------------------------------------------------------------
# Published test vectors
#
# All hex below is copied from github.com/transparency-dev/merkle (Apache-2.0), which carries the
# test data of Certificate Transparency (google/certificate-transparency, google/trillian):
#   * testonly/constants.go   - LeafInputs, NodeHashes, RootHashes, EmptyRootHash
#   * testonly/reference_test.go - TestRefInclusionProof, TestRefConsistencyProof
#   * proof/verify_test.go    - inclusionProofs, consistencyProofs (leaf there is 1-based),
#                               sha256SomeHash, and the negative cases of TestVerifyInclusion,
#                               TestVerifyInclusionSingleEntry and TestVerifyConsistency
#   * rfc6962/rfc6962_test.go - TestRFC6962Hasher
# --------------------------------------------------------------------------------------------


def h(hex_digest: str) -> bytes:
    return bytes.fromhex(hex_digest)


LEAF_INPUTS: list[bytes] = [
    h(""),
    h("00"),
    h("10"),
    h("2021"),
    h("3031"),
    h("40414243"),
    h("5051525354555657"),
    h("606162636465666768696a6b6c6d6e6f"),
]

# NodeHashes(): [level][index] hashes of every complete subtree of the 8-leaf tree; level 0 are
# the leaf hashes.
NODE_HASHES: list[list[bytes]] = [
    [
        h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
        h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
        h("0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7"),
        h("07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7"),
        h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        h("4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658"),
        h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
        h("46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
    ],
    [
        h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
        h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
        h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
        h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
    ],
    [
        h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
    ],
    [
        h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"),
    ],
]

# RootHashes(): root of the tree of the first n leaf inputs, n = 0..8.
ROOT_HASHES: list[bytes] = [
    h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
    h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
    h("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"),
    h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
    h("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"),
    h("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"),
    h("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"),
    h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"),
]

# (index, tree size, audit path); index 0-based as in reference_test.go.
INCLUSION_VECTORS: list[tuple[int, int, list[bytes]]] = [
    (0, 1, []),
    (0, 2, [h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7")]),
    (1, 2, [h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]),
    (2, 3, [h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]),
    (
        1,
        5,
        [
            h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        ],
    ),
    (
        0,
        8,
        [
            h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        ],
    ),
    (
        5,
        8,
        [
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
]

# (old size, new size, consistency proof), from proof/verify_test.go.
CONSISTENCY_VECTORS: list[tuple[int, int, list[bytes]]] = [
    (1, 1, []),
    (
        1,
        8,
        [
            h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        ],
    ),
    (
        6,
        8,
        [
            h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
    (
        2,
        5,
        [
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        ],
    ),
    (
        6,
        7,
        [
            h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
]

# sha256SomeHash in proof/verify_test.go: an arbitrary well-formed hash that is no tree's root.
SOME_HASH = h("abacaba000000000000000000000000000000000000000000060061e00123456")

LEAF_HASHES = [leaf_hash(entry) for entry in LEAF_INPUTS]


# --------------------------------------------------------------------------------------------
# Naive reference: RFC 6962 §2.1 transcribed literally (recursion over slices). Too slow for
# real logs, which is exactly why it is only here, as an independent oracle.
# --------------------------------------------------------------------------------------------


def ref_split(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def ref_mth(hashes: Sequence[bytes]) -> bytes:
    if not hashes:
        return hashlib.sha256(b"").digest()
    if len(hashes) == 1:
        return hashes[0]
    k = ref_split(len(hashes))
    return hashlib.sha256(b"\x01" + ref_mth(hashes[:k]) + ref_mth(hashes[k:])).digest()


def ref_path(m: int, hashes: Sequence[bytes]) -> list[bytes]:
    n = len(hashes)
    if n == 1:
        return []
    k = ref_split(n)
    if m < k:
        return [*ref_path(m, hashes[:k]), ref_mth(hashes[k:])]
    return [*ref_path(m - k, hashes[k:]), ref_mth(hashes[:k])]


def ref_subproof(m: int, hashes: Sequence[bytes], complete: bool) -> list[bytes]:
    n = len(hashes)
    if m == n:
        return [] if complete else [ref_mth(hashes)]
    k = ref_split(n)
    if m <= k:
        return [*ref_subproof(m, hashes[:k], complete), ref_mth(hashes[k:])]
    return [*ref_subproof(m - k, hashes[k:], False), ref_mth(hashes[:k])]


def ref_consistency(m: int, hashes: Sequence[bytes]) -> list[bytes]:
    return [] if m == 0 else ref_subproof(m, hashes, True)


def flip(proof: list[bytes], element: int, position: int = 0, mask: int = 0x08) -> list[bytes]:
    """Copy of ``proof`` with bits ``mask`` of byte ``position`` of ``proof[element]`` flipped."""
    damaged = bytearray(proof[element])
    damaged[position] ^= mask
    return [*proof[:element], bytes(damaged), *proof[element + 1 :]]


# --------------------------------------------------------------------------------------------
# Hashing and roots against the published vectors
# --------------------------------------------------------------------------------------------


def test_hasher_vectors_from_rfc6962_test_go() -> None:
    assert h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") == EMPTY_ROOT
    # The empty leaf must not hash like the empty tree: domain separation at work.
    assert leaf_hash(b"") == h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
    assert leaf_hash(b"L123456") == h(
        "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56"
    )
    assert node_hash(b"N123", b"N456") == h(
        "aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb"
    )
    assert HASH_SIZE == 32


def test_node_is_not_a_leaf_of_the_concatenation() -> None:
    # From TestRFC6962HasherCollisions: an interior node must not be forgeable as a leaf, and
    # child order must matter.
    a, b = leaf_hash(b"Hello"), leaf_hash(b"World")
    assert a != b
    assert node_hash(a, b) != leaf_hash(a + b)
    assert node_hash(a, b) != node_hash(b, a)


def test_leaf_hashes_match_published_level_zero() -> None:
    assert NODE_HASHES[0] == LEAF_HASHES


def test_every_complete_subtree_matches_published_node_hashes() -> None:
    for level, hashes in enumerate(NODE_HASHES):
        width = 1 << level
        for index, expected in enumerate(hashes):
            start = index * width
            assert root(LEAF_HASHES[start : start + width]) == expected, (level, index)


@pytest.mark.parametrize("size", range(len(ROOT_HASHES)))
def test_roots_match_published_roots(size: int) -> None:
    prefix = LEAF_HASHES[:size]
    assert root(prefix) == ROOT_HASHES[size]
    assert ref_mth(prefix) == ROOT_HASHES[size]
    assert MerkleAccumulator(prefix).root() == ROOT_HASHES[size]


def test_size_eight_root_is_the_well_known_one() -> None:
    assert root(LEAF_HASHES).hex() == (
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    )


def test_accumulator_grows_through_every_published_root() -> None:
    acc = MerkleAccumulator()
    assert acc.size == 0
    assert acc.root() == EMPTY_ROOT
    for size, lh in enumerate(LEAF_HASHES, start=1):
        acc.append(lh)
        assert acc.size == size
        assert acc.root() == ROOT_HASHES[size]
        # Asking for the root must not disturb the state.
        assert acc.root() == ROOT_HASHES[size]


# --------------------------------------------------------------------------------------------
# Inclusion proofs against the published vectors
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("index", "size", "expected"), INCLUSION_VECTORS)
def test_inclusion_proof_matches_published(index: int, size: int, expected: list[bytes]) -> None:
    leaves = LEAF_HASHES[:size]
    assert inclusion_proof(index, leaves) == expected
    assert ref_path(index, leaves) == expected
    lh = LEAF_HASHES[index]
    tree_root = ROOT_HASHES[size]
    assert root_from_inclusion_proof(index=index, size=size, leaf_hash=lh, proof=expected) == (
        tree_root
    )
    assert verify_inclusion(index=index, size=size, leaf_hash=lh, proof=expected, root=tree_root)


def inclusion_probes(
    index: int, size: int, proof: list[bytes], tree_root: bytes, lh: bytes
) -> list[tuple[str, int, int, bytes, list[bytes], bytes]]:
    """Damaged variants of a good proof, as corruptInclusionProof in proof/verify_test.go."""
    probes = [
        ("index - 1", index - 1, size, lh, proof, tree_root),
        ("index + 1", index + 1, size, lh, proof, tree_root),
        ("index ^ 2", index ^ 2, size, lh, proof, tree_root),
        ("size * 2", index, size * 2, lh, proof, tree_root),
        ("size // 2", index, size // 2, lh, proof, tree_root),
        ("wrong-length leaf", index, size, b"WrongLeaf", proof, tree_root),
        ("other leaf", index, size, leaf_hash(b"WrongLeaf"), proof, tree_root),
        ("empty root", index, size, lh, proof, EMPTY_ROOT),
        ("random root", index, size, lh, proof, SOME_HASH),
        ("trailing garbage", index, size, lh, [*proof, b""], tree_root),
        ("trailing root", index, size, lh, [*proof, tree_root], tree_root),
        ("preceding garbage", index, size, lh, [b"", *proof], tree_root),
        ("preceding root", index, size, lh, [tree_root, *proof], tree_root),
    ]
    for element in range(len(proof)):
        probes.append((f"proof[{element}] bit 3", index, size, lh, flip(proof, element), tree_root))
    if proof:
        probes.append(("removed component", index, size, lh, proof[:-1], tree_root))
    if len(proof) > 1:
        inserted = [proof[0], SOME_HASH, *proof[1:]]
        probes.append(("inserted component", index, size, lh, inserted, tree_root))
    return probes


@pytest.mark.parametrize(("index", "size", "expected"), INCLUSION_VECTORS)
def test_damaged_published_inclusion_proofs_fail(
    index: int, size: int, expected: list[bytes]
) -> None:
    probes = inclusion_probes(index, size, expected, ROOT_HASHES[size], LEAF_HASHES[index])
    accepted = [
        desc
        for desc, i, s, lh, proof, tree_root in probes
        if verify_inclusion(index=i, size=s, leaf_hash=lh, proof=proof, root=tree_root)
    ]
    assert accepted == []


@pytest.mark.parametrize(("index", "size"), [(0, 0), (0, 1), (1, 0), (2, 1)])
def test_verify_inclusion_rejects_impossible_positions(index: int, size: int) -> None:
    # TestVerifyInclusion in proof/verify_test.go: none of these can verify with an empty proof.
    for lh, tree_root in [(SOME_HASH, b""), (b"", EMPTY_ROOT), (SOME_HASH, EMPTY_ROOT)]:
        assert not verify_inclusion(index=index, size=size, leaf_hash=lh, proof=[], root=tree_root)


def test_single_entry_tree() -> None:
    # TestVerifyInclusionSingleEntry: a one-leaf tree's root is its leaf hash, with no path.
    lh = leaf_hash(b"data")
    assert root([lh]) == lh
    assert inclusion_proof(0, [lh]) == []
    assert verify_inclusion(index=0, size=1, leaf_hash=lh, proof=[], root=lh)
    assert not verify_inclusion(index=0, size=1, leaf_hash=b"", proof=[], root=lh)
    assert not verify_inclusion(index=0, size=1, leaf_hash=lh, proof=[], root=b"")
    assert not verify_inclusion(index=0, size=1, leaf_hash=b"", proof=[], root=b"")


# --------------------------------------------------------------------------------------------
# Consistency proofs against the published vectors
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "expected"), CONSISTENCY_VECTORS)
def test_consistency_proof_matches_published(old: int, new: int, expected: list[bytes]) -> None:
    leaves = LEAF_HASHES[:new]
    assert consistency_proof(old, leaves) == expected
    assert ref_consistency(old, leaves) == expected
    assert verify_consistency(
        old_size=old,
        new_size=new,
        old_root=ROOT_HASHES[old],
        new_root=ROOT_HASHES[new],
        proof=expected,
    )


def consistency_probes(
    old: int, new: int, old_root: bytes, new_root: bytes, proof: list[bytes]
) -> list[tuple[str, int, int, bytes, bytes, list[bytes]]]:
    """Damaged variants of a good proof, as corruptConsistencyProof in proof/verify_test.go."""
    probes = [
        ("old - 1", old - 1, new, old_root, new_root, proof),
        ("old + 1", old + 1, new, old_root, new_root, proof),
        ("old ^ 2", old ^ 2, new, old_root, new_root, proof),
        ("new * 2", old, new * 2, old_root, new_root, proof),
        ("new // 2", old, new // 2, old_root, new_root, proof),
        ("wrong-length old root", old, new, b"WrongRoot", new_root, proof),
        ("wrong-length new root", old, new, old_root, b"WrongRoot", proof),
        ("other old root", old, new, SOME_HASH, new_root, proof),
        ("other new root", old, new, old_root, SOME_HASH, proof),
        ("swapped roots", old, new, new_root, old_root, proof),
        ("empty proof", old, new, old_root, new_root, []),
        ("trailing garbage", old, new, old_root, new_root, [*proof, b""]),
        ("trailing old root", old, new, old_root, new_root, [*proof, old_root]),
        ("trailing new root", old, new, old_root, new_root, [*proof, new_root]),
        ("preceding garbage", old, new, old_root, new_root, [b"", *proof]),
        ("preceding old root", old, new, old_root, new_root, [old_root, *proof]),
        ("preceding new root", old, new, old_root, new_root, [new_root, *proof]),
        ("preceding proof[0]", old, new, old_root, new_root, [proof[0], *proof]),
        ("truncated", old, new, old_root, new_root, proof[:-1]),
    ]
    for element in range(len(proof)):
        damaged = flip(proof, element, mask=0x10)
        probes.append((f"proof[{element}] bit 4", old, new, old_root, new_root, damaged))
    return probes


@pytest.mark.parametrize(("old", "new", "expected"), [v for v in CONSISTENCY_VECTORS if v[2]])
def test_damaged_published_consistency_proofs_fail(
    old: int, new: int, expected: list[bytes]
) -> None:
    probes = consistency_probes(old, new, ROOT_HASHES[old], ROOT_HASHES[new], expected)
    accepted = [
        desc
        for desc, o, n, old_root, new_root, proof in probes
        if verify_consistency(
            old_size=o, new_size=n, old_root=old_root, new_root=new_root, proof=proof
        )
    ]
    assert accepted == []


ROOT_A = leaf_hash(b"root a")
ROOT_B = leaf_hash(b"root b")


@pytest.mark.parametrize(
    ("old", "new", "old_root", "new_root", "proof", "expected"),
    [
        # Adapted from TestVerifyConsistency. The Go test uses short "don't care" roots; here
        # roots must be 32 bytes, and a size-0 head must carry the empty-tree root.
        (0, 0, EMPTY_ROOT, EMPTY_ROOT, [], True),
        (0, 1, EMPTY_ROOT, ROOT_B, [], True),
        (1, 1, ROOT_B, ROOT_B, [], True),
        (0, 0, ROOT_A, ROOT_A, [], False),  # a size-0 head with a non-empty-tree root
        (0, 5, ROOT_A, ROOT_B, [], False),
        (0, 0, EMPTY_ROOT, ROOT_B, [], False),
        (1, 1, ROOT_A, ROOT_B, [], False),
        # Time travel to the past.
        (1, 0, ROOT_A, ROOT_B, [], False),
        (2, 1, ROOT_A, ROOT_B, [], False),
        # Growth needs a proof.
        (1, 2, ROOT_A, ROOT_B, [], False),
        # Roots match but the proof is not empty.
        (0, 0, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT], False),
        (0, 1, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT], False),
        (1, 1, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT], False),
    ],
)
def test_consistency_edge_cases(
    *, old: int, new: int, old_root: bytes, new_root: bytes, proof: list[bytes], expected: bool
) -> None:
    assert (
        verify_consistency(
            old_size=old, new_size=new, old_root=old_root, new_root=new_root, proof=proof
        )
        is expected
    )


def test_consistency_proofs_for_trivial_sizes_are_empty() -> None:
    assert consistency_proof(0, LEAF_HASHES) == []
    assert consistency_proof(8, LEAF_HASHES) == []
    assert consistency_proof(0, []) == []


# --------------------------------------------------------------------------------------------
# Argument errors (builders raise) and malformed input (verifiers return False)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("index", [-1, 8, 100])
def test_inclusion_proof_rejects_index_outside_tree(index: int) -> None:
    with pytest.raises(ValueError, match="outside a tree of size 8"):
        inclusion_proof(index, LEAF_HASHES)


def test_inclusion_proof_rejects_empty_tree_and_non_integers() -> None:
    with pytest.raises(ValueError, match="outside a tree of size 0"):
        inclusion_proof(0, [])
    with pytest.raises(ValueError, match="integer"):
        inclusion_proof(True, LEAF_HASHES)
    with pytest.raises(ValueError, match="integer"):
        inclusion_proof(1.0, LEAF_HASHES)  # type: ignore[arg-type]


def test_consistency_proof_rejects_bad_sizes() -> None:
    with pytest.raises(ValueError, match="larger than the new size 8"):
        consistency_proof(9, LEAF_HASHES)
    with pytest.raises(ValueError, match="negative"):
        consistency_proof(-1, LEAF_HASHES)
    with pytest.raises(ValueError, match="integer"):
        consistency_proof(False, LEAF_HASHES)


def test_builders_refuse_entries_passed_as_leaf_hashes() -> None:
    # The classic mistake: handing over entries instead of leaf hashes.
    entries = [b"entry one", b"entry two"]
    with pytest.raises(ValueError, match="position 0 is not 32 bytes"):
        root(entries)
    with pytest.raises(ValueError, match="position 1 is not 32 bytes"):
        inclusion_proof(0, [LEAF_HASHES[0], b"x" * 33])
    with pytest.raises(ValueError, match="not 32 bytes"):
        consistency_proof(1, [LEAF_HASHES[0], bytearray(32)])  # type: ignore[list-item]
    acc = MerkleAccumulator()
    with pytest.raises(ValueError, match="leaf hash number 0 is not 32 bytes"):
        acc.append(b"entry one")
    assert acc.size == 0  # a refused leaf leaves the accumulator untouched
    with pytest.raises(ValueError, match="not 32 bytes"):
        MerkleAccumulator(entries)


def test_root_from_inclusion_proof_explains_failures() -> None:
    lh = LEAF_HASHES[0]
    with pytest.raises(ValueError, match="outside a tree"):
        root_from_inclusion_proof(index=3, size=3, leaf_hash=lh, proof=[])
    with pytest.raises(ValueError, match="more elements"):
        root_from_inclusion_proof(index=0, size=1, leaf_hash=lh, proof=[lh])
    with pytest.raises(ValueError, match="fewer elements"):
        root_from_inclusion_proof(index=0, size=2, leaf_hash=lh, proof=[])
    with pytest.raises(ValueError, match="32-byte"):
        root_from_inclusion_proof(index=0, size=2, leaf_hash=lh, proof=[b"short"])


MALFORMED_PROOFS: list[object] = [
    None,
    42,
    b"\x00" * 32,  # one hash passed where a list of hashes belongs
    "6e340b9c" * 8,
    [None],
    [1, 2, 3],
    [b"\x00" * 31],
    [b"\x00" * 33],
    [bytearray(32)],
    [hashlib.sha256(b"x").hexdigest()],
]


@pytest.mark.parametrize("proof", MALFORMED_PROOFS)
def test_verifiers_return_false_for_malformed_proofs(proof: object) -> None:
    assert (
        verify_inclusion(
            index=1,
            size=2,
            leaf_hash=LEAF_HASHES[1],
            proof=proof,  # type: ignore[arg-type]
            root=ROOT_HASHES[2],
        )
        is False
    )
    assert (
        verify_consistency(
            old_size=1,
            new_size=2,
            old_root=ROOT_HASHES[1],
            new_root=ROOT_HASHES[2],
            proof=proof,  # type: ignore[arg-type]
        )
        is False
    )


@pytest.mark.parametrize(
    ("index", "size"), [(-1, 2), (1, -2), (True, 2), (1, 2.0), (None, 2), (1, 2**70)]
)
def test_verify_inclusion_returns_false_for_bad_positions(index: object, size: object) -> None:
    good = inclusion_proof(1, LEAF_HASHES[:2])
    assert (
        verify_inclusion(
            index=index,  # type: ignore[arg-type]
            size=size,  # type: ignore[arg-type]
            leaf_hash=LEAF_HASHES[1],
            proof=good,
            root=ROOT_HASHES[2],
        )
        is False
    )


@pytest.mark.parametrize(("old", "new"), [(-1, 8), (6, -8), (True, 8), (6, 8.0), (6, 2**70)])
def test_verify_consistency_returns_false_for_bad_sizes(old: object, new: object) -> None:
    good = consistency_proof(6, LEAF_HASHES)
    assert (
        verify_consistency(
            old_size=old,  # type: ignore[arg-type]
            new_size=new,  # type: ignore[arg-type]
            old_root=ROOT_HASHES[6],
            new_root=ROOT_HASHES[8],
            proof=good,
        )
        is False
    )


def test_verifiers_return_false_for_non_bytes_hashes() -> None:
    proof = inclusion_proof(1, LEAF_HASHES[:2])
    assert not verify_inclusion(
        index=1,
        size=2,
        leaf_hash=LEAF_HASHES[1].hex(),  # type: ignore[arg-type]
        proof=proof,
        root=ROOT_HASHES[2],
    )
    assert not verify_consistency(
        old_size=1,
        new_size=2,
        old_root=None,  # type: ignore[arg-type]
        new_root=ROOT_HASHES[2],
        proof=consistency_proof(1, LEAF_HASHES[:2]),
    )


# --------------------------------------------------------------------------------------------
# Properties over random trees
# --------------------------------------------------------------------------------------------

MAX_SIZE = 300


def make_leaves(salt: bytes, size: int) -> list[bytes]:
    # Entries are distinct by construction, so "a different leaf" is always really different.
    return [leaf_hash(salt + i.to_bytes(4, "big")) for i in range(size)]


salts = st.binary(max_size=4)
sizes = st.integers(min_value=1, max_value=MAX_SIZE)


def _extend(leaves: list[bytes], size: int) -> list[bytes]:
    """The first ``size`` leaves of the log that ``leaves`` is a prefix of (or a prefix of it)."""
    if size <= len(leaves):
        return leaves[:size]
    extra = [leaf_hash(b"later" + i.to_bytes(4, "big")) for i in range(size - len(leaves))]
    return leaves + extra


@st.composite
def tree_and_index(draw: st.DrawFn) -> tuple[list[bytes], int]:
    leaves = make_leaves(draw(salts), draw(sizes))
    return leaves, draw(st.integers(min_value=0, max_value=len(leaves) - 1))


@st.composite
def tree_and_old_size(draw: st.DrawFn) -> tuple[list[bytes], int]:
    leaves = make_leaves(draw(salts), draw(st.integers(min_value=0, max_value=MAX_SIZE)))
    return leaves, draw(st.integers(min_value=0, max_value=len(leaves)))


# Trees of a few hundred leaves take a few milliseconds each; the default 200 ms deadline is
# only at risk on a loaded CI machine, and a timing flake would teach people to ignore failures.
relaxed = settings(deadline=None)


@relaxed
@given(tree_and_index())
def test_inclusion_proofs_verify_and_match_reference(case: tuple[list[bytes], int]) -> None:
    leaves, index = case
    proof = inclusion_proof(index, leaves)
    assert proof == ref_path(index, leaves)
    tree_root = root(leaves)
    assert tree_root == ref_mth(leaves)
    assert verify_inclusion(
        index=index, size=len(leaves), leaf_hash=leaves[index], proof=proof, root=tree_root
    )


@relaxed
@given(tree_and_index(), st.data())
def test_damaged_inclusion_proofs_fail(case: tuple[list[bytes], int], data: st.DataObject) -> None:
    leaves, index = case
    size = len(leaves)
    assume(size > 1)  # a one-leaf tree has an empty path: nothing to damage
    proof = inclusion_proof(index, leaves)
    tree_root = root(leaves)
    lh = leaves[index]

    element = data.draw(st.integers(0, len(proof) - 1), label="element")
    position = data.draw(st.integers(0, HASH_SIZE - 1), label="byte")
    mask = data.draw(st.integers(1, 255), label="mask")
    damaged = flip(proof, element, position, mask)
    assert not verify_inclusion(index=index, size=size, leaf_hash=lh, proof=damaged, root=tree_root)

    other_index = data.draw(st.integers(0, size - 1).filter(lambda i: i != index), label="index")
    assert not verify_inclusion(
        index=other_index, size=size, leaf_hash=lh, proof=proof, root=tree_root
    )

    other_entry = data.draw(st.binary(max_size=8), label="other entry")
    assert not verify_inclusion(
        index=index, size=size, leaf_hash=leaf_hash(other_entry), proof=proof, root=tree_root
    )


@relaxed
@given(tree_and_index(), st.data())
def test_inclusion_proofs_are_bound_to_their_tree_size(
    case: tuple[list[bytes], int], data: st.DataObject
) -> None:
    leaves, index = case
    size = len(leaves)
    proof = inclusion_proof(index, leaves)
    # Against the genuine head of any other size the proof must fail. (Against the *same* root,
    # a neighbouring size can share the proof's shape and pass: RFC 9162's algorithm does not
    # authenticate the size, the signed tree head does. So that is not asserted in general.)
    other_size = data.draw(st.integers(index + 1, MAX_SIZE + 1).filter(lambda s: s != size))
    other_root = root(_extend(leaves, other_size))
    assert not verify_inclusion(
        index=index, size=other_size, leaf_hash=leaves[index], proof=proof, root=other_root
    )
    # Doubling or halving the size changes the path's shape, as the Go probes assume; checked
    # exhaustively for every index of every size up to MAX_SIZE while writing these tests.
    for wrong_size in (size * 2, size // 2):
        assert not verify_inclusion(
            index=index, size=wrong_size, leaf_hash=leaves[index], proof=proof, root=root(leaves)
        )


@relaxed
@given(tree_and_old_size())
def test_consistency_proofs_verify_and_match_reference(case: tuple[list[bytes], int]) -> None:
    leaves, old_size = case
    proof = consistency_proof(old_size, leaves)
    assert proof == ref_consistency(old_size, leaves)
    assert verify_consistency(
        old_size=old_size,
        new_size=len(leaves),
        old_root=root(leaves[:old_size]),
        new_root=root(leaves),
        proof=proof,
    )


@relaxed
@given(tree_and_old_size(), st.data())
def test_damaged_consistency_proofs_fail(
    case: tuple[list[bytes], int], data: st.DataObject
) -> None:
    leaves, old_size = case
    new_size = len(leaves)
    assume(0 < old_size < new_size)  # otherwise the proof is empty: nothing to damage
    proof = consistency_proof(old_size, leaves)
    old_root, new_root = root(leaves[:old_size]), root(leaves)

    element = data.draw(st.integers(0, len(proof) - 1), label="element")
    position = data.draw(st.integers(0, HASH_SIZE - 1), label="byte")
    mask = data.draw(st.integers(1, 255), label="mask")
    assert not verify_consistency(
        old_size=old_size,
        new_size=new_size,
        old_root=old_root,
        new_root=new_root,
        proof=flip(proof, element, position, mask),
    )

    # A rewritten history: one leaf of the new tree replaced. Whether the change falls inside
    # the old tree or after it, the genuine proof cannot bridge the two heads.
    changed = data.draw(st.integers(0, new_size - 1), label="changed leaf")
    forked = [*leaves[:changed], leaf_hash(b"forged"), *leaves[changed + 1 :]]
    assert not verify_consistency(
        old_size=old_size,
        new_size=new_size,
        old_root=root(forked[:old_size]) if changed < old_size else old_root,
        new_root=new_root if changed < old_size else root(forked),
        proof=proof,
    )

    # Go-style probes with the same roots; checked exhaustively up to MAX_SIZE as above.
    for wrong_old, wrong_new in [
        (old_size - 1, new_size),
        (old_size + 1, new_size),
        (old_size ^ 2, new_size),
        (old_size, new_size * 2),
        (old_size, new_size // 2),
    ]:
        assert not verify_consistency(
            old_size=wrong_old,
            new_size=wrong_new,
            old_root=old_root,
            new_root=new_root,
            proof=proof,
        )


@relaxed
@given(tree_and_old_size(), st.data())
def test_consistency_proofs_are_bound_to_their_sizes(
    case: tuple[list[bytes], int], data: st.DataObject
) -> None:
    leaves, old_size = case
    new_size = len(leaves)
    assume(0 < old_size < new_size)
    proof = consistency_proof(old_size, leaves)
    # Against the genuine heads of other sizes of the same log the proof must fail. (As with
    # inclusion, the same roots with other sizes can pass; signed heads bind size to root.)
    other_old = data.draw(st.integers(0, MAX_SIZE), label="other old size")
    other_new = data.draw(st.integers(other_old, MAX_SIZE + 1), label="other new size")
    assume((other_old, other_new) != (old_size, new_size))
    assert not verify_consistency(
        old_size=other_old,
        new_size=other_new,
        old_root=root(_extend(leaves, other_old)),
        new_root=root(_extend(leaves, other_new)),
        proof=proof,
    )


@relaxed
@given(salts, st.integers(min_value=0, max_value=MAX_SIZE))
def test_accumulator_agrees_with_root_for_every_prefix(salt: bytes, size: int) -> None:
    leaves = make_leaves(salt, size)
    acc = MerkleAccumulator()
    assert acc.root() == root([])
    for n, lh in enumerate(leaves, start=1):
        acc.append(lh)
        assert acc.size == n
        assert acc.root() == root(leaves[:n])


def test_large_log_without_recursion() -> None:
    # 2**17 + 3 leaves: deep enough that any recursion over levels or slices would be slow, and
    # an odd size so the ragged right edge is exercised at scale.
    leaves = make_leaves(b"big", 2**17 + 3)
    tree_root = root(leaves)
    assert MerkleAccumulator(leaves).root() == tree_root
    index = len(leaves) - 2
    proof = inclusion_proof(index, leaves)
    assert verify_inclusion(
        index=index, size=len(leaves), leaf_hash=leaves[index], proof=proof, root=tree_root
    )
    old_size = 100_001
    assert verify_consistency(
        old_size=old_size,
        new_size=len(leaves),
        old_root=root(leaves[:old_size]),
        new_root=tree_root,
        proof=consistency_proof(old_size, leaves),
    )
