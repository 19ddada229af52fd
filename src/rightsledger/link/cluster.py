"""Clustering scored pairs with reasoning over whole clusters.

Joining pairs above a threshold one by one (connected components) chains namesakes: Magomed
Khasanov born 1991 and Magomed Khasanov born 1985 meet through a third record that gives only
the name. Here links are taken strongest first and two clusters merge only if no member of one
contradicts a member of the other:

- a different given name (brothers share a family name, patronymic and place, not a given name;
  two names the alias table knows as different count as different even one letter apart),
- birth dates more than a year apart, or two full dates that differ other than by a typed digit
  or a swapped day and month; a different sex; a clearly different patronymic,
- two records from one source, unless that pair itself is a strong match (a source rarely lists
  one man twice; how strong depends on how often the source is seen to repeat people, see
  `source_habits`; when the input has a single source this rule is off).

So a record that gives only a name joins at most one of two contradicting people. A link is also
put off while one of its records has a rival: another person it could join as well, matched
about as strongly. How strongly a record matches a cluster is judged against the whole cluster
(the mean over its members, a pair never scored counting as a weak one), so that a namesake whose
cluster already says otherwise in its other records is a weaker rival than its best pair says.

Greedy decisions are then revisited where the links form small groups (a few records of one
name that link only among themselves): every split of such a group into people is weighed
(`partitions`), each pair gets the probability that it is one man, and the split with the most
expected correct pairs, less a cost per pair, replaces the greedy one. A bare name between two
likely candidates then joins the likelier one (for a count it is no new man); a weak link with
no rival is not taken when "someone else" is the likelier answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz.distance import OSA

from rightsledger.link.aliases import alias_groups
from rightsledger.link.names import consonant_key, loose
from rightsledger.link.partitions import best_split
from rightsledger.link.records import Prepared
from rightsledger.link.source_habits import within_source_thresholds

BIRTH_TOLERANCE_DAYS = 366
# A link is put off while one of its records has another candidate, a different person from the
# other side, matching it at least this share as well (both judged over whole clusters): a bare
# "Magomed Khasanov" between two men of that name joins neither until one of them is ruled out.
AMBIGUITY_RATIO = 0.7
CLEAR_LINK = 0.9
SAME_SOURCE_THRESHOLD = 0.8
# How much a pair that was never scored (no blocking rule met it, or it scored below the floor)
# counts when a record is weighed against a whole cluster: little, but not nothing, since
# blocking misses some spellings of one man.
UNSCORED_PAIR = 0.03
# Linked groups of at most this many records are decided by weighing every split into people
# (`partitions`), as long as there are at most SPLIT_BUDGET splits; larger ones keep the greedy
# result. Most groups are small: at the clustering threshold the records of a common name break
# into groups of a few; the budget keeps the time per group bounded on very large lists.
SMALL_GROUP = 10
SPLIT_BUDGET = 300
# Splink's probabilities on namesake-heavy lists run under-confident (a pair scored 0.1 is one
# man about 20% of the time) and a split's weight keeps one link per record, so the odds are
# scaled up before they are weighed; chosen on the project's lists, confirmed on the second
# generator's.
ODDS_SCALE = 6.0
MAX_PROBABILITY = 0.999
# A pair is put in one cluster when the probability that it is one man exceeds this: about half
# the pairwise F1 the linker reaches, the point where a pair adds as much to F1 as it costs.
PAIR_COST = 0.4
# Each pair inside a cluster that was never scored (or scored below the threshold) multiplies
# the cluster's weight by this: one man's records usually meet and score well.
UNSCORED_IN_CLUSTER = 0.5


def _far(a: str | None, b: str | None, edits: int) -> bool:
    return a is not None and b is not None and a != b and OSA.distance(a, b) > edits


def _different_given_names(a: Prepared, b: Prepared) -> bool:
    if not (a.given_key and b.given_key) or a.given_key == b.given_key:
        return False
    groups = alias_groups()
    if a.given_skel in groups and b.given_skel in groups:
        return True  # two names the table knows: Adlan and Aslan are brothers, not a typo
    return _far(a.given_skel, b.given_skel, 2) and a.given_ph != b.given_ph


def contradict(a: Prepared, b: Prepared) -> bool:
    """Whether two records cannot describe one person, whatever their score."""
    if a.sex and b.sex and a.sex != b.sex:
        return True
    if _different_given_names(a, b) or _far(a.patronymic_skel, b.patronymic_skel, 3):
        return True
    if (
        _far(a.family_skel, b.family_skel, 2)
        and a.family_ph != b.family_ph
        and loose(a.family_skel or "") != loose(b.family_skel or "")
        and consonant_key(a.family_skel or "") != consonant_key(b.family_skel or "")
    ):
        return True
    if a.birth_lo is not None and b.birth_lo is not None:
        assert a.birth_hi is not None
        assert b.birth_hi is not None
        gap = max(a.birth_lo - b.birth_hi, b.birth_lo - a.birth_hi)
        if gap > BIRTH_TOLERANCE_DAYS or _different_days(a, b):
            return True
    return False


def _different_days(a: Prepared, b: Prepared) -> bool:
    """Two full birth dates that no single slip turns into each other.

    One man's full dates in two lists agree, or differ by one mistyped digit or by day and month
    read the other way round; two different full dates a few months apart are two men (brothers,
    cousins named after one grandfather).
    """
    if a.birth_lo != a.birth_hi or b.birth_lo != b.birth_hi or a.birth_lo == b.birth_lo:
        return False
    assert a.birth_lo is not None
    assert b.birth_lo is not None
    first, second = date.fromordinal(a.birth_lo), date.fromordinal(b.birth_lo)
    if (first.year, first.month, first.day) == (second.year, second.day, second.month):
        return False
    written = zip(first.isoformat(), second.isoformat(), strict=True)
    return sum(x != y for x, y in written) > 1


@dataclass(frozen=True, slots=True)
class Clusters:
    """cluster_id and the cluster's strongest accepted link for every record, in input order."""

    record_ids: list[str]
    cluster_ids: list[str]
    best_probability: list[float | None]

    def members(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for record, cluster in zip(self.record_ids, self.cluster_ids, strict=True):
            found.setdefault(cluster, []).append(record)
        return found


class _Merger:
    """Union-find over records that refuses merges the cluster rules forbid."""

    def __init__(self, records: Sequence[Prepared], *, strict: float, ratio: float) -> None:
        self.records = records
        self.strict = strict
        self.ratio = ratio
        # With one source there is nothing but duplicates inside it to find.
        self.several_sources = len({r.source for r in records}) > 1
        self.parent = list(range(len(records)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(records))}
        self.best: dict[int, float] = {}
        self.direct: dict[tuple[int, int], float] = {}
        self.neighbours: dict[int, list[tuple[float, int]]] = {}
        # What a pair inside each source needs of its own (`strict` unless learned otherwise).
        self.within_source: dict[str, float] = {}

    def learn_sources(self, floor: float) -> None:
        """Relax the within-source rule for sources seen to list people more than once."""
        if not self.several_sources:
            return
        self.within_source = within_source_thresholds(
            [r.source for r in self.records],
            ((i, j, p) for (i, j), p in self.direct.items()),
            strict=self.strict,
            floor=floor,
        )

    def add_link(self, i: int, j: int, p: float) -> tuple[int, int]:
        key = (i, j) if i < j else (j, i)
        self.direct[key] = max(p, self.direct.get(key, 0.0))
        self.neighbours.setdefault(i, []).append((p, j))
        self.neighbours.setdefault(j, []).append((p, i))
        return key

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def compatible(self, first: list[int], second: list[int]) -> bool:
        for x in first:
            rx = self.records[x]
            for y in second:
                ry = self.records[y]
                if contradict(rx, ry):
                    return False
                if self.several_sources and rx.source == ry.source:
                    pair = (x, y) if x < y else (y, x)
                    need = self.within_source.get(rx.source, self.strict)
                    if self.direct.get(pair, 0.0) < need:
                        return False
        return True

    def strength(self, i: int, cluster_root: int) -> float:
        """How well record i matches a whole cluster: the mean over its members."""
        members = self.members[cluster_root]
        direct = self.direct
        total = sum(direct.get((i, y) if i < y else (y, i), UNSCORED_PAIR) for y in members)
        return total / len(members)

    def ambiguous(self, i: int, own: int, other: int) -> bool:
        """Whether record i has a rival candidate, another person than cluster `other`.

        A rival is a cluster i could join (nothing in it contradicts i's own cluster) but that
        cannot share a person with `other`, matching i about as well as `other` does.
        """
        wanted = self.ratio * self.strength(i, other)
        for q, k in self.neighbours.get(i, ()):
            if q < wanted:
                continue  # no cluster matches i better than its best pair, met on its own turn
            rk = self.root(k)
            if rk in (own, other):
                continue
            if not self.compatible(self.members[rk], self.members[own]):
                continue  # i cannot join it anyway: no rival
            if self.compatible(self.members[rk], self.members[other]):
                continue  # may be the same person as `other`: no rival either
            if self.strength(i, rk) >= wanted:
                return True
        return False

    def allowed(self, i: int, j: int, ri: int, rj: int, p: float) -> bool:
        if not self.compatible(self.members[ri], self.members[rj]):
            return False
        return p >= CLEAR_LINK or not (self.ambiguous(i, ri, rj) or self.ambiguous(j, rj, ri))

    def merge(self, ri: int, rj: int, p: float) -> None:
        members = self.members
        big, small = (ri, rj) if len(members[ri]) >= len(members[rj]) else (rj, ri)
        self.parent[small] = big
        members[big].extend(members.pop(small))
        self.best[big] = max(p, self.best.get(big, 0.0), self.best.pop(small, 0.0))

    def regroup(self, blocks: list[list[int]]) -> None:
        """Replace the clusters of these records (a whole linked group) by `blocks`."""
        for block in blocks:
            for record in block:
                old = self.root(record)
                self.members.pop(old, None)
                self.best.pop(old, None)
        for block in blocks:
            head = block[0]
            for record in block:
                self.parent[record] = head
            self.members[head] = list(block)
            inside = [
                self.direct.get((a, b) if a < b else (b, a), 0.0) for a in block for b in block
            ]
            if len(block) > 1:
                self.best[head] = max(inside)

    def result(self) -> Clusters:
        labels = {
            group_root: min(self.records[m].record_id for m in group)
            for group_root, group in self.members.items()
        }
        roots = [self.root(i) for i in range(len(self.records))]
        return Clusters(
            record_ids=[r.record_id for r in self.records],
            cluster_ids=[labels[r] for r in roots],
            best_probability=[self.best.get(r) for r in roots],
        )


def cluster(
    records: Sequence[Prepared],
    left: Sequence[str],
    right: Sequence[str],
    probability: Sequence[float],
    *,
    threshold: float,
    same_source_threshold: float = SAME_SOURCE_THRESHOLD,
    reason_over_clusters: bool = True,
    ambiguity_ratio: float = AMBIGUITY_RATIO,
    small_groups: int = SMALL_GROUP,
) -> Clusters:
    """Merge clusters along links at or above `threshold`, strongest first.

    Linked groups of at most `small_groups` records are then decided again by weighing all
    their splits into people (0: the greedy result stands everywhere). With
    `reason_over_clusters=False` this is plain connected components (for comparison).
    """
    index = {r.record_id: i for i, r in enumerate(records)}
    merger = _Merger(records, strict=max(threshold, same_source_threshold), ratio=ambiguity_ratio)
    order = [
        (p, merger.add_link(index[a], index[b], p))
        for a, b, p in zip(left, right, probability, strict=True)
        if p >= threshold
    ]
    merger.learn_sources(threshold)
    # Strongest first; ties broken by position so the result does not depend on the engine.
    order.sort(key=lambda item: (-item[0], item[1]))
    for p, (i, j) in order:
        ri, rj = merger.root(i), merger.root(j)
        if ri == rj:
            continue
        if reason_over_clusters and not merger.allowed(i, j, ri, rj, p):
            continue
        merger.merge(ri, rj, p)
    if reason_over_clusters and small_groups > 0:
        _decide_small_groups(merger, [pair for _, pair in order], small_groups)
    return merger.result()


def _linked_groups(links: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Records joined by links, each group breadth first from its strongest link."""
    neighbours: dict[int, list[int]] = {}
    for i, j in links:
        neighbours.setdefault(i, []).append(j)
        neighbours.setdefault(j, []).append(i)
    seen: set[int] = set()
    groups = []
    for start in neighbours:
        if start in seen:
            continue
        seen.add(start)
        group = [start]
        for record in group:  # grows while it is read: breadth first
            for other in neighbours[record]:
                if other not in seen:
                    seen.add(other)
                    group.append(other)
        groups.append(group)
    return groups


def _decide_small_groups(merger: _Merger, links: Sequence[tuple[int, int]], largest: int) -> None:
    """Re-decide each small linked group by weighing all its splits (see `partitions`)."""
    odds = {
        pair: ODDS_SCALE * p / (1 - p)
        for pair, p in ((pair, min(merger.direct[pair], MAX_PROBABILITY)) for pair in links)
    }

    known: dict[tuple[int, int], bool] = {}

    def compatible(a: int, b: int) -> bool:
        # Asked again for every split that places the pair together: remember the answer.
        key = (a, b) if a < b else (b, a)
        if key not in known:
            known[key] = merger.compatible([a], [b])
        return known[key]

    for group in _linked_groups(links):
        if len(group) > largest:
            continue
        blocks = best_split(
            group,
            odds,
            compatible,
            pair_cost=PAIR_COST,
            unscored=UNSCORED_IN_CLUSTER,
            budget=SPLIT_BUDGET,
        )
        if blocks is not None:
            merger.regroup(blocks)
