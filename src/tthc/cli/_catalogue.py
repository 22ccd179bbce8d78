"""``tthc catalogue lint``: the data-quality report of the bundled catalogue.

Every channel whose structured time and description disagree, and every processing time the
reader refuses (with its reason), per publishing body and field — what a provincial TTHC-control
office would send back to the ministries. Example::

    tthc catalogue lint                      # the summary
    tthc catalogue lint --csv findings.csv   # every finding as CSV, and the summary
    tthc catalogue lint --json               # summary and findings as JSON

Exit status 1 when there are findings (0 when there are none), as for every check.
"""

from __future__ import annotations

import argparse
import csv
import io
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.cli._common import dump_json, guarded

if TYPE_CHECKING:
    from tthc.procedures import Finding

__all__: list[str] = []  # private module: `register` is called by tthc.cli

_COLUMNS = ("kind", "code", "name_vi", "publisher", "field", "channel", "reason", "structured")


def register(subparsers: Any) -> None:
    """Add the ``catalogue`` subcommands."""
    cat = subparsers.add_parser(
        "catalogue",
        help="báo cáo chất lượng danh mục / data-quality report of the bundled catalogue",
        description="Report every structured/description disagreement and every refused "
        "processing time of the bundled catalogue, per publishing body and field.",
    )
    sub = cat.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    lint = sub.add_parser("lint", help="disagreements and refusals; exit 1 when there are any")
    lint.add_argument("--csv", metavar="FILE", help="write every finding as CSV to FILE ('-')")
    lint.add_argument("--json", action="store_true", help="print the summary and findings as JSON")
    lint.add_argument("--publisher", help="only this publishing body (e.g. bo-tu-phap)")
    lint.set_defaults(func=guarded(_lint))


def _summary(findings: tuple[Finding, ...]) -> dict[str, Any]:
    by_body: dict[str, Counter[str]] = {}
    by_field: Counter[tuple[str, str, str]] = Counter()
    reasons: Counter[str] = Counter()
    for f in findings:
        by_body.setdefault(f.publisher, Counter())[f.kind.value] += 1
        by_field[(f.publisher, f.field, f.kind.value)] += 1
        if f.kind.value == "refusal":
            reasons[f.reason] += 1
    return {
        "findings": len(findings),
        "by_publisher": {k: dict(sorted(v.items())) for k, v in sorted(by_body.items())},
        "by_field": [
            {"publisher": p, "field": fld, "kind": kind, "count": n}
            for (p, fld, kind), n in sorted(by_field.items(), key=lambda item: -item[1])
        ],
        "refusal_reasons": dict(reasons.most_common()),
    }


def _csv_text(findings: tuple[Finding, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*_COLUMNS, "text"], lineterminator="\n")
    writer.writeheader()
    for f in findings:
        writer.writerow(f.as_row())
    return out.getvalue()


def _print_summary(summary: dict[str, Any]) -> None:
    print(f"{'publisher':<22}{'disagreement':>14}{'refusal':>10}")
    for body, counts in summary["by_publisher"].items():
        print(f"{body:<22}{counts.get('disagreement', 0):>14}{counts.get('refusal', 0):>10}")
    print("Lĩnh vực nhiều vấn đề nhất (fields with most findings):")
    for row in summary["by_field"][:10]:
        print(f"  {row['count']:>5}  {row['kind']:<13} {row['publisher']}: {row['field']}")
    print("Lý do từ chối (refusal reasons):")
    for reason, count in list(summary["refusal_reasons"].items())[:10]:
        print(f"  {count:>5}  {reason}")
    print(f"{summary['findings']} phát hiện / findings")


def _lint(args: argparse.Namespace) -> int:
    from tthc.procedures import lint_catalog, load_catalog  # noqa: PLC0415 - keep --help fast

    catalog = load_catalog()
    codes = [p.code for p in catalog.search(publisher=args.publisher)] if args.publisher else None
    # Every record of every source: the curated ones and the portal's (what the bodies publish).
    records = [p for code in codes or catalog.codes() for p in catalog.sources(code)]
    findings = lint_catalog(records)
    summary = _summary(findings)
    if args.csv == "-":
        print(_csv_text(findings), end="")
    elif args.csv:
        Path(args.csv).write_text(_csv_text(findings), encoding="utf-8")
    if args.json:
        print(dump_json({"summary": summary, "findings": [f.as_row() for f in findings]}))
    elif args.csv != "-":
        _print_summary(summary)
    return 1 if findings else 0
