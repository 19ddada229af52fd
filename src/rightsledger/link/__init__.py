"""Linkage: find the same person across lists written in Cyrillic and Latin spellings.

The public surface: `link_records` (plain records in, clusters, pair probabilities and review
pairs out), the evaluation helpers, and the name keys.
"""

from rightsledger.link.aliases import equivalent, given_key
from rightsledger.link.cluster import Clusters
from rightsledger.link.evaluate import (
    PairwiseScores,
    blocking_recall,
    labelled_scores,
    pair_recall,
    pairwise_scores,
)
from rightsledger.link.names import phonetic, romanise, skeleton
from rightsledger.link.pipeline import (
    DEFAULT_REVIEW_BAND,
    DEFAULT_THRESHOLD,
    LinkResult,
    ReviewPair,
    ScoredPair,
    link_records,
)

__all__ = [
    "DEFAULT_REVIEW_BAND",
    "DEFAULT_THRESHOLD",
    "Clusters",
    "LinkResult",
    "PairwiseScores",
    "ReviewPair",
    "ScoredPair",
    "blocking_recall",
    "equivalent",
    "given_key",
    "labelled_scores",
    "link_records",
    "pair_recall",
    "pairwise_scores",
    "phonetic",
    "romanise",
    "skeleton",
]
