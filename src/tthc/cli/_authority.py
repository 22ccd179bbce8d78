"""``tthc authority CODE --unit UNIT --on DATE`` and ``tthc unit NAME``."""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import TYPE_CHECKING, Any

from tthc.cli._common import (
    dump_json,
    guarded,
    parse_date_arg,
    ref_json,
    resolve_procedure_arg,
    resolve_unit_arg,
)
from tthc.errors import InputTypeError

if TYPE_CHECKING:
    from tthc.authorities import Authority, CompetenceResult, CompetenceRule
    from tthc.units import AdministrativeUnit

__all__: list[str] = []  # private module: `register` is called by tthc.cli


def register(subparsers: Any) -> None:
    """Add the ``authority`` and ``unit`` subcommands."""
    auth = subparsers.add_parser(
        "authority",
        help="cơ quan có thẩm quyền / competent authority for a procedure",
        description="In cơ quan có thẩm quyền giải quyết thủ tục CODE tại một đơn vị vào một "
        "ngày, kèm quy tắc và căn cứ pháp lý. / Print the authority competent for procedure CODE "
        "(national code such as 1.001193, a tthc key, or the procedure's name) at a unit on a "
        "date, with the rule and its legal basis.",
    )
    auth.add_argument(
        "code",
        metavar="CODE|NAME",
        help="thủ tục / procedure: code (1.001193), tthc key or name ('đăng ký khai sinh')",
    )
    auth.add_argument(
        "--unit",
        required=True,
        metavar="CODE|NAME",
        help="đơn vị của căn cứ thẩm quyền / unit of the anchor: code (31135) or name "
        "('P. Ninh Kiều', accents optional)",
    )
    auth.add_argument(
        "--on", required=True, metavar="DATE", help="ngày / date, DD/MM/YYYY or YYYY-MM-DD"
    )
    auth.add_argument(
        "--fact",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="tình tiết / case fact, e.g. plan_scope=multi_commune (repeatable; true/false for "
        "yes/no)",
    )
    auth.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    auth.set_defaults(func=guarded(_authority))

    unit = subparsers.add_parser(
        "unit",
        help="tra cứu đơn vị hành chính / look up an administrative unit by code or name",
        description="Liệt kê đơn vị hành chính theo mã hoặc tên (không phân biệt dấu, hoa "
        "thường; viết tắt P., X., Q., H., TP), kèm đơn vị kế thừa của đơn vị trước 1/7/2025. "
        "/ List the administrative units with code or name NAME (accents, case and the "
        "abbreviations P., X., Q., H., TP ignored), with the successors of a pre-reform unit.\n"
        "tthc unit successors CODE|NAME: đơn vị kế thừa / the 2025 units that took over a "
        "pre-reform unit; tthc unit predecessors CODE|NAME: đơn vị trước sắp xếp / the "
        "pre-reform units of a 2025 unit.",
    )
    unit.add_argument(
        "name",
        metavar="CODE|NAME",
        help='mã hoặc tên đơn vị / unit code or name, e.g. 31135, "Ninh Kiều", "P. Ninh Kiều"',
    )
    unit.add_argument(
        "--province", help="tỉnh để tìm (mã hoặc tên) / province to search in (code or name)"
    )
    unit.add_argument(
        "--on",
        metavar="DATE",
        help="ngày / date, DD/MM/YYYY or YYYY-MM-DD (default: the 2025 units)",
    )
    unit.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    unit.set_defaults(func=guarded(_unit))


def _facts(pairs: list[str]) -> dict[str, str | bool]:
    facts: dict[str, str | bool] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputTypeError(
                f"Tình tiết (fact) {pair!r} is not KEY=VALUE",
                hint="e.g. --fact plan_scope=multi_commune",
                argument="fact",
            )
        lowered = value.strip().lower()
        facts[key.strip()] = {"true": True, "false": False}.get(lowered, value.strip())
    return facts


def _known_facts(code: str, facts: dict[str, str | bool]) -> None:
    """Refuse a ``--fact`` no competence rule of ``code`` looks at (never ignored silently)."""
    from tthc.authorities import competence_rules  # noqa: PLC0415 - keep `tthc --help` fast

    if not facts:
        return
    known = sorted({key for rule in competence_rules(code) for key, _ in rule.variant})
    unknown = sorted(set(facts) - set(known))
    if unknown:
        raise InputTypeError(
            f"Tình tiết (fact) {', '.join(unknown)} is not one tthc knows for {code}: "
            + (f"known facts: {', '.join(known)}" if known else "its rules need no fact"),
            hint=(
                "give --fact with one of: " + ", ".join(f"{key}=..." for key in known)
                if known
                else "drop --fact"
            ),
            argument="--fact",
            unknown=unknown,
            known=known,
        )


# --- JSON ----------------------------------------------------------------------------------------


def _unit_json(u: AdministrativeUnit) -> dict[str, Any]:
    return {
        "code": u.code,
        "name": u.name,
        "full_name": u.full_name,
        "kind": u.kind.value,
        "level": u.level.value,
        "province_code": u.province_code,
        "parent_code": u.parent_code,
        "valid_from": u.validity.start.isoformat() if u.validity.start else None,
        "valid_to": u.validity.end.isoformat() if u.validity.end else None,
        "legal_ref": ref_json(u.legal_basis),
    }


def _authority_json(a: Authority | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"kind": a.kind.value, "name_vi": a.name_vi, "body": a.body, "unit": _unit_json(a.unit)}


def _rule_json(rule: CompetenceRule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "procedure_key": rule.procedure,
        "procedure_codes": list(rule.procedure_codes),
        "name_vi": rule.name_vi,
        "variant": dict(rule.variant),
        "authority_kind": rule.authority_kind.value,
        "anchor": rule.anchor.value,
        "valid_from": rule.validity.start.isoformat() if rule.validity.start else None,
        "valid_to": rule.validity.end.isoformat() if rule.validity.end else None,
        "layer": rule.layer.name.lower(),
        "rule_confidence": rule.confidence.value,
        "provinces": sorted(rule.provinces) if rule.provinces is not None else None,
        "note": rule.note,
        # the rule's legal basis first, then the documents cited with it
        "legal_refs": [ref_json(ref) for ref in (rule.legal_basis, *rule.also)],
    }


def _result_json(res: CompetenceResult) -> dict[str, Any]:
    return {
        "procedure": res.procedure,
        "on": res.on.isoformat(),
        "unit": _unit_json(res.unit),
        "authority": _authority_json(res.authority),
        "left_to_province": res.left_to_province,
        "decided_by": _authority_json(res.decided_by),
        "default_authority": _authority_json(res.default_authority),
        "rule": _rule_json(res.rule),
        "overridden": [r.id for r in res.overridden],
    }


# --- handlers ------------------------------------------------------------------------------------


def _authority(args: argparse.Namespace) -> int:
    from tthc.authorities import resolve_authority  # noqa: PLC0415 - keep `tthc --help` fast

    on = parse_date_arg(args.on, "--on")
    code = resolve_procedure_arg(args.code, "CODE|NAME")
    place = resolve_unit_arg(args.unit, "--unit", on=on)
    facts = _facts(args.fact)
    _known_facts(code, facts)
    res = resolve_authority(code, unit=place, on=on, facts=facts)
    if args.json:
        print(dump_json(_result_json(res)))
    else:
        print(res.explain())
    return 0


def _unit_rows(found: tuple[AdministrativeUnit, ...]) -> list[dict[str, Any]]:
    from tthc.cli._unit_succession import _succession_json, successions_of  # noqa: PLC0415

    rows = []
    for u in found:
        row = _unit_json(u)
        if u.legacy:  # a district: the successors of each of its communes
            # the shape of `tthc unit successors --json` (old, new, share, effective, legal_ref)
            row["successors"] = [_succession_json(s) for s in successions_of(u)]
        rows.append(row)
    return rows


def _print_units(found: tuple[AdministrativeUnit, ...]) -> None:
    from tthc.cli._unit_succession import _line, successions_of  # noqa: PLC0415

    for u in found:
        basis = f" — {u.legal_basis.cite()}" if u.legal_basis else ""
        print(
            f"{u.code}  {u.full_name}  [{u.kind.value}; tỉnh {u.province_code}; {u.validity}]{basis}"
        )
        if u.legacy:  # a district: the successors of each of its communes
            for s in successions_of(u):  # the lines of `tthc unit successors`
                print(f"  {_line(s, 'successors')}")
    if len(found) > 1:
        print(
            f"{len(found)} đơn vị khớp, thêm --province để thu hẹp "
            "/ units match; pass --province to narrow"
        )


def _units_named(
    text: str, province: str | None, on: _dt.date | None
) -> tuple[AdministrativeUnit, ...]:
    """The units a code or a name names; a pre-reform code without --on gives the old unit."""
    from tthc.errors import UnitNotInForce  # noqa: PLC0415
    from tthc.units import find_units, legacy_unit, unit  # noqa: PLC0415

    value = text.strip()
    if value.isascii() and value.isdigit():
        try:
            return (unit(value, on=on),)
        except UnitNotInForce as err:
            if on is not None or not err.context.get("legacy"):
                raise
            return (legacy_unit(value),)  # shown with its validity and its successors
    found = find_units(value, province, on=on)
    return found or (resolve_unit_arg(value, "NAME", province=province, on=on),)


def _unit(args: argparse.Namespace) -> int:
    on = parse_date_arg(args.on, "--on") if args.on else None
    found = _units_named(args.name, args.province, on)  # nothing found: UnknownUnit and its hint
    if args.json:
        print(dump_json(_unit_rows(found)))
    else:
        _print_units(found)
    return 0
