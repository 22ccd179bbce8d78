"""``tthc procedure search|show|fields``: find procedures in the bundled catalogue.

Example::

    tthc procedure search "khai sinh" --level xã
    tthc procedure show 1.001193
    tthc procedure fields --json
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from tthc._time import format_date
from tthc.cli._common import dump_json, guarded, ref_json, resolve_procedure_arg

if TYPE_CHECKING:
    from tthc.procedures import Procedure, ProcessingRule

__all__: list[str] = []  # private module: `register` is called by tthc.cli


def register(subparsers: Any) -> None:
    """Add the ``procedure`` subcommands."""
    proc = subparsers.add_parser(
        "procedure",
        help="tra cứu thủ tục / find procedures in the bundled catalogue",
        description="Tìm, xem và liệt kê thủ tục của danh mục kèm theo: 2.642 thủ tục của Cổng "
        "Dịch vụ công quốc gia (bản chụp 10/6/2026) và các bản ghi tthc biên soạn. / Search, "
        "show and list the procedures of the bundled catalogue: the 2,642 procedures of the "
        "national portal (snapshot 10/6/2026) and tthc's curated records.",
    )
    sub = proc.add_subparsers(dest="procedure_command", metavar="ACTION", required=True)
    search = sub.add_parser(
        "search",
        help="tìm theo tên hoặc mã / search by name or code, best first",
        description="Tìm thủ tục theo tên (không phân biệt dấu) hoặc mã, phù hợp nhất trước. "
        "/ Search procedures by name (accents optional) or code, best first.",
    )
    search.add_argument(
        "text", nargs="?", default="", help="từ trong tên, hoặc mã / words of the name, or a code"
    )
    search.add_argument("--field", help="lĩnh vực / field, e.g. 'Hộ tịch', 'ho tich'")
    search.add_argument("--level", help="cấp thực hiện / level: 'xã', 'tỉnh', 'bộ' ('xa')")
    search.add_argument(
        "--publisher", help="cơ quan công bố / publishing body: 'bo-tu-phap' or 'Bộ Tư pháp'"
    )
    search.add_argument(
        "--limit", type=int, default=20, help="tối đa / at most this many (default 20)"
    )
    search.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    search.set_defaults(func=guarded(_search))
    show = sub.add_parser(
        "show",
        help="kênh, thời hạn, phí, căn cứ / every channel with its time and reading, fees, basis",
        description="In mọi kênh nộp với thời hạn và cách tthc đọc, phí, căn cứ, cơ quan. / "
        "Print every channel with its processing time and how tthc reads it, fees, legal "
        "basis and authority.",
    )
    show.add_argument(
        "code",
        metavar="CODE|NAME",
        help="mã hoặc tên thủ tục / procedure code (1.001193) or name ('đăng ký khai sinh')",
    )
    show.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    show.set_defaults(func=guarded(_show))
    fields = sub.add_parser(
        "fields",
        help="các lĩnh vực và số thủ tục / the fields (lĩnh vực) and how many procedures each",
        description="Liệt kê lĩnh vực và số thủ tục của mỗi lĩnh vực. / List the fields and "
        "how many procedures each has.",
    )
    fields.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    fields.set_defaults(func=guarded(_fields))


def _search(args: argparse.Namespace) -> int:
    from tthc.procedures import load_catalog  # noqa: PLC0415 - keep `tthc --help` fast

    found = load_catalog().search(
        args.text,
        field=args.field,
        level=args.level,
        publisher=args.publisher,
        limit=args.limit,
    )
    if args.json:
        print(dump_json([_summary(p) for p in found]))
        return 0
    from tthc.procedures._national import PUBLISHERS  # noqa: PLC0415 - a small table

    for p in found:  # the publishing body by its name ("Bộ Tư pháp"), not its folder slug
        body = PUBLISHERS.get(p.publisher, p.publisher) if p.publisher else None
        where = "; ".join(x for x in (p.field, p.level, body) if x)
        print(f"{p.code}  {p.name_vi}  [{where}]")
    print(f"{len(found)} thủ tục / procedures")
    return 0


def _summary(p: Procedure) -> dict[str, Any]:
    return {
        "code": p.code,
        "name_vi": p.name_vi,
        "field": p.field,
        "levels": list(p.levels),
        "publisher": p.publisher,
    }


def _reading(rule: ProcessingRule) -> str:
    if rule.time is None:
        reason = rule.parse_error_reason
        label = _REFUSALS.get(reason or "", rule.parse_error or "-")
        return f"từ chối (refused): {label}" + (f" ({reason})" if reason else "")
    base = rule.time.base
    if base is not None:
        return f"đọc được (read): {base}"
    if rule.time.cases:
        return "đọc được theo trường hợp (read, by case): " + "; ".join(
            c.label for c in rule.time.cases
        )
    return "đọc được, không có một thời hạn chung (read, no single limit)"


#: Vietnamese labels of the reader's refusal reasons (docs/fundamentals/reading-processing-times.md).
_REFUSALS = {
    "missing_unit": "số không có đơn vị thời gian",
    "empty": "để trống",
    "no_information": "không có thông tin",
    "unsupported": "cấu trúc tthc chưa đọc được",
    "fixed_date": "hạn là một ngày cố định",
    "no_duration": "không nêu thời hạn",
    "by_reference": "thời hạn quy định ở văn bản khác",
    "no_limit": "không quy định thời hạn",
    "duplicate_cases": "các trường hợp trùng nhau",
    "shares_mismatch": "các phần không cộng bằng tổng",
    "alternative_only": "chỉ có thời hạn gia hạn",
    "minimum_only": "chỉ có thời hạn tối thiểu",
    "see_description": "xem phần mô tả",
    "per_unit": "tính theo số lượng",
    "no_processing_time": "không công bố thời hạn",
}


def _rule_json(rule: ProcessingRule) -> dict[str, Any]:
    return {
        "channel": rule.channel,
        "structured": rule.structured,
        "read_from": rule.read_from.value if rule.read_from is not None else None,
        "text": rule.text,
        "reading": _reading(rule),
        "parse_error_reason": rule.parse_error_reason,
        "disagreement": rule.disagreement,
        "fee": rule.fee,
        "description": rule.description,
    }


def _show_json(p: Procedure, sources: int) -> dict[str, Any]:
    return {
        **_summary(p),
        "sources": sources,
        "as_of": p.as_of.isoformat() if p.as_of else None,
        "decision_legal_ref": ref_json(p.decision),
        "authority_as_published": p.authority_text,
        "authority_kind": p.authority_kind.value if p.authority_kind else None,
        "executing_agency": p.executing_agency,
        "channels": [_rule_json(r) for r in p.processing_rules],
        "fees": p.fees_text,
        "legal_refs": [ref_json(ref) for ref in p.legal_basis],
        "source": p.source,
        "source_url": p.source_url,
    }


def _show(args: argparse.Namespace) -> int:
    from tthc.procedures import load_catalog  # noqa: PLC0415 - keep `tthc --help` fast

    catalog = load_catalog()
    code = resolve_procedure_arg(args.code, "CODE|NAME")
    p = catalog.get(code)
    sources = len(catalog.sources(code))
    if args.json:
        print(dump_json(_show_json(p, sources)))
        return 0
    print(f"{p.code}  {p.name_vi}")
    print(f"Lĩnh vực (field): {p.field or '-'}; cấp thực hiện (levels): {p.level or '-'}")
    if p.decision is not None:
        print(f"Quyết định công bố (announcing decision): {p.decision.cite()}")
    kind = f" [{p.authority_kind.name_vi}]" if p.authority_kind else ""
    print(f"Cơ quan có thẩm quyền (as published): {p.authority_text or '-'}{kind}")
    if p.executing_agency:
        print(f"Cơ quan thực hiện (executing body): {p.executing_agency}")
    for rule in p.processing_rules:
        _print_rule(rule)
    if p.fees_text:
        print(f"Phí, lệ phí (fees): {p.fees_text}")
    for ref in p.legal_basis:
        print(f"Căn cứ (legal basis): {ref.cite()}" + (f" — {ref.title}" if ref.title else ""))
    as_of = format_date(p.as_of) if p.as_of else "-"
    print(f"Nguồn (source, {as_of}; {sources} bản ghi của mã này / record(s)): {p.source}")
    return 0


def _print_rule(rule: ProcessingRule) -> None:
    where = rule.channel or "mọi kênh / all channels"
    source = f" (from {rule.read_from.value})" if rule.read_from is not None else ""
    print(f"- {where}{source}: {rule.text[:300]}")
    if rule.structured is not None:
        print(f"    cột thời gian (structured): {rule.structured or '-'}")
    print(f"    {_reading(rule)}")
    if rule.disagreement:
        print(f"    khác nhau (disagreement): {rule.disagreement}")
    if rule.fee:
        print(f"    phí (fee): {rule.fee[:300]}")


def _fields(args: argparse.Namespace) -> int:
    from tthc.procedures import load_catalog  # noqa: PLC0415 - keep `tthc --help` fast

    counts = load_catalog().field_counts()
    if args.json:
        print(dump_json(counts))
        return 0
    for name, count in counts.items():
        print(f"{count:>5}  {name}")
    print(f"{len(counts)} lĩnh vực / fields")
    return 0
