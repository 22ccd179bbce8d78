"""``tthc unit successors CODE|NAME`` and ``tthc unit predecessors CODE|NAME``: the 2025 reform.

Example::

    tthc unit successors "Quận Ninh Kiều"     # the 2025 units its communes went into
    tthc unit successors 31117 --json
    tthc unit predecessors "P. Ninh Kiều"      # the pre-reform units Phường Ninh Kiều took over

Every pair is printed with its share (whole: nhập toàn bộ; part: một phần, a split commune whose
every candidate is listed), the date the new unit took over and the clause of the resolution. A
pre-reform district (cấp huyện, abolished on 1/7/2025) has no successor of its own: the command
lists the successors of each of its communes.
"""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import TYPE_CHECKING, Any

from tthc._time import format_date
from tthc.cli._common import dump_json, guarded, ref_json, resolve_unit_arg

if TYPE_CHECKING:
    from tthc.units import AdministrativeUnit, Succession

__all__: list[str] = []  # private module: `register` is called by tthc.cli

#: ``tthc unit successors ...`` is routed to the parser named ``unit-successors`` by tthc.cli.
ROUTED = {"successors": "unit-successors", "predecessors": "unit-predecessors"}

_HELP = {
    "successors": (
        "Liệt kê đơn vị hành chính từ 1/7/2025 đã tiếp nhận (toàn bộ hay một phần) một đơn vị "
        "trước sắp xếp, kèm ngày và căn cứ. / List the 2025 units that took over (all or part of) "
        "a pre-reform unit, with the date and the legal basis; for a district, those of each of "
        "its communes.",
        "mã hoặc tên đơn vị trước 1/7/2025 / code or name of the pre-reform unit, e.g. 916, "
        '"Quận Ninh Kiều"',
    ),
    "predecessors": (
        "Liệt kê các đơn vị trước sắp xếp đã nhập (toàn bộ hay một phần) vào một đơn vị từ "
        "1/7/2025, kèm ngày và căn cứ. / List the pre-reform units that went (wholly or in part) "
        "into a 2025 unit, with the date and the legal basis.",
        'mã hoặc tên đơn vị từ 1/7/2025 / code or name of the 2025 unit, e.g. 31135, "P. Ninh Kiều"',
    ),
}


def register(subparsers: Any) -> None:
    """Add ``unit successors`` and ``unit predecessors`` (parsers ``unit-successors``, ...)."""
    for direction, parser_name in ROUTED.items():
        description, unit_help = _HELP[direction]
        parser = subparsers.add_parser(
            parser_name, prog=f"tthc unit {direction}", description=description
        )
        parser.add_argument("unit", metavar="CODE|NAME", help=unit_help)
        parser.add_argument(
            "--province",
            help="tỉnh để tìm theo tên (mã hoặc tên) / province to search a name in (code or name)",
        )
        parser.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
        parser.set_defaults(func=guarded(_run), direction=direction, command="unit")


def _last_legacy_day() -> _dt.date:
    from tthc.units import reform_date  # noqa: PLC0415 - keep `tthc --help` fast

    return reform_date() - _dt.timedelta(days=1)


def _old_unit(text: str, province: str | None) -> AdministrativeUnit:
    """The pre-reform unit a code or name names (a 2025-only code raises with its hint)."""
    from tthc.errors import UnknownUnit  # noqa: PLC0415
    from tthc.units import legacy_unit, successors  # noqa: PLC0415

    value = text.strip()
    if value.isascii() and value.isdigit():
        try:
            return legacy_unit(value)
        except UnknownUnit:
            successors(value)  # raises the error that says whether it is a 2025 code
            raise  # pragma: no cover - successors() raises for every code legacy_unit refuses
    return resolve_unit_arg(value, "CODE|NAME", province=province, on=_last_legacy_day())


def successions_of(old: AdministrativeUnit) -> tuple[Succession, ...]:
    """The successions of a pre-reform unit; for a district, those of each of its communes."""
    from tthc.units import communes, successors  # noqa: PLC0415

    if old.level.value != "district":
        return successors(old.code)
    try:
        return successors(old.code)  # the districts without communes map to their đặc khu
    except LookupError:
        pass
    day = _last_legacy_day()
    members = [u for u in communes(old.province_code, on=day) if u.parent_code == old.code]
    return tuple(s for member in members for s in successors(member.code))


def _predecessors_of(new: AdministrativeUnit) -> tuple[Succession, ...]:
    from tthc.units import predecessors  # noqa: PLC0415

    return predecessors(new.code)


def _unit_json(u: AdministrativeUnit) -> dict[str, Any]:
    from tthc.cli._authority import _unit_json as unit_json  # noqa: PLC0415 - one unit shape

    return unit_json(u)


def _succession_json(s: Succession) -> dict[str, Any]:
    return {
        "old": _unit_json(s.old),
        "new": _unit_json(s.new),
        "share": s.share,
        "effective": s.effective.isoformat(),
        "legal_ref": ref_json(s.legal_basis),
    }


_SHARE = {"whole": "toàn bộ / whole", "part": "một phần / part"}


def _line(s: Succession, direction: str) -> str:
    other = s.new if direction == "successors" else s.old
    arrow = "→" if direction == "successors" else "←"
    source = f"{s.old.full_name} ({s.old.code}) " if direction == "successors" else ""
    return (
        f"  {source}{arrow} {other.full_name} ({other.code}) [{_SHARE[s.share]}] "
        f"từ / from {format_date(s.effective)} — {s.legal_basis.cite()}"
    )


def _run(args: argparse.Namespace) -> int:
    direction: str = args.direction
    if direction == "successors":
        found = _old_unit(args.unit, args.province)
        pairs = successions_of(found)
    else:
        found = resolve_unit_arg(args.unit, "CODE|NAME", province=args.province)
        pairs = _predecessors_of(found)
    if args.json:
        data = {
            "unit": _unit_json(found),
            "direction": direction,
            "successions": [_succession_json(s) for s in pairs],
        }
        print(dump_json(data))
        return 0
    print(f"{found.full_name} ({found.code}) — {found.validity}")
    for s in pairs:
        print(_line(s, direction))
    if not pairs:
        print("  không có / none recorded")
    return 0
