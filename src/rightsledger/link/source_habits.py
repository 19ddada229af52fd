"""Which sources list one person twice, learned from the scored pairs themselves.

A memorial list or a passport register names each man once; an NGO's running list or posts on
social media repeat him, each time spelled and filled in differently. Clustering asks a pair from
one source for a strong match of its own before it joins them; for a source that repeats people
that is too strict, because its repeats are exactly the sparse, misspelled records that score
in the middle.

How often a source repeats people shows in the links nobody doubts: confident pairs inside the
source against confident pairs between it and the other sources. A source that never repeats
anyone has only the odd namesake inside it; one that does has a share of the same order as its
links to other lists. The required probability falls with that share, smoothly, so that one
more or one fewer confident pair on a small list does not flip its treatment.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

# Links at or above this are taken as certain enough to count a source's repeats.
CONFIDENT = 0.9
# Confident links to other sources a source is assumed to have before any are seen, so that a
# small list with two confident pairs inside it is not judged on those alone.
PRIOR_ACROSS = 20.0
# Repeats per confident link to other sources: below the first a source is taken never to list
# anyone twice, from the second on it repeats people freely; in between the requirement slides.
REPEAT_SHARE_NONE = 0.02
REPEAT_SHARE_FREE = 0.06
# What a pair inside a source that repeats people freely still needs of its own.
REPEATING_SOURCE_THRESHOLD = 0.4


def repeat_shares(
    sources: Sequence[str], links: Iterable[tuple[int, int, float]]
) -> dict[str, float]:
    """Per source: its confident pairs inside it per confident pair with other sources.

    `sources[i]` is record i's source; `links` are (i, j, probability) for scored pairs.
    """
    within: Counter[str] = Counter()
    across: Counter[str] = Counter()
    for i, j, p in links:
        if p < CONFIDENT:
            continue
        first, second = sources[i], sources[j]
        if first == second:
            within[first] += 1
        else:
            across[first] += 1
            across[second] += 1
    return {source: within[source] / (across[source] + PRIOR_ACROSS) for source in set(sources)}


def within_source_thresholds(
    sources: Sequence[str], links: Iterable[tuple[int, int, float]], *, strict: float, floor: float
) -> dict[str, float]:
    """The probability a pair of records from one source needs of its own, per source.

    `strict` is what a source that never repeats anyone asks; `floor` (the clustering threshold)
    is the least any pair is asked.
    """
    relaxed = min(strict, REPEATING_SOURCE_THRESHOLD)
    found = {}
    for source, share in repeat_shares(sources, links).items():
        slide = (share - REPEAT_SHARE_NONE) / (REPEAT_SHARE_FREE - REPEAT_SHARE_NONE)
        slide = min(1.0, max(0.0, slide))
        found[source] = max(floor, strict - (strict - relaxed) * slide)
    return found
