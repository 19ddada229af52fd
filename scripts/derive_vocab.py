"""Derive the shipped vocabulary YAML from the HURIDOCS micro-thesauri CSVs.

    uv run python scripts/derive_vocab.py            # rewrite src/rightsledger/vocab/data/*.yaml
    uv run python scripts/derive_vocab.py --check    # exit 1 if a file is out of date
    uv run python scripts/derive_vocab.py --seed DIR # take slugs/labels of new codes from DIR

The CSVs (code,term,level,parent_code) decide which codes exist and how they nest. Slugs, Russian
labels, tidied English labels, titles and nouns are reviewed project data kept in the YAML itself:
a re-run keeps them, so the YAML is the one place to edit them. A code the YAML does not know yet
needs a slug and a Russian label, either typed into the YAML or given in a seed file
``DIR/<name>.tsv`` with lines ``code<TAB>slug<TAB>ru[<TAB>en]`` and optional
``@title<TAB>en<TAB>ru`` and ``@noun<TAB>en<TAB>ru`` lines.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from rightsledger.vocab._load import parse_vocabulary

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "src" / "rightsledger" / "vocab" / "data"
HURIDOCS = REPO.parent / "shared" / "reference" / "huridocs"

# vocabulary name -> (CSV file, micro-thesaurus number, HURIDOCS title)
SOURCES: dict[str, tuple[str, int, str]] = {
    "act_types": ("mt04_types_of_acts.csv", 4, "Types of acts"),
    "counting_units": ("mt07_counting_units.csv", 7, "Counting units"),
    "source_material_types": ("mt16_types_of_source_material.csv", 16, "Types of source material"),
    "involvement_degrees": ("mt18_degree_of_involvement.csv", 18, "Degree of involvement"),
    "information_connections": (
        "mt19_connection_to_information.csv",
        19,
        "Connection to information",
    ),
    "intervention_types": ("mt20_types_of_intervention.csv", 20, "Types of intervention"),
    "relationship_types": ("mt21_types_of_relationship.csv", 21, "Types of relationship"),
    "chain_of_events_types": (
        "mt22_types_of_chain_of_events.csv",
        22,
        "Types of chain of events",
    ),
    "perpetrator_types": ("mt24_types_of_perpetrator.csv", 24, "Types of perpetrator"),
    "act_status": ("mt25_status_at_end_of_act.csv", 25, "Status at end of act"),
    "perpetrator_status": (
        "mt26_latest_status_as_perpetrator.csv",
        26,
        "Latest status as perpetrator",
    ),
    "response_types": ("mt27_types_of_response.csv", 27, "Types of response"),
    "attribution": ("mt28_attribution.csv", 28, "Attribution"),
    "sex": ("mt39_sex.csv", 39, "Sex"),
    "violation_status": ("mt41_violation_status.csv", 41, "Violation status"),
    "reliability": ("mt42_reliability.csv", 42, "Reliability"),
    "date_types": ("mt48_date_types.csv", 48, "Date types"),
    "sexual_orientation": ("mt67_sexual_orientation.csv", 67, "Sexual orientation"),
}

# Said once in the file rather than on every term it concerns.
NOTES: dict[str, str] = {
    "act_types": (
        "HURIDOCS files rape, attempted rape, sexual assault and torture under\n"
        '"physical_sexual_psychological", not under "sexual_violence" (Sexual violations);\n'
        "a query for all sexual violence must take both branches."
    ),
    "sexual_orientation": (
        "HURIDOCS lists gender identities (transgender, transsexual) and sex-specific\n"
        "terms here; the codes are kept as published."
    ),
    "source_material_types": (
        "The codes of this micro-thesaurus spell the term's first letters as alphabet\n"
        "positions (01021920 = A-B-S-T); they carry no hierarchy."
    ),
}


@dataclass(frozen=True)
class Row:
    code: str
    term: str
    parent_code: str


@dataclass
class Curated:
    slug: str
    en: str | None
    ru: str


def read_csv(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Row(r["code"].strip(), r["term"].strip(), r["parent_code"].strip())
            for r in csv.DictReader(handle)
        ]


def tidy(term: str) -> str:
    return " ".join(term.split())


def read_yaml(path: Path) -> tuple[dict[str, dict[str, str]], dict[str, Curated]]:
    if not path.exists():
        return {}, {}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    meta = {key: dict(data[key]) for key in ("title", "noun") if key in data}
    terms = {
        t["code"]: Curated(t["slug"], t["label"].get("en"), t["label"].get("ru", ""))
        for t in data.get("terms", [])
    }
    return meta, terms


def read_seed(path: Path) -> tuple[dict[str, dict[str, str]], dict[str, Curated]]:
    meta: dict[str, dict[str, str]] = {}
    terms: dict[str, Curated] = {}
    if not path.exists():
        return meta, terms
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if fields[0] in ("@title", "@noun") and len(fields) == 3:
            meta[fields[0][1:]] = {"en": fields[1], "ru": fields[2]}
        elif len(fields) in (3, 4) and not fields[0].startswith("@"):
            en = fields[3] if len(fields) == 4 else None
            terms[fields[0]] = Curated(fields[1], en, fields[2])
        else:
            sys.exit(f"{path}:{number}: expected code, slug, ru[, en] separated by tabs")
    return meta, terms


def resolve_parent(row: Row, known: set[str]) -> tuple[str | None, str | None]:
    """The parent code to use, and a note when the CSV's own parent_code had to be replaced."""
    if not row.parent_code or row.parent_code in known:
        return row.parent_code or None, None
    # HURIDOCS codes nest as two-digit pairs before a four-digit thesaurus suffix.
    body, suffix = row.parent_code[:10], row.parent_code[10:]
    pairs = [body[i : i + 2] for i in range(0, len(body), 2)]
    while pairs and pairs[-1] == "00":
        pairs.pop()
    while len(pairs) > 1:
        pairs.pop()
        candidate = "".join(pairs).ljust(len(body), "0") + suffix
        if candidate in known:
            return candidate, f"parent_code {row.parent_code} is not in the CSV; nearest ancestor"
    return None, f"parent_code {row.parent_code} is not in the CSV; no ancestor, top level"


def quoted(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars and need no escaping rules of our own.
    return json.dumps(text, ensure_ascii=False)


def labels(en: str, ru: str) -> str:
    return f"{{en: {quoted(en)}, ru: {quoted(ru)}}}"


def derive(name: str, huridocs: Path, seed_dir: Path | None) -> str:
    csv_name, number, hd_title = SOURCES[name]
    rows = read_csv(huridocs / csv_name)
    meta, curated = read_yaml(DATA / f"{name}.yaml")
    if seed_dir is not None:
        seed_meta, seed_terms = read_seed(seed_dir / f"{name}.tsv")
        meta = {**seed_meta, **meta}
        curated = {**seed_terms, **curated}
    missing = [row for row in rows if row.code not in curated]
    if missing or "title" not in meta or "noun" not in meta:
        lines = [f"{row.code}\t?slug\t?ru\t{tidy(row.term)}" for row in missing]
        sys.exit(f"{name}: needs a title, a noun and these terms:\n" + "\n".join(lines))
    known = {row.code for row in rows}
    nested = any(row.parent_code for row in rows)
    slug_of = {row.code: curated[row.code].slug for row in rows}

    out = [
        f"# Derived from HURIDOCS micro-thesaurus {number} ({csv_name}) by",
        "# scripts/derive_vocab.py. Slugs, Russian labels and tidied English labels are reviewed",
        "# project data: edit them here; a re-run keeps them and refreshes codes and parents.",
    ]
    if name in NOTES:
        out += ["#", *(f"# {line}" for line in NOTES[name].splitlines())]
    out += [
        f"name: {name}",
        f"title: {labels(meta['title']['en'], meta['title']['ru'])}",
        f"noun: {labels(meta['noun']['en'], meta['noun']['ru'])}",
        "source: "
        + quoted(
            f"HURIDOCS ESF micro-thesaurus {number} ({hd_title}); "
            "Russian labels by the rightsledger project"
        ),
        "terms:",
    ]
    for row in rows:
        term = curated[row.code]
        parent, note = resolve_parent(row, known)
        en = term.en or tidy(row.term)
        if nested and parent is None and out[-1] != "terms:":
            out.append("")
        if note:
            out.append(f"  # {note}")
        if en != row.term:
            out.append(f"  # HURIDOCS term: {quoted(row.term)}")
        out.append(f"  - slug: {term.slug}")
        out.append(f"    code: {quoted(row.code)}")
        if parent is not None:
            out.append(f"    parent: {slug_of[parent]}")
        out.append(f"    label: {labels(en, term.ru)}")
    text = "\n".join(out) + "\n"
    parse_vocabulary(text, origin=f"{name}.yaml (derived)")
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("names", nargs="*", help="vocabularies to derive (default: all)")
    parser.add_argument("--check", action="store_true", help="report stale files, write nothing")
    parser.add_argument("--seed", type=Path, help="directory of <name>.tsv seed files")
    parser.add_argument("--huridocs", type=Path, default=HURIDOCS, help="directory of the CSVs")
    args = parser.parse_args()
    stale = []
    for name in args.names or SOURCES:
        if name not in SOURCES:
            parser.error(f"{name!r} has no HURIDOCS source (known: {', '.join(SOURCES)})")
        text = derive(name, args.huridocs, args.seed)
        target = DATA / f"{name}.yaml"
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        stale.append(name)
        if not args.check:
            target.write_text(text, encoding="utf-8")
    verb = "out of date" if args.check else "written"
    print(f"{verb}: {', '.join(stale)}" if stale else "all vocabularies up to date")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
