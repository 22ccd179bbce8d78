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

from tthc.cli._common import dump_json, guarded, usage_error

if TYPE_CHECKING:
    from tthc.procedures import Finding

__all__: list[str] = []  # private module: `register` is called by tthc.cli

_COLUMNS = ("kind", "code", "name_vi", "publisher", "field", "channel", "reason", "structured")


def register(subparsers: Any) -> None:
    """Add the ``catalogue`` subcommands."""
    cat = subparsers.add_parser(
        "catalogue",
        help="báo cáo chất lượng danh mục / data-quality report of the bundled catalogue",
        description="Báo cáo mọi chỗ cột thời hạn và mô tả khác nhau, mọi thời hạn tthc từ chối "
        "đọc, theo cơ quan công bố và lĩnh vực. / Report every structured/description "
        "disagreement and every refused processing time of the bundled catalogue, per "
        "publishing body and field.",
    )
    sub = cat.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    lint = sub.add_parser(
        "lint",
        help="khác nhau và từ chối; mã thoát 1 khi có / disagreements and refusals; exit 1 when "
        "there are any",
        description="Liệt kê các phát hiện và tóm tắt; mã thoát 1 khi có phát hiện. / List the "
        "findings and their summary; exit 1 when there are any.",
    )
    lint.add_argument(
        "--csv",
        metavar="FILE",
        help="ghi tệp CSV / write every finding as CSV to FILE ('-': stdout)",
    )
    lint.add_argument(
        "--json",
        action="store_true",
        help="in dạng JSON / print the summary and findings as JSON",
    )
    lint.add_argument(
        "--publisher", help="chỉ cơ quan này / only this publishing body (e.g. bo-tu-phap)"
    )
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


#: The kinds of finding, in Vietnamese (the JSON and CSV keep the values).
_KINDS = {"disagreement": "khác nhau", "refusal": "từ chối"}


def _body(slug: str) -> str:
    """The publishing body by its name ("Bộ Tư pháp"), not the portal's folder ("bo-tu-phap")."""
    from tthc.procedures._national import PUBLISHERS  # noqa: PLC0415 - a small table

    return "(tthc biên soạn / curated)" if slug == "(curated)" else PUBLISHERS.get(slug, slug)


def _reason(reason: str) -> str:
    """A refusal reason with its Vietnamese label: "missing_unit (structured)" → "số … (…)"."""
    from tthc.cli._procedure import _REFUSALS  # noqa: PLC0415 - one table of labels

    label = _REFUSALS.get(reason.split(" ", 1)[0])
    return f"{label} — {reason}" if label else reason


def _print_summary(summary: dict[str, Any]) -> None:
    header = "Cơ quan công bố / publisher"
    print(f"{header:<34}{'khác nhau / disagreement':>26}{'từ chối / refusal':>19}")
    for body, counts in summary["by_publisher"].items():
        print(f"{_body(body):<34}{counts.get('disagreement', 0):>26}{counts.get('refusal', 0):>19}")
    print("Lĩnh vực nhiều vấn đề nhất (fields with most findings):")
    for row in summary["by_field"][:10]:
        kind = _KINDS.get(row["kind"], row["kind"])
        print(f"  {row['count']:>5}  {kind:<10} {_body(row['publisher'])}: {row['field']}")
    print("Lý do từ chối (refusal reasons):")
    for reason, count in list(summary["refusal_reasons"].items())[:10]:
        print(f"  {count:>5}  {_reason(reason)}")
    print(f"{summary['findings']} phát hiện / findings")


def _lint(args: argparse.Namespace) -> int:
    from tthc.procedures import lint_catalog, load_catalog  # noqa: PLC0415 - keep --help fast

    if args.json and args.csv == "-":  # one document on standard output, never two
        return usage_error(
            "--json and --csv - both print on standard output: write the CSV to a file "
            "(--csv FILE) or drop one of them"
        )
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
