"""Controlled vocabularies (HURIDOCS ESF micro-thesauri and the project's own), in English and
Russian.

The vocabularies are data: one YAML file per vocabulary under ``data/``, derived from the HURIDOCS
CSVs by ``scripts/derive_vocab.py`` and validated when loaded. Records store a term's slug; the
HURIDOCS code is kept beside it so that exports can speak ESF::

    acts = vocab.load("act_types")
    acts.clean("Torture")            # -> "torture"
    acts.clean("02011111000004")     # -> "torture"
    acts.is_a("rape", "physical_sexual_psychological")
"""

from rightsledger.vocab._load import load, names
from rightsledger.vocab._model import Term, Vocabulary, VocabularyError

__all__ = ["Term", "Vocabulary", "VocabularyError", "load", "names"]
