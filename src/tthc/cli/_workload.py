"""``tthc workload plan DOSSIERS.csv``: staff and counters per unit from dossier volume."""

from __future__ import annotations

import argparse
import csv
import importlib
import io
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tthc.cli._common import EXIT_BAD_INPUT, dump_json, guarded, ref_json
from tthc.errors import InputTypeError

if TYPE_CHECKING:
    from tthc.staffing import Capacity, Month, UnitPlan, WorkloadPlan

__all__: list[str] = []  # private module: `register` is called by tthc.cli

_WEEKDAYS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")
_SHORT_ROLE = {"reception": "TN", "processing": "XL", "approval": "PD", "return": "TKQ"}


def register(subparsers: Any) -> None:
    """Add the ``workload`` subcommand."""
    workload = subparsers.add_parser(
        "workload",
        help="nhân lực và quầy tiếp nhận theo số hồ sơ / staff and counters from dossier volume",
        description="Nhân lực và năng lực tiếp nhận từ số hồ sơ. / Staffing and reception "
        "capacity from dossier counts.",
    )
    actions = workload.add_subparsers(dest="workload_action", metavar="ACTION")
    workload.set_defaults(func=_no_action)
    plan = actions.add_parser(
        "plan",
        help="kế hoạch nhân lực theo đơn vị / staff plan per unit",
        description="In theo từng đơn vị: số hồ sơ, giờ công cần, khả năng của một người, số "
        "người cần theo vai trò, số quầy (Erlang C), thay đổi sau 1/7/2025; mỗi giả định kèm "
        "nguồn. / Print, per unit: dossiers, staff-hours needed, capacity of one staff "
        "member, full-time equivalents needed per role, reception counters needed (Erlang C), "
        "and the change in monthly volume across the 1/7/2025 reorganisation. Every assumption "
        "is printed with its source.",
    )
    _add_plan_options(plan)
    plan.set_defaults(func=guarded(_plan))


def _add_plan_options(plan: argparse.ArgumentParser) -> None:
    """Add the arguments and options of ``workload plan``."""
    plan.add_argument(
        "dossiers",
        metavar="DOSSIERS.csv",
        help="số hồ sơ / dossier counts, CSV: unit_code, procedure_code, month (YYYY-MM), count",
    )
    plan.add_argument(
        "--unit-kind",
        metavar="KIND",
        help="chỉ giữ đơn vị loại này / keep only units of this kind: commune, province, xã, "
        "phường, đặc khu, tỉnh (accents optional; X., P. accepted)",
    )
    plan.add_argument(
        "--effort",
        metavar="FILE",
        help="định mức thời gian / staff minutes per procedure and role (CSV: "
        "procedure_code,role,minutes or hours); procedures not listed use the illustrative "
        "per-field defaults",
    )
    plan.add_argument(
        "--from", dest="start", metavar="YYYY-MM", help="tháng đầu / first month (or MM/YYYY)"
    )
    plan.add_argument(
        "--to", dest="end", metavar="YYYY-MM", help="tháng cuối / last month (or MM/YYYY)"
    )
    plan.add_argument(
        "--annual-leave",
        type=Decimal,
        metavar="DAYS",
        help="ngày nghỉ phép / leave days, default 12",
    )
    plan.add_argument(
        "--utilisation",
        type=Decimal,
        metavar="FRACTION",
        help="tỷ lệ sử dụng / utilisation, default 0.85",
    )
    plan.add_argument(
        "--max-wait",
        type=float,
        metavar="MINUTES",
        help="thời gian chờ mục tiêu / target mean wait in minutes",
    )
    plan.add_argument(
        "--max-wait-probability",
        type=float,
        metavar="P",
        help="xác suất phải chờ mục tiêu / target probability of waiting",
    )
    plan.add_argument(
        "--in-person-share",
        type=Decimal,
        metavar="FRACTION",
        help="tỷ lệ nộp trực tiếp / share of dossiers filed at a counter when the input has no "
        "in_person column",
    )
    plan.add_argument(
        "--top", type=int, default=10, help="số đơn vị đánh dấu / units to flag (default 10)"
    )
    plan.add_argument(
        "--no-field-defaults",
        action="store_true",
        help="không dùng định mức theo lĩnh vực / refuse procedures without an effort instead "
        "of using the per-field defaults",
    )
    plan.add_argument(
        "--max-bytes", type=int, help="dung lượng tệp tối đa / largest input file accepted"
    )
    plan.add_argument(
        "--chart",
        metavar="PNG",
        help="vẽ biểu đồ / also draw FTE per unit (needs matplotlib: tthc[plot])",
    )
    output = plan.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    output.add_argument(
        "--csv", action="store_true", help="in dạng CSV / print CSV, one row per unit"
    )


def _no_action(_args: argparse.Namespace) -> int:
    """``tthc workload`` alone: the one usage line every misuse gets, not the whole help."""
    print("error[cli.usage]: choose an action: plan (see: tthc workload --help)", file=sys.stderr)
    return EXIT_BAD_INPUT


# Abbreviated and accent-free kinds accepted by --unit-kind (folded) → the kind as the data
# writes it; every other value is refused rather than silently matching no unit.
_KIND_WORDS = {
    "x": "xã",
    "p": "phường",
    "tt": "thị trấn",
    "tx": "thị xã",
    "dk": "đặc khu",
    "commune": "commune",
    "province": "province",
}


def _unit_kind_arg(text: str | None) -> str | None:
    """The ``--unit-kind`` value as the plan's filter reads it (``"xa"``, ``"X."`` → ``"xã"``)."""
    from tthc._text import fold  # noqa: PLC0415
    from tthc.units import UnitKind  # noqa: PLC0415 - keep `tthc --help` fast

    if text is None:
        return None
    kinds: dict[str, str] = {fold(str(kind.value)): str(kind.value) for kind in UnitKind}
    kinds.update(_KIND_WORDS)
    key = fold(text).rstrip(".").strip()
    if key in kinds:
        return kinds[key]
    raise InputTypeError(
        f"Loại đơn vị (unit kind): --unit-kind {text!r} is not a kind of unit",
        hint="give --unit-kind commune, province, xã, phường, đặc khu, tỉnh (accents optional)",
        argument="--unit-kind",
    )


def _plan(args: argparse.Namespace) -> int:
    plan = _build_plan(args)
    if args.json:
        print(dump_json(plan_json(plan)))
    elif args.csv:
        sys.stdout.write(plan_csv(plan))
    else:
        print(plan_text(plan))
    if args.chart:
        _chart(plan, args.chart)
    return 0


def _month_arg(text: str | None, name: str) -> Month | None:
    from tthc.staffing import Month  # noqa: PLC0415 - keep `tthc --help` fast

    if text is None:
        return None
    try:
        return Month.parse(text)
    except InputTypeError:
        raise InputTypeError(
            f"Tháng (month): {name} {text!r} is not a month",
            hint="write YYYY-MM, e.g. 2026-01",
            argument=name,
        ) from None


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    """Return the [`PlanSettings`][tthc.staffing.PlanSettings] fields given on the command line."""
    from tthc.staffing import QueueTargets  # noqa: PLC0415

    overrides: dict[str, Any] = {"flag_top": args.top}
    if args.annual_leave is not None:
        overrides["annual_leave_days"] = args.annual_leave
    if args.utilisation is not None:
        overrides["utilisation"] = args.utilisation
    if args.in_person_share is not None:
        overrides["in_person_share"] = args.in_person_share
    if args.max_wait is not None or args.max_wait_probability is not None:
        defaults = QueueTargets()
        overrides["targets"] = QueueTargets(
            max_mean_wait_minutes=(
                args.max_wait if args.max_wait is not None else defaults.max_mean_wait_minutes
            ),
            max_wait_probability=(
                args.max_wait_probability
                if args.max_wait_probability is not None
                else defaults.max_wait_probability
            ),
        )
    return overrides


def _build_plan(args: argparse.Namespace) -> WorkloadPlan:
    from tthc.staffing import (  # noqa: PLC0415
        EffortTable,
        PlanSettings,
        iter_dossier_counts,
        plan_workload,
        read_efforts,
    )

    # Without --max-bytes the readers apply their own default cap.
    cap: dict[str, int] = {} if args.max_bytes is None else {"max_bytes": args.max_bytes}
    counts = iter_dossier_counts(args.dossiers, **cap)
    efforts = read_efforts(args.effort, **cap) if args.effort else EffortTable()
    overrides = _settings(args)
    return plan_workload(
        counts,
        efforts,
        start=_month_arg(args.start, "--from"),
        end=_month_arg(args.end, "--to"),
        unit_kind=_unit_kind_arg(args.unit_kind),
        settings=PlanSettings(**overrides),
        use_field_defaults=not args.no_field_defaults,
        enrich_units=True,
    )


# --- text ----------------------------------------------------------------------------------------


def _fmt(value: Decimal, places: int = 1) -> str:
    """Vietnamese number text: ``"1.618,24"`` (issue 21: one text style for people)."""
    from tthc.formatting import decimal_vi  # noqa: PLC0415 - keep `tthc --help` fast

    return decimal_vi(value, places)


def _short(value: float | Decimal) -> str:
    """A setting as given (``0.85`` → ``"0,85"``, ``10.0`` → ``"10"``), with a decimal comma."""
    return f"{value:g}".replace(".", ",")


def _slot_text(unit: UnitPlan) -> str:
    if unit.counter_slot is None or unit.counter_month is None:
        return ""
    weekday, start = unit.counter_slot
    return f"{_WEEKDAYS[weekday]} {start.strftime('%H:%M')} {_month_vi(unit.counter_month)}"


def _month_vi(month: Month) -> str:
    """A month as Vietnamese text writes it (``"07/2025"``); JSON keeps ``"2025-07"``."""
    return f"{month.month:02d}/{month.year:04d}"


def _role_fte(unit: UnitPlan, role: str) -> int:
    need = unit.role(role)
    return need.fte if need is not None else 0


def _role_text(unit: UnitPlan, roles: tuple[str, ...]) -> str:
    return "+".join(str(_role_fte(unit, role)) for role in roles)


def _capacity_line(cap: Capacity) -> str:
    off = ", ".join(info.date.strftime("%d/%m") for info in cap.days_off) or "—"
    extra = ", ".join(info.date.strftime("%d/%m") for info in cap.extra_working_days) or "—"
    mark = " (dự kiến / projected)" if cap.provisional else ""
    return (
        f"  {_month_vi(cap.month)}  {cap.working_days:>2} ngày  {_fmt(cap.gross_hours, 2):>7} giờ  "
        f"− nghỉ phép {_fmt(cap.leave_hours, 2):>5} giờ  × {_short(cap.utilisation)}  = "
        f"{_fmt(cap.productive_hours, 2):>7} giờ   nghỉ/off: {off}; làm bù/make-up: {extra}{mark}"
    )


def plan_text(plan: WorkloadPlan) -> str:
    """Return the human-readable report."""
    from tthc.staffing import ROLE_NAMES  # noqa: PLC0415 - keep `tthc --help` fast

    months = len(plan.months)
    per_month = plan.capacity_hours / months
    lines = [
        f"Kế hoạch nhân lực / staff plan: {_month_vi(plan.months[0])} – "
        f"{_month_vi(plan.months[-1])} ({months} tháng / "
        f"months), {len(plan.units)} đơn vị / units",
        f"Khả năng của 1 người / capacity of one staff member: {_fmt(plan.capacity_hours, 2)} "
        f"giờ ({_fmt(per_month, 2)} giờ/tháng)"
        + (" — DỰ KIẾN / provisional" if plan.provisional else ""),
        "FTE theo vai trò / by role: "
        + " + ".join(f"{_SHORT_ROLE.get(r, r)} = {ROLE_NAMES.get(r, r)} ({r})" for r in plan.roles),
        "",
        *_unit_table(plan, per_month),
        *_flag_lines(plan),
        "",
        "Khả năng theo tháng / capacity per month (1 người / one staff member):",
        *(_capacity_line(cap) for cap in plan.capacity),
        *_assumption_lines(plan),
    ]
    return "\n".join(lines)


def _unit_table(plan: WorkloadPlan, per_month: Decimal) -> list[str]:
    roles = plan.roles
    flagged = {change.unit_code for change in plan.flagged}
    role_head = "+".join(_SHORT_ROLE.get(r, r) for r in roles)
    header = (
        f"{'Mã':<6} {'Đơn vị / unit':<28} {'Loại':<7} {'HS/tháng':>9} {'Giờ cần/th':>11} "
        f"{'Giờ/người/th':>12} {'FTE ' + role_head:>16} {'Tổng':>5} {'Quầy':>5}  "
        f"{'Giờ cao điểm':<20} {'Δ sau 1/7/2025':>15}"
    )
    lines = [header, "-" * len(header)]
    for unit in plan.units:
        change = unit.reform.percent if unit.reform else ""
        if unit.unit_code in flagged:
            change += " ⚑"
        lines.append(
            f"{unit.unit_code:<6} {unit.unit_name[:28]:<28} {unit.unit_kind[:7]:<7} "
            f"{_fmt(unit.dossiers_per_month):>9} {_fmt(unit.demand_hours_per_month):>11} "
            f"{_fmt(per_month):>12} {_role_text(unit, roles):>16} {unit.fte:>5} "
            f"{unit.counters:>5}  {_slot_text(unit):<20} {change:>15}"
        )
    lines.append("-" * len(header))
    lines.append(
        f"{'':<6} {'Tổng / total':<28} {'':<7} "
        f"{_fmt(sum((u.dossiers_per_month for u in plan.units), Decimal(0))):>9} "
        f"{_fmt(sum((u.demand_hours_per_month for u in plan.units), Decimal(0))):>11} "
        f"{'':>12} {'':>16} {plan.total_fte:>5} {plan.total_counters:>5}"
    )
    return lines


def _flag_lines(plan: WorkloadPlan) -> list[str]:
    if not plan.flagged:
        return []
    lines = [
        "",
        "⚑ Thay đổi nhiều nhất sau sắp xếp 1/7/2025 / largest change in monthly volume "
        "after the 2025 reorganisation:",
    ]
    for flag in plan.flagged:
        lines.append(
            f"  {flag.unit_code:<6} {flag.unit_name[:28]:<28} "
            f"{_fmt(flag.before_per_month):>9} → {_fmt(flag.after_per_month):>9} "
            f"HS/tháng  {flag.percent}"
        )
    return lines


def _assumption_lines(plan: WorkloadPlan) -> list[str]:
    from tthc.staffing import load_assumptions  # noqa: PLC0415

    settings = plan.settings
    assumptions = load_assumptions()
    return [
        "",
        f"Giả định / assumptions (workload_assumptions.json {plan.assumptions_version}):",
        f"  nghỉ phép / annual leave {settings.annual_leave_days} ngày — "
        + _source("annual_leave_days"),
        f"  tỷ lệ sử dụng / utilisation {_short(settings.utilisation)} — " + _source("utilisation"),
        f"  mục tiêu chờ / queue targets: thời gian chờ trung bình / mean wait ≤ "
        f"{_short(settings.targets.max_mean_wait_minutes)} phút, P(chờ / wait) ≤ "
        f"{_short(settings.targets.max_wait_probability)} — " + _source("max_mean_wait_minutes"),
        f"  quầy / counters: {assumptions['erlang_c_model'].value} — " + _source("erlang_c_model"),
        f"  ngày sắp xếp / reform date {settings.reform_date.strftime('%d/%m/%Y')} — "
        + _source("reform_date"),
    ]


def _source(key: str) -> str:
    from tthc.staffing import load_assumptions  # noqa: PLC0415

    item = load_assumptions()[key]
    if item.is_planning:
        return "giả định lập kế hoạch / planning assumption"
    return item.legal_ref.cite() if item.legal_ref else ""


# --- JSON and CSV --------------------------------------------------------------------------------


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _unit_json(unit: UnitPlan, flagged: set[str]) -> dict[str, Any]:
    from tthc.staffing import ROLE_NAMES  # noqa: PLC0415

    queue = unit.counter_queue
    return {
        "unit_code": unit.unit_code,
        "unit_name": unit.unit_name,
        "unit_kind": unit.unit_kind,
        "dossiers": unit.dossiers,
        "dossiers_per_month": _dec(unit.dossiers_per_month),
        "demand_hours": _dec(unit.demand_hours),
        "demand_hours_per_month": _dec(unit.demand_hours_per_month),
        "capacity_hours_per_staff": _dec(unit.capacity_hours),
        "roles": [
            {
                "role": need.role,
                "role_vi": ROLE_NAMES.get(need.role, need.role),
                "demand_hours": _dec(need.demand_hours),
                "fte_exact": _dec(need.fte_exact),
                "fte": need.fte,
                "peak_month": str(need.peak_month) if need.peak_month else None,
                "peak_month_fte": need.peak_month_fte,
            }
            for need in unit.roles
        ],
        "fte": unit.fte,
        "counters": unit.counters,
        "counter_peak": None
        if queue is None or unit.counter_slot is None
        else {
            "month": str(unit.counter_month),
            "weekday": unit.counter_slot[0],
            "start": unit.counter_slot[1].strftime("%H:%M"),
            "arrivals_per_hour": round(queue.arrivals_per_hour, 3),
            "mean_service_minutes": round(queue.mean_service_minutes, 3),
            "traffic_erlangs": round(queue.traffic, 4),
            "occupancy": round(queue.occupancy, 4),
            "wait_probability": round(queue.wait_probability, 4),
            "mean_wait_minutes": round(queue.mean_wait_minutes, 3),
        },
        "reform": None
        if unit.reform is None
        else {
            "before_per_month": _dec(unit.reform.before_per_month),
            "after_per_month": _dec(unit.reform.after_per_month),
            "change": _dec(unit.reform.change),
            "flagged": unit.unit_code in flagged,
        },
    }


def plan_json(plan: WorkloadPlan) -> dict[str, Any]:
    """Return the plan as plain JSON data (numbers as decimal strings where exact)."""
    from tthc.staffing import load_assumptions  # noqa: PLC0415

    flagged = {change.unit_code for change in plan.flagged}
    settings = plan.settings
    return {
        "period": {"start": str(plan.months[0]), "end": str(plan.months[-1])},
        "provisional": plan.provisional,
        "capacity_hours_per_staff": _dec(plan.capacity_hours),
        "total_fte": plan.total_fte,
        "total_counters": plan.total_counters,
        "units": [_unit_json(unit, flagged) for unit in plan.units],
        "flagged": [change.unit_code for change in plan.flagged],
        "capacity": [
            {
                "month": str(cap.month),
                "working_days": cap.working_days,
                "working_days_in_year": cap.working_days_in_year,
                "hours_per_day": _dec(cap.hours_per_day),
                "gross_hours": _dec(cap.gross_hours),
                "leave_hours": _dec(cap.leave_hours),
                "available_hours": _dec(cap.available_hours),
                "productive_hours": _dec(cap.productive_hours),
                "days_off": [info.date.isoformat() for info in cap.days_off],
                "extra_working_days": [info.date.isoformat() for info in cap.extra_working_days],
                "provisional": cap.provisional,
            }
            for cap in plan.capacity
        ],
        "settings": {
            "annual_leave_days": _dec(settings.annual_leave_days),
            "utilisation": _dec(settings.utilisation),
            "max_mean_wait_minutes": settings.targets.max_mean_wait_minutes,
            "max_wait_probability": settings.targets.max_wait_probability,
            "in_person_share": _dec(settings.in_person_share),
            "counter_role": settings.counter_role,
            "reform_date": settings.reform_date.isoformat(),
        },
        "assumptions": {
            "data_version": plan.assumptions_version,
            "items": [
                {
                    "key": item.key,
                    "basis": item.basis,
                    "name_en": item.name_en,
                    "legal_ref": ref_json(item.legal_ref),
                }
                for item in load_assumptions().items
            ],
        },
    }


def plan_csv(plan: WorkloadPlan) -> str:
    """Return one CSV row per unit."""
    roles = plan.roles
    flagged = {change.unit_code for change in plan.flagged}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "unit_code",
            "unit_name",
            "unit_kind",
            "dossiers",
            "dossiers_per_month",
            "demand_hours",
            "demand_hours_per_month",
            "capacity_hours_per_staff",
            *(f"fte_{role}" for role in roles),
            "fte",
            "counters",
            "counter_peak",
            "before_per_month",
            "after_per_month",
            "change",
            "flagged",
        ]
    )
    for unit in plan.units:
        writer.writerow(
            [
                unit.unit_code,
                unit.unit_name,
                unit.unit_kind,
                unit.dossiers,
                unit.dossiers_per_month,
                unit.demand_hours,
                unit.demand_hours_per_month,
                unit.capacity_hours,
                *(_role_fte(unit, role) for role in roles),
                unit.fte,
                unit.counters,
                _slot_text(unit),
                unit.reform.before_per_month if unit.reform else "",
                unit.reform.after_per_month if unit.reform else "",
                unit.reform.change if unit.reform and unit.reform.change is not None else "",
                "1" if unit.unit_code in flagged else "0",
            ]
        )
    return buffer.getvalue()


def _chart(plan: WorkloadPlan, path: str) -> None:
    try:
        matplotlib = importlib.import_module("matplotlib")  # optional extra: tthc[plot]
        matplotlib.use("Agg")
        pyplot = importlib.import_module("matplotlib.pyplot")
    except ImportError:
        print(
            "note: matplotlib is not installed (pip install 'tthc[plot]'); chart skipped",
            file=sys.stderr,
        )
        return
    units = sorted(plan.units, key=lambda unit: unit.fte, reverse=True)[:40]
    figure, axis = pyplot.subplots(figsize=(12, 5))
    axis.bar([unit.unit_name or unit.unit_code for unit in units], [u.fte for u in units])
    axis.set_ylabel("FTE")
    axis.set_title(f"FTE per unit, {plan.months[0]} – {plan.months[-1]}")
    axis.tick_params(axis="x", labelrotation=90, labelsize=7)
    figure.tight_layout()
    figure.savefig(path)
    pyplot.close(figure)
    print(f"note: chart written to {path}", file=sys.stderr)
