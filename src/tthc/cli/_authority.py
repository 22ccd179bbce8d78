"""``tthc authority CODE --unit UNIT --on DATE`` and ``tthc unit NAME``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from tthc.cli._common import dump_json, guarded, parse_date_arg, ref_json
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
        description="Print the authority competent for procedure CODE (national code such as "
        "1.001193, or a tthc key) at a unit on a date, with the rule and its legal basis.",
    )
    auth.add_argument("code", help="procedure code, e.g. 1.001193")
    auth.add_argument("--unit", required=True, help="unit code of the anchor, e.g. 31135")
    auth.add_argument("--on", required=True, help="date, YYYY-MM-DD")
    auth.add_argument(
        "--fact",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="case fact, e.g. plan_scope=multi_commune (repeatable; true/false for yes/no)",
    )
    auth.add_argument("--json", action="store_true", help="print JSON")
    auth.set_defaults(func=guarded(_authority))

    unit = subparsers.add_parser(
        "unit",
        help="tra cứu đơn vị hành chính / look up an administrative unit by name",
        description="List the administrative units whose name matches NAME (accents and case "
        "ignored), with pre-reform successors when --on is before 1/7/2025.",
    )
    unit.add_argument("name", help='unit name, e.g. "Ninh Kiều"')
    unit.add_argument("--province", help="province code or name to search in")
    unit.add_argument("--on", help="date, YYYY-MM-DD (default: the 2025 units)")
    unit.add_argument("--json", action="store_true", help="print JSON")
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
        "legal_basis": ref_json(u.legal_basis),
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
        "confidence": rule.confidence.value,
        "provinces": sorted(rule.provinces) if rule.provinces is not None else None,
        "note": rule.note,
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
        "legal_basis": ref_json(res.rule.legal_basis),
        "also": [ref_json(ref) for ref in res.rule.also],
        "overridden": [r.id for r in res.overridden],
    }


# --- handlers ------------------------------------------------------------------------------------


def _authority(args: argparse.Namespace) -> int:
    from tthc.authorities import resolve_authority  # noqa: PLC0415 - keep `tthc --help` fast

    on = parse_date_arg(args.on, "--on")
    res = resolve_authority(args.code, unit=args.unit, on=on, facts=_facts(args.fact))
    if args.json:
        print(dump_json(_result_json(res)))
    else:
        print(res.explain())
    return 0


def _unit_rows(found: tuple[AdministrativeUnit, ...]) -> list[dict[str, Any]]:
    from tthc.units import successors  # noqa: PLC0415

    rows = []
    for u in found:
        row = _unit_json(u)
        if u.legacy and u.level.value != "district":
            row["successors"] = [
                {"code": s.new.code, "full_name": s.new.full_name, "share": s.share}
                for s in successors(u.code)
            ]
        rows.append(row)
    return rows


def _print_units(found: tuple[AdministrativeUnit, ...]) -> None:
    from tthc.units import successors  # noqa: PLC0415

    for u in found:
        basis = f" — {u.legal_basis.cite()}" if u.legal_basis else ""
        print(
            f"{u.code}  {u.full_name}  [{u.kind.value}; tỉnh {u.province_code}; {u.validity}]{basis}"
        )
        if u.legacy and u.level.value != "district":
            for s in successors(u.code):
                print(f"    → {s.new.code} {s.new.full_name} ({s.share}; {s.legal_basis.cite()})")
    if len(found) > 1:
        print(f"{len(found)} đơn vị / units match; pass --province to narrow")


def _unit(args: argparse.Namespace) -> int:
    from tthc.units import find_units, unit_by_name  # noqa: PLC0415

    on = parse_date_arg(args.on, "--on") if args.on else None
    found = find_units(args.name, args.province, on=on)
    if not found:  # raises UnknownUnit with a hint
        unit_by_name(args.name, args.province, on=on)
    if args.json:
        print(dump_json(_unit_rows(found)))
    else:
        _print_units(found)
    return 0
