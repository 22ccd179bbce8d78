"""Regenerate the coverage tables of ``docs/guide/catalogue.md`` from the bundled catalogue.

For every bundled procedure, what ``tthc deadline --procedure CODE`` does (a due date, a case
asked for, or a refusal with its reason; channel "Trực tiếp" when published, else the first one),
per publishing body; and, for the commune-level procedures, what
``resolve_authority(code, unit="31135", on=date(2026, 3, 1))`` answers::

    python scripts/catalogue_coverage.py           # rewrite the tables in the page
    python scripts/catalogue_coverage.py --check   # exit 1 if the page is out of date

No network, no reference files: only the catalogue bundled with tthc.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import sys
from pathlib import Path

from tthc.authorities import RuleLayer, resolve_authority
from tthc.errors import TthcError
from tthc.procedures import Outcome, deadline_outcome, load_catalog
from tthc.procedures._national import national_data

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs/guide/catalogue.md"
BEGIN, END = "<!-- coverage:begin -->", "<!-- coverage:end -->"


def deadline_table() -> list[str]:
    """Outcome counts per publishing body (the record ``get(code)`` returns)."""
    catalog = load_catalog()
    entries = national_data().entries
    table: dict[str, collections.Counter[Outcome]] = collections.defaultdict(collections.Counter)
    for procedure in catalog:
        entry = entries.get(procedure.code)
        body = entry.publisher if entry is not None else "(curated only)"
        table[body][deadline_outcome(procedure)[0]] += 1
    head = "| publishing body | " + " | ".join(o.name_en.lower() for o in Outcome) + " | total |"
    lines = [head, "|---|" + "---:|" * (len(Outcome) + 1)]
    totals: collections.Counter[Outcome] = collections.Counter()
    for body in sorted(table):
        totals.update(table[body])
        cells = " | ".join(str(table[body][o]) for o in Outcome)
        lines.append(f"| {body} | {cells} | {sum(table[body].values())} |")
    cells = " | ".join(f"**{totals[o]}**" for o in Outcome)
    lines.append(f"| **all** | {cells} | **{sum(totals.values())}** |")
    return lines


def competence_table() -> list[str]:
    """What the commune-level procedures get for phường Ninh Kiều (31135) on 1/3/2026."""
    counts: collections.Counter[str] = collections.Counter()
    codes = [c for c, e in national_data().entries.items() if "Cấp xã" in e.levels]
    for code in codes:
        try:
            res = resolve_authority(code, unit="31135", on=dt.date(2026, 3, 1))
        except TthcError as error:
            counts[f"no answer ({error.code})"] += 1
            continue
        layer = "catalogue" if res.rule.layer is RuleLayer.CATALOGUE else "researched rule"
        if res.authority is not None:
            counts[f"an authority ({layer})"] += 1
        elif res.left_to_province:
            counts[f"left to the province ({layer})"] += 1
        elif res.rule.body:
            counts["as published (a text that does not map)"] += 1
        else:
            counts["as published (the portal names no competent authority)"] += 1
    lines = ["| answer | procedures |", "|---|---:|"]
    lines += [f"| {key} | {n} |" for key, n in sorted(counts.items())]
    answered = sum(n for key, n in counts.items() if not key.startswith("no answer"))
    lines.append(f"| **answered** | **{answered} of {len(codes)}** |")
    return lines


def render() -> str:
    """The generated block."""
    return "\n".join(
        [
            BEGIN,
            "",
            "`tthc deadline --procedure CODE`, every bundled procedure:",
            "",
            *deadline_table(),
            "",
            '`resolve_authority(code, unit="31135", on=date(2026, 3, 1))`, the '
            f"{sum('Cấp xã' in e.levels for e in national_data().entries.values())} "
            "commune-level procedures of the snapshot:",
            "",
            *competence_table(),
            "",
            END,
        ]
    )


def main() -> int:
    """Rewrite (or check) the page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = PAGE.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    updated = head + render() + tail
    if args.check:
        return 0 if updated == text else 1
    PAGE.write_text(updated, encoding="utf-8")
    print(f"{PAGE.relative_to(ROOT)} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
