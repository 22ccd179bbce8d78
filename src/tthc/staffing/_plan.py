"""The plan: demand, capacity, staff and counters per unit, and the units the reform changed most.

[`plan_workload`][tthc.staffing.plan_workload] reads the dossier counts once, sums each unit's staff minutes per role and
month, divides the period's demand by the period's capacity of one staff member (rounded up per
role on the exact ratio), and sizes the reception desk for the busiest slot of the busiest month.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from tthc._text import fold
from tthc._validate import require_date, require_int
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.calendar._defaults import resolve
from tthc.errors import InputTypeError, TthcError
from tthc.staffing._assumptions import load_assumptions
from tthc.staffing._capacity import (
    Capacity,
    ExactCapacity,
    exact_capacity,
    leave_days,
    utilisation_of,
)
from tthc.staffing._erlang import QueueResult, QueueTargets, queue_for
from tthc.staffing._inputs import (
    DossierCount,
    EffortTable,
    default_field_effort,
    iter_records,
    role_key,
)
from tthc.staffing._months import Month, month_at, month_index, month_range, require_month
from tthc.staffing._numbers import exact, instance_of, non_empty_text, to_decimal
from tthc.staffing._profiles import ArrivalProfile, MonthShape, Slot, month_shape, no_weight
from tthc.staffing._reform import ReformChange, changes_from_totals, rank, side
from tthc.staffing._tally import UnitSums, Volume, gather, reform_totals, tally

__all__: list[str] = []  # private module: the public names are exported by tthc.staffing


# --- settings ------------------------------------------------------------------------------------


def _check_leave(_instance: Any, _attribute: Any, value: object) -> None:
    leave_days(value)


def _check_utilisation(_instance: Any, _attribute: Any, value: object) -> None:
    utilisation_of(value)


def _check_share(_instance: Any, _attribute: Any, value: object) -> None:
    if exact(value, "in_person_share") > 1:
        raise InputTypeError(
            "Tỷ lệ nộp trực tiếp (in-person share) must be in [0, 1]", argument="in_person_share"
        )


def _check_date(_instance: Any, attribute: Any, value: object) -> None:
    require_date(value, attribute.name)


def _check_top(_instance: Any, attribute: Any, value: object) -> None:
    if require_int(value, attribute.name) < 0:
        raise InputTypeError(
            "Đơn vị cần lưu ý (flagged units): flag_top must be zero or more",
            argument=attribute.name,
        )


@attrs.frozen(slots=True)
class PlanSettings:
    """Every knob of [`plan_workload`][tthc.staffing.plan_workload]; the defaults come from the assumptions file.

    Attributes:
        annual_leave_days: Leave per staff member per year (working days).
        utilisation: Share of available hours spent on dossiers, in (0, 1].
        targets: Queue targets for the counters.
        in_person_share: Share of dossiers filed at a counter, used where the input has no
            ``in_person`` count, in [0, 1].
        profile: Arrival profile by weekday and hour.
        counter_role: The role whose minutes are the counter's service time.
        reform_date: The reorganisation date used to compare volumes.
        flag_top: How many units to flag as most changed by the reform.
    """

    annual_leave_days: Decimal = attrs.field(
        factory=lambda: load_assumptions().decimal("annual_leave_days"), validator=_check_leave
    )
    utilisation: Decimal = attrs.field(
        factory=lambda: load_assumptions().decimal("utilisation"), validator=_check_utilisation
    )
    targets: QueueTargets = attrs.field(
        factory=QueueTargets,
        validator=instance_of(
            QueueTargets, "Mục tiêu chờ (queue target): targets must be a QueueTargets"
        ),
    )
    in_person_share: Decimal = attrs.field(
        factory=lambda: load_assumptions().decimal("in_person_share"), validator=_check_share
    )
    profile: ArrivalProfile = attrs.field(
        factory=ArrivalProfile,
        validator=instance_of(
            ArrivalProfile,
            "Phân bố lượt đến (arrival profile): profile must be an ArrivalProfile",
        ),
    )
    counter_role: str = attrs.field(
        default="reception",
        validator=non_empty_text("Vai trò (role): counter_role must be a non-empty string"),
    )
    reform_date: _dt.date = attrs.field(
        factory=lambda: load_assumptions().date("reform_date"), validator=_check_date
    )
    flag_top: int = attrs.field(default=10, validator=_check_top)


# --- results -------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class RoleNeed:
    """Staff needed for one role of one unit over the plan period.

    Attributes:
        role: The role.
        demand_hours: Staff-hours needed over the period.
        fte_exact: ``demand / capacity`` (0.01), before rounding up.
        fte: Full-time equivalents, rounded up on the exact ratio.
        peak_month: The month that needs the most staff for this role.
        peak_month_fte: Full-time equivalents that month alone would need.
    """

    role: str
    demand_hours: Decimal
    fte_exact: Decimal
    fte: int
    peak_month: Month | None
    peak_month_fte: int


@attrs.frozen(slots=True)
class UnitPlan:
    """Demand, capacity, staff and counters for one unit.

    Attributes:
        unit_code: The unit.
        unit_name: Its name, when known.
        unit_kind: Its kind (``"xã"``, ``"phường"``, ...), when known.
        dossiers: Dossiers in the plan period.
        dossiers_per_month: Monthly average over the period.
        demand_hours: Staff-hours needed over the period, all roles.
        demand_hours_per_month: Monthly average.
        capacity_hours: Productive hours of one staff member over the period.
        roles: Staff needed per role.
        counters: Reception counters needed in the busiest slot of the busiest month.
        counter_month: The month of that slot.
        counter_slot: That slot (weekday, start time).
        counter_queue: The queue there with ``counters`` counters.
        reform: Volume change across the reorganisation, when the input spans it.
    """

    unit_code: str
    unit_name: str
    unit_kind: str
    dossiers: int
    dossiers_per_month: Decimal
    demand_hours: Decimal
    demand_hours_per_month: Decimal
    capacity_hours: Decimal
    roles: tuple[RoleNeed, ...]
    counters: int
    counter_month: Month | None
    counter_slot: Slot | None
    counter_queue: QueueResult | None
    reform: ReformChange | None

    @property
    def fte(self) -> int:
        """Staff needed: the sum of the per-role rounded-up FTE."""
        return sum(need.fte for need in self.roles)

    def role(self, name: str) -> RoleNeed | None:
        """Return the need of one role, or ``None``."""
        for need in self.roles:
            if need.role == name:
                return need
        return None


@attrs.frozen(slots=True)
class WorkloadPlan:
    """The staffing plan of a set of units.

    Attributes:
        units: One plan per unit, by unit code.
        months: The plan period.
        capacity: Capacity of one staff member in each month of the period.
        capacity_hours: Productive hours of one staff member over the whole period.
        settings: The settings used.
        flagged: Units whose monthly volume changed most across the reorganisation.
        assumptions_version: ``data_version`` of the assumptions file.
        provisional: Some month lies in a year whose calendar is projected.
    """

    units: tuple[UnitPlan, ...]
    months: tuple[Month, ...]
    capacity: tuple[Capacity, ...]
    capacity_hours: Decimal
    settings: PlanSettings
    flagged: tuple[ReformChange, ...]
    assumptions_version: str
    provisional: bool

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role in the plan, in conventional order."""
        return tuple(
            sorted({need.role for unit in self.units for need in unit.roles}, key=role_key)
        )

    @property
    def total_fte(self) -> int:
        """Staff needed over all units."""
        return sum(unit.fte for unit in self.units)

    @property
    def total_counters(self) -> int:
        """Counters needed over all units."""
        return sum(unit.counters for unit in self.units)


# --- unit kinds ----------------------------------------------------------------------------------

# Kinds are matched without case or accents: "Xã", "xã" and "xa" are all communes.
_COMMUNE_KINDS = frozenset(
    fold(kind) for kind in ("commune", "xã", "phường", "đặc khu", "thị trấn", "ward")
)
_PROVINCE_KINDS = frozenset(
    fold(kind)
    for kind in ("province", "tỉnh", "thành phố trực thuộc trung ương", "sở", "department", "city")
)


def _level(kind: str) -> str:
    folded = fold(kind)
    if folded in _COMMUNE_KINDS:
        return "commune"
    if folded in _PROVINCE_KINDS:
        return "province"
    return ""


def kind_matches(kind: str, wanted: str) -> bool:
    """Whether a unit of ``kind`` is kept by the filter ``wanted`` ("commune", "xã", ...)."""
    folded = fold(wanted)
    if folded in ("commune", "province"):
        return _level(kind) == folded
    return fold(kind) == folded


@functools.cache
def registry_unit(code: str) -> tuple[str, str] | None:
    """Name and kind of a unit from ``tthc.units`` when it is available (optional enrichment)."""
    try:
        from tthc import units  # noqa: PLC0415 - optional, loaded only when needed

        found = units.unit(code)
        return found.full_name, found.kind.value
    except (ImportError, TthcError, AttributeError):
        return None


def _unit_labels(volume: Volume, enrich: bool) -> tuple[dict[str, str], dict[str, str]]:
    """Return (names, kinds) by unit code: the first given in the input, then the registry's."""
    names, kinds = dict(volume.names), dict(volume.kinds)
    if enrich:
        for code in volume.units:
            if code not in names or code not in kinds:
                found = registry_unit(code)
                if found is not None:
                    names.setdefault(code, found[0])
                    kinds.setdefault(code, found[1])
    return names, kinds


def _of_kind(volume: Volume, kinds: Mapping[str, str], unit_kind: str | None) -> frozenset[str]:
    """The units kept by the ``unit_kind`` filter (all units when it is ``None``)."""
    units = volume.units
    if unit_kind is not None:
        if not isinstance(unit_kind, str) or not unit_kind.strip():
            raise InputTypeError(
                "Loại đơn vị (unit kind): unit_kind must be a non-empty string",
                argument="unit_kind",
            )
        units = {code: None for code in units if kind_matches(kinds.get(code, ""), unit_kind)}
    if not units:
        raise InputTypeError(
            "Số liệu hồ sơ (dossier counts): no rows"
            + (f" for unit kind {unit_kind!r}" if unit_kind else ""),
            hint="check the input and the unit_kind filter (units need a unit_kind column)",
            argument="counts",
        )
    return frozenset(units)


def _period(
    volume: Volume,
    kept: frozenset[str],
    start: Month | None,
    end: Month | None,
    reform: _dt.date,
) -> tuple[Month, ...]:
    """The plan's months: from ``start`` (default: the first from the reform on) to ``end``."""
    all_months = [month_at(i) for i in sorted({i for code, i, _ in volume.cells if code in kept})]
    if start is not None:
        start = require_month(start, "start")
    if end is not None:
        end = require_month(end, "end")
    if start is None:
        after = [m for m in all_months if side(m, reform) == 1]
        start = after[0] if after else all_months[0]
    if end is None:
        end = all_months[-1]
    if end < start:
        raise InputTypeError(
            f"Kỳ kế hoạch (plan period): end {end} is before start {start}", argument="end"
        )
    return month_range(start, end)


# --- per unit ------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class _Context:
    """What every unit of one plan shares."""

    months: tuple[Month, ...]
    exact: Mapping[Month, ExactCapacity]
    period_capacity: Fraction
    settings: PlanSettings
    scale: int
    shapes: dict[Month, MonthShape]
    calendar: WorkCalendar
    office_hours: OfficeHours

    def shape(self, month: Month) -> MonthShape:
        """The month's arrival shape, computed at its first use."""
        found = self.shapes.get(month)
        if found is None:
            found = self.shapes[month] = month_shape(
                month, self.settings.profile, self.calendar, self.office_hours
            )
        return found


def _role_needs(
    by_role: Mapping[str, Mapping[int, int]], context: _Context
) -> tuple[RoleNeed, ...]:
    """Staff per role; ``by_role`` holds minutes × ``context.scale`` by month index."""
    needs: list[RoleNeed] = []
    per_hour = 60 * context.scale
    for role in sorted(by_role, key=role_key):
        by_month = by_role[role]
        total = Fraction(sum(by_month.values()), per_hour)
        peak_month: Month | None = None
        peak_fte = 0
        for month, capacity in context.exact.items():
            # ⌈minutes / 60 / productive⌉ with productive = p / q: ⌈minutes × q / (60 × p)⌉
            productive = capacity.productive
            month_fte = -(
                -by_month.get(month_index(month), 0)
                * productive.denominator
                // (per_hour * productive.numerator)
            )
            if month_fte > peak_fte:
                peak_month, peak_fte = month, month_fte
        ratio = total / context.period_capacity
        needs.append(
            RoleNeed(
                role=role,
                demand_hours=to_decimal(total),
                fte_exact=to_decimal(ratio),
                fte=math.ceil(ratio),
                peak_month=peak_month,
                peak_month_fte=peak_fte,
            )
        )
    return tuple(needs)


_Peak = tuple[int, float, Month, Slot, QueueResult]


def _counter_peak(people: Mapping[int, list[int]], context: _Context) -> _Peak | None:
    """The busiest slot of the busiest month: (counters, traffic, month, slot, queue).

    Visits are ``given + share × without`` and counter minutes ``(minutes_given + share ×
    minutes_without) / scale``; with ``share = n / d`` both become integer ratios, and the
    floats are the correctly rounded values of the exact ones (``int / int``).
    """
    best: _Peak | None = None
    share = Fraction(context.settings.in_person_share)
    n, d = share.numerator, share.denominator
    for month in context.months:
        sums = people.get(month_index(month))
        if sums is None:
            continue
        given, without, minutes_given, minutes_without = sums
        visits = given * d + n * without  # × d
        if not visits:
            continue
        service = (minutes_given * d + n * minutes_without) / (context.scale * visits)
        shape = context.shape(month)
        if shape.total == 0:
            raise no_weight(month)
        slot, rate = shape.busiest(visits, d)
        queue = queue_for(rate, service, context.settings.targets)
        if best is None or (queue.servers, queue.traffic) > (best[0], best[1]):
            best = (queue.servers, queue.traffic, month, slot, queue)
    return best


def _unit_plan(
    code: str,
    sums: UnitSums,
    context: _Context,
    labels: tuple[Mapping[str, str], Mapping[str, str]],
    reform: ReformChange | None,
) -> UnitPlan:
    needs = _role_needs(sums.minutes, context)
    minutes = sum(sum(by_month.values()) for by_month in sums.minutes.values())
    unit_total = Fraction(minutes, 60 * context.scale)
    best = _counter_peak(sums.people, context)
    period = len(context.months)
    return UnitPlan(
        unit_code=code,
        unit_name=labels[0].get(code, ""),
        unit_kind=labels[1].get(code, ""),
        dossiers=sums.dossiers,
        dossiers_per_month=to_decimal(Fraction(sums.dossiers, period)),
        demand_hours=to_decimal(unit_total),
        demand_hours_per_month=to_decimal(unit_total / period),
        capacity_hours=to_decimal(context.period_capacity),
        roles=needs,
        counters=best[0] if best else 0,
        counter_month=best[2] if best else None,
        counter_slot=best[3] if best else None,
        counter_queue=best[4] if best else None,
        reform=reform,
    )


def _reform_changes(
    volume: Volume, kept: frozenset[str], reform: _dt.date
) -> dict[str, ReformChange]:
    """[`reform_changes`][tthc.staffing.reform_changes] of the kept units' records, by unit code."""
    totals, before, after = reform_totals(volume, kept, reform)
    return {c.unit_code: c for c in changes_from_totals(totals, before, after, volume.names)}


# --- the plan ------------------------------------------------------------------------------------


def _checked(
    settings: PlanSettings | None, efforts: EffortTable | None
) -> tuple[PlanSettings, EffortTable]:
    if settings is None:
        settings = PlanSettings()
    elif not isinstance(settings, PlanSettings):
        raise InputTypeError(
            "Thiết lập (settings): settings must be a PlanSettings", argument="settings"
        )
    if efforts is None:
        efforts = EffortTable()
    elif not isinstance(efforts, EffortTable):
        raise InputTypeError(
            "Thời gian xử lý (staff effort): efforts must be an EffortTable", argument="efforts"
        )
    return settings, efforts


def plan_workload(
    counts: Iterable[DossierCount | Mapping[str, Any]],
    efforts: EffortTable | None = None,
    *,
    start: Month | None = None,
    end: Month | None = None,
    unit_kind: str | None = None,
    settings: PlanSettings | None = None,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
    use_field_defaults: bool = True,
    enrich_units: bool = False,
) -> WorkloadPlan:
    """Plan staff and counters per unit from dossier counts.

    Args:
        counts: Dossier counts per unit, procedure and month.
        efforts: Staff minutes per procedure and role. Procedures not listed fall back to the
            illustrative field defaults of the assumptions file (when ``use_field_defaults``).
        start: First month of the plan period. Default: the first month from the reform date on
            present in the input, or the input's first month if it has none.
        end: Last month of the plan period (default: the input's last month).
        unit_kind: Keep only units of this kind: ``"commune"`` (xã, phường, đặc khu),
            ``"province"``, or an exact kind such as ``"phường"`` (matched without case or
            accents: ``"phuong"`` works too). ``None`` keeps all.
        settings: Leave, utilisation, queue targets, arrival profile, ... (default: the
            assumptions file).
        calendar: Working calendar (default: the civil-service calendar).
        office_hours: Office windows (default 8 hours).
        use_field_defaults: Fall back to the illustrative per-field efforts.
        enrich_units: Fill missing unit names and kinds from [`tthc.units`][tthc.units] when available.

    Raises:
        InputTypeError: wrong arguments, an empty input, or ``start`` after ``end``.
        DataFileError: an invalid record.
        UnknownProcedure: a procedure with no effort.
        CalendarRangeError: the period is outside the calendar.
    """
    volume = gather(iter_records(counts))
    settings, efforts = _checked(settings, efforts)
    assumptions = load_assumptions()
    if use_field_defaults:
        efforts = efforts.merged_with(default_field_effort(assumptions))
    cal, hours = resolve(calendar, office_hours)
    labels = _unit_labels(volume, enrich_units)
    kept = _of_kind(volume, labels[1], unit_kind)
    months = _period(volume, kept, start, end, settings.reform_date)
    leave, utilisation = Fraction(settings.annual_leave_days), Fraction(settings.utilisation)
    exact_months = {m: exact_capacity(m, cal, hours, leave, utilisation) for m in months}
    period = {month_index(m) for m in months}
    sums, scale = tally(volume, kept.__contains__, period, efforts, settings.counter_role)
    context = _Context(
        months=months,
        exact=exact_months,
        period_capacity=sum((c.productive for c in exact_months.values()), Fraction(0)),
        settings=settings,
        scale=scale,
        shapes={},
        calendar=cal,
        office_hours=hours,
    )
    changes = _reform_changes(volume, kept, settings.reform_date)
    del volume  # the cells are summed: free them before the per-unit work
    plans = tuple(
        _unit_plan(code, sums[code], context, labels, changes.get(code)) for code in sorted(sums)
    )
    return WorkloadPlan(
        units=plans,
        months=months,
        capacity=tuple(exact_months[m].capacity for m in months),
        capacity_hours=to_decimal(context.period_capacity),
        settings=settings,
        flagged=tuple(sorted(changes.values(), key=rank)[: settings.flag_top]),
        assumptions_version=assumptions.data_version,
        provisional=any(exact_months[m].capacity.provisional for m in months),
    )
