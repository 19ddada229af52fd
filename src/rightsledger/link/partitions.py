"""Deciding a small group of linked records by weighing every way to split it into people.

Greedy clustering decides one link at a time. For a handful of records that only link among
themselves (four records named Magomed Khasanov, two with birth years that rule each other out)
every split into people can be listed and weighed instead. A split's weight is the product, over
its clusters, of the odds of each record's best link to the members before it (one link per
record: a tree, so agreeing on a common name counts once per record, not once per pair), with a
pair inside a cluster that was never scored counting against it. A cluster that breaks a cluster
rule (see `cluster.contradict` and the one-source rule) weighs nothing.

From the weights each pair gets the probability that it is one man: the share of the weight of
the splits that put it in one cluster. A record with a name and nothing else between two
candidates thus shares its probability among them and "neither". The chosen split is the one
with the most expected correct pairs less `pair_cost` per pair: putting a pair together raises
the expected pairwise F1 only while its probability exceeds about half the F1 itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

Pair = tuple[int, int]


def _pair(a: int, b: int) -> Pair:
    return (a, b) if a < b else (b, a)


def _splits(
    order: Sequence[int],
    odds: Mapping[Pair, float],
    compatible: Callable[[int, int], bool],
    *,
    unscored: float,
    budget: int,
) -> list[tuple[tuple[int, ...], float]] | None:
    """Every split of `order` whose clusters are held together by scored links, with weights.

    A split is the cluster number of each record, in `order`. Records are placed in `order`
    (breadth first from one record, so that a record's links to the records before it exist);
    None when there are more than `budget` splits.
    """
    found: list[tuple[tuple[int, ...], float]] = []
    blocks: list[list[int]] = []
    labels: list[int] = []

    def place(position: int, weight: float) -> bool:
        if position == len(order):
            found.append((tuple(labels), weight))
            return len(found) <= budget
        record = order[position]
        for number, block in enumerate(blocks):
            best, penalty = 0.0, 1.0
            for member in block:
                if not compatible(record, member):
                    break
                pair_odds = odds.get(_pair(record, member))
                if pair_odds is None:
                    penalty *= unscored
                else:
                    best = max(best, pair_odds)
            else:
                if best > 0.0:
                    block.append(record)
                    labels.append(number)
                    going = place(position + 1, weight * best * penalty)
                    labels.pop()
                    block.pop()
                    if not going:
                        return False
        blocks.append([record])
        labels.append(len(blocks) - 1)
        going = place(position + 1, weight)
        labels.pop()
        blocks.pop()
        return going

    return found if place(0, 1.0) else None


def best_split(
    order: Sequence[int],
    odds: Mapping[Pair, float],
    compatible: Callable[[int, int], bool],
    *,
    pair_cost: float,
    unscored: float,
    budget: int,
) -> list[list[int]] | None:
    """The split of a linked group with the most expected correct pairs less `pair_cost` each.

    `odds` holds the match odds of the scored pairs, keyed (smaller index, larger index);
    `compatible(a, b)` says whether two records may be one man. None when the group has more
    than `budget` possible splits (the caller decides it otherwise).
    """
    splits = _splits(order, odds, compatible, unscored=unscored, budget=budget)
    if splits is None:
        return None
    size = len(order)
    positions = [(a, b) for a in range(size) for b in range(a + 1, size)]
    total = sum(weight for _, weight in splits)
    together = dict.fromkeys(positions, 0.0)
    for labels, weight in splits:
        share = weight / total
        for a, b in positions:
            if labels[a] == labels[b]:
                together[(a, b)] += share

    def gain(labels: tuple[int, ...]) -> float:
        return sum(together[(a, b)] - pair_cost for a, b in positions if labels[a] == labels[b])

    chosen = max((labels for labels, _ in splits), key=gain)
    blocks: list[list[int]] = [[] for _ in range(max(chosen) + 1)]
    for record, number in zip(order, chosen, strict=True):
        blocks[number].append(record)
    return blocks
