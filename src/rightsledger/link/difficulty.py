"""How hard a labelled list is: namesakes, and the best any pair-by-pair scorer could do.

These statistics describe the *data*, not a linker, so that benchmark lists from different
generators can be compared with each other and with a description of data we never see:

- how many true pairs share an exact full name and nothing else (no birth date, patronymic or
  place that agrees), and how many of all pairs of that kind are two different people;
- how few names cover most records;
- an oracle bound: pairs are grouped by their evidence pattern (the comparison level of every
  field plus how common the pair's name is), each pattern's true match rate is read from the
  truth, and the best pairwise F1 of linking every pattern above a rate is reported. No scorer
  that sees only those levels, pair by pair, can beat it on this list; a cross-fitted variant
  (rates from one half of the pairs applied to the other) shows how much of it is luck of
  small patterns.

The levels here are the module's own, written for these statistics, so that the figures do not
move when the linker's model changes.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import jellyfish

from rightsledger.link.names import consonant_key, romanise, skeleton
from rightsledger.link.records import Prepared, check_records, split_full_name

_NOT_LETTER = re.compile(r"[^a-z]")
# Records sharing a name: 2, 3-4, 5-8, ... up to "more than 64" (bucket of the namesake count).
_FREQUENCY_BUCKETS = (2, 4, 8, 16, 32, 64)
_YEAR = 366
_MONTH = 31


@dataclass(frozen=True, slots=True)
class Facts:
    """What the statistics compare for one record."""

    record_id: str
    given_exact: str | None
    family_exact: str | None
    prepared: Prepared

    @property
    def exact_name(self) -> tuple[str, str] | None:
        """Given and family name as written, romanised and case-folded (either order)."""
        if not (self.given_exact and self.family_exact):
            return None
        first, second = sorted((self.given_exact, self.family_exact))
        return first, second

    @property
    def skeleton_name(self) -> tuple[str, str] | None:
        """Given and family name by the project's skeleton keys (either order)."""
        given, family = self.prepared.given_skel, self.prepared.family_skel
        if not (given and family):
            return None
        first, second = sorted((given, family))
        return first, second

    @property
    def key_name(self) -> tuple[str, str] | None:
        """Given-name alias group and family skeleton: the name a namesake count is taken on."""
        given, family = self.prepared.given_key, self.prepared.family_skel
        return (given, family) if given and family else None


def _exact(text: str) -> str | None:
    return _NOT_LETTER.sub("", romanise(text).casefold()) or None


def facts(records: Sequence[Mapping[str, object]]) -> list[Facts]:
    """Prepare records as the linker does and keep the exact romanised names beside the keys."""
    found = []
    for record, prepared in zip(records, check_records(records), strict=True):
        given = str(record.get("given_name") or "").strip()
        family = str(record.get("family_name") or "").strip()
        full = str(record.get("full_name") or "").strip()
        if full and not (given or family):
            parts = split_full_name(full)
            given, family = parts.given, parts.family
        if (
            given
            and skeleton(given) != prepared.given_skel
            and skeleton(family) == prepared.given_skel
        ):
            given, family = family, given  # the linker read the columns as swapped
        found.append(
            Facts(
                prepared.record_id,
                _exact(given) if given else None,
                _exact_family(family),
                prepared,
            )
        )
    return found


def _exact_family(family: str) -> str | None:
    if not family:
        return None
    return " ".join(word for word in (_exact(w) for w in family.split()) if word) or None


def other_field_agrees(a: Prepared, b: Prepared) -> bool:
    """Whether anything besides the names agrees: overlapping birth dates, patronymic or place."""
    if (
        a.birth_lo is not None
        and b.birth_lo is not None
        and a.birth_hi is not None
        and b.birth_hi is not None
        and a.birth_lo <= b.birth_hi
        and b.birth_lo <= a.birth_hi
    ):
        return True
    if a.patronymic_skel and a.patronymic_skel == b.patronymic_skel:
        return True
    return bool(a.place_key and a.place_key == b.place_key)


@dataclass(frozen=True, slots=True)
class NamesakeStats:
    """The issue's namesake figures for one list, by exact names and by skeleton keys."""

    records: int
    people: int
    true_pairs: int
    true_exact_name_only: int
    true_skeleton_name_only: int
    exact_name_only_pairs: int
    exact_name_only_different: int
    skeleton_name_only_pairs: int
    skeleton_name_only_different: int
    given_names_for_half: int
    family_names_for_half: int
    given_names_for_80_percent: int
    family_names_for_80_percent: int

    @property
    def true_exact_name_only_share(self) -> float:
        return self.true_exact_name_only / self.true_pairs if self.true_pairs else 0.0

    @property
    def true_skeleton_name_only_share(self) -> float:
        return self.true_skeleton_name_only / self.true_pairs if self.true_pairs else 0.0

    @property
    def exact_name_only_different_share(self) -> float:
        pairs = self.exact_name_only_pairs
        return self.exact_name_only_different / pairs if pairs else 0.0

    @property
    def skeleton_name_only_different_share(self) -> float:
        pairs = self.skeleton_name_only_pairs
        return self.skeleton_name_only_different / pairs if pairs else 0.0


def _names_covering(keys: Iterable[str | None], share: float) -> int:
    """How many of the most common values it takes to cover `share` of the records that have one."""
    counts = sorted(Counter(k for k in keys if k).values(), reverse=True)
    total, covered = sum(counts), 0
    for taken, count in enumerate(counts, start=1):
        covered += count
        if covered >= share * total:
            return taken
    return len(counts)


def _name_only_pairs(
    items: Sequence[Facts], name: str, truth: Mapping[str, str]
) -> tuple[int, int]:
    """All pairs sharing the name (attribute `name`) and nothing else; how many are two people."""
    groups: dict[tuple[str, str], list[Facts]] = defaultdict(list)
    for item in items:
        key = getattr(item, name)
        if key is not None:
            groups[key].append(item)
    pairs = different = 0
    for members in groups.values():
        for a, b in combinations(members, 2):
            if not other_field_agrees(a.prepared, b.prepared):
                pairs += 1
                different += truth[a.record_id] != truth[b.record_id]
    return pairs, different


def namesake_stats(
    records: Sequence[Mapping[str, object]], truth: Mapping[str, str]
) -> NamesakeStats:
    items = facts(records)
    by_person: dict[str, list[Facts]] = defaultdict(list)
    for item in items:
        by_person[truth[item.record_id]].append(item)
    true_count = exact_only = skeleton_only = 0
    for members in by_person.values():
        for a, b in combinations(members, 2):
            true_count += 1
            if other_field_agrees(a.prepared, b.prepared):
                continue
            exact_only += a.exact_name is not None and a.exact_name == b.exact_name
            skeleton_only += a.skeleton_name is not None and a.skeleton_name == b.skeleton_name
    given_keys = [i.prepared.given_key for i in items]
    family_keys = [i.prepared.family_skel for i in items]
    exact_pairs, exact_different = _name_only_pairs(items, "exact_name", truth)
    skeleton_pairs, skeleton_different = _name_only_pairs(items, "skeleton_name", truth)
    return NamesakeStats(
        records=len(items),
        people=len(by_person),
        true_pairs=true_count,
        true_exact_name_only=exact_only,
        true_skeleton_name_only=skeleton_only,
        exact_name_only_pairs=exact_pairs,
        exact_name_only_different=exact_different,
        skeleton_name_only_pairs=skeleton_pairs,
        skeleton_name_only_different=skeleton_different,
        given_names_for_half=_names_covering(given_keys, 0.5),
        family_names_for_half=_names_covering(family_keys, 0.5),
        given_names_for_80_percent=_names_covering(given_keys, 0.8),
        family_names_for_80_percent=_names_covering(family_keys, 0.8),
    )


# --- the oracle pair-by-pair bound ---------------------------------------------------------


def _edits(a: str, b: str) -> int:
    return int(jellyfish.damerau_levenshtein_distance(a, b))


def _name_level(
    exact: tuple[str | None, str | None],
    skel: tuple[str | None, str | None],
    alias: tuple[str | None, str | None] = (None, None),
) -> str:
    """The closest way two spellings of one name part agree, from as written to consonants."""
    a, b = skel
    if not (a and b):
        return "missing"
    agreeing = (
        ("exact", exact[0] is not None and exact[0] == exact[1]),
        ("skeleton", a == b),
        ("alias", alias[0] is not None and alias[0] == alias[1]),
    )
    found = next((level for level, holds in agreeing if holds), None)
    if found is None:
        found = _near_level(a, b)
    return found


def _near_level(a: str, b: str) -> str:
    if jellyfish.metaphone(a) == jellyfish.metaphone(b):
        return "phonetic"
    distance = _edits(a, b)
    if distance <= 2:
        return f"{distance} edits"
    return "consonants" if consonant_key(a) == consonant_key(b) else "different"


def birth_level(a: Prepared, b: Prepared) -> str:
    if a.birth_lo is None or b.birth_lo is None or a.birth_hi is None or b.birth_hi is None:
        return "missing"
    widest = max(a.birth_hi - a.birth_lo, b.birth_hi - b.birth_lo) + 1
    if a.birth_lo <= b.birth_hi and b.birth_lo <= a.birth_hi:
        if widest == 1:
            return "same day"
        if widest <= _MONTH:
            return "same month"
        return "same year" if widest <= _YEAR else "overlap"
    if widest == 1 and _day_month_swapped(a.birth_lo, b.birth_lo):
        return "day and month swapped"
    gap = max(a.birth_lo, b.birth_lo) - min(a.birth_hi, b.birth_hi)
    return "within a year" if gap <= _YEAR else "different"


def _day_month_swapped(a: int, b: int) -> bool:
    from datetime import date

    one, other = date.fromordinal(a), date.fromordinal(b)
    return (one.year, one.month, one.day) == (other.year, other.day, other.month)


def _plain_level(a: str | None, b: str | None) -> str:
    if not (a and b):
        return "missing"
    if a == b:
        return "same"
    return "close" if _edits(a, b) <= 2 else "different"


def _frequency_bucket(count: int) -> str:
    for top in _FREQUENCY_BUCKETS:
        if count <= top:
            return f"<={top}"
    return f">{_FREQUENCY_BUCKETS[-1]}"


Pattern = tuple[str, ...]


def evidence_pattern(a: Facts, b: Facts, namesakes: Mapping[tuple[str, str], int]) -> Pattern:
    """The comparison level of every field, and how common the rarer of the two names is."""
    pa, pb = a.prepared, b.prepared
    names = [namesakes.get(key, 1) for key in (a.key_name, b.key_name) if key is not None] or [0]
    return (
        _name_level(
            (a.given_exact, b.given_exact),
            (pa.given_skel, pb.given_skel),
            (pa.given_key, pb.given_key),
        ),
        _name_level((a.family_exact, b.family_exact), (pa.family_skel, pb.family_skel)),
        _plain_level(pa.patronymic_skel, pb.patronymic_skel),
        birth_level(pa, pb),
        _plain_level(pa.place_key, pb.place_key).replace("close", "different"),
        _plain_level(pa.sex, pb.sex),
        _frequency_bucket(min(names)) if min(names) else "no name",
    )


def candidate_pairs(items: Sequence[Facts]) -> Iterator[tuple[int, int]]:
    """Pairs (as indexes, each once) that share a given-name group, its sound, or the family's
    consonants: every pair a name-based scorer could plausibly link, without all n^2 pairs."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        p = item.prepared
        if p.given_key:
            blocks["given", p.given_key].append(index)
        if p.given_ph:
            blocks["given sound", p.given_ph].append(index)
        if p.family_skel:
            blocks["family consonants", consonant_key(p.family_skel)].append(index)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        for pair in combinations(members, 2):
            if pair not in seen:
                seen.add(pair)
                yield pair


@dataclass(frozen=True, slots=True)
class OracleBound:
    """The best pairwise F1 of linking by evidence pattern, with the rate cut that reaches it."""

    true_pairs: int
    candidate_pairs: int
    true_candidates: int
    patterns: int
    f1: float
    precision: float
    recall: float
    min_rate: float
    cross_fitted_f1: float

    @property
    def candidate_recall(self) -> float:
        return self.true_candidates / self.true_pairs if self.true_pairs else 1.0


def best_cut(ranked: Iterable[tuple[float, int, int]], true_total: int) -> tuple[float, ...]:
    """(rate, pairs, true pairs) groups -> (F1, precision, recall, rate) of the best cut.

    Groups are taken from the highest rate down; groups with one rate are taken together, since
    a scorer that sees only the pattern cannot tell their pairs apart.
    """
    by_rate: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for rate, pairs, hits in ranked:
        by_rate[rate][0] += pairs
        by_rate[rate][1] += hits
    best = (0.0, 1.0, 0.0, 1.0)
    made = correct = 0
    for rate in sorted(by_rate, reverse=True):
        made += by_rate[rate][0]
        correct += by_rate[rate][1]
        if not made or not true_total:
            continue
        f1 = 2 * correct / (made + true_total)
        if f1 > best[0]:
            best = (f1, correct / made, correct / true_total, rate)
    return best


def oracle_bound(records: Sequence[Mapping[str, object]], truth: Mapping[str, str]) -> OracleBound:
    items = facts(records)
    namesakes = Counter(item.key_name for item in items if item.key_name is not None)
    true_total = sum(n * (n - 1) // 2 for n in Counter(truth[i.record_id] for i in items).values())
    # pattern -> [pairs, true pairs] in each of two folds (a pair's fold is fixed by its ids)
    counts: dict[Pattern, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for i, j in candidate_pairs(items):
        a, b = items[i], items[j]
        fold = zlib.crc32(f"{a.record_id}|{b.record_id}".encode()) % 2
        row = counts[evidence_pattern(a, b, namesakes)]
        row[2 * fold] += 1
        row[2 * fold + 1] += truth[a.record_id] == truth[b.record_id]
    in_sample = [
        (_rate(r[0] + r[2], r[1] + r[3]), r[0] + r[2], r[1] + r[3]) for r in counts.values()
    ]
    f1, precision, recall, rate = best_cut(in_sample, true_total)
    return OracleBound(
        true_pairs=true_total,
        candidate_pairs=sum(r[0] + r[2] for r in counts.values()),
        true_candidates=sum(r[1] + r[3] for r in counts.values()),
        patterns=len(counts),
        f1=f1,
        precision=precision,
        recall=recall,
        min_rate=rate,
        cross_fitted_f1=best_cut(_cross_fitted(counts), true_total)[0],
    )


def _rate(pairs: int, hits: int) -> float:
    return hits / pairs if pairs else 0.0


def _cross_fitted(counts: Mapping[Pattern, list[int]]) -> list[tuple[float, int, int]]:
    """Each fold's pairs ranked by the rate their pattern has in the other fold.

    A pattern the other fold never saw takes the rate of its coarser pattern (without sex and
    name frequency) there, or 0 when that is unseen too.
    """
    coarse: dict[Pattern, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for pattern, row in counts.items():
        target = coarse[pattern[:5]]
        for k in range(4):
            target[k] += row[k]
    ranked = []
    for pattern, row in counts.items():
        for fold in (0, 1):
            other = 1 - fold
            source = row if row[2 * other] else coarse[pattern[:5]]
            rate = _rate(source[2 * other], source[2 * other + 1])
            ranked.append((rate, row[2 * fold], row[2 * fold + 1]))
    return ranked
