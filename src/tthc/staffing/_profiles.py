"""Arrival profiles: when visitors come, and the counters each reception slot needs.

A month's in-person dossiers are spread over its working days (make-up Saturdays included) and
one-hour office slots by an [`ArrivalProfile`][tthc.staffing.ArrivalProfile]; the busiest slot sets the counters.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from tthc._time import hours_of
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.calendar._defaults import resolve
from tthc.errors import DataFileError, InputTypeError
from tthc.staffing._assumptions import ASSUMPTIONS_FILE, decimal_from_data, load_assumptions
from tthc.staffing._erlang import QueueResult, QueueTargets, counters_needed
from tthc.staffing._months import Month, require_month
from tthc.staffing._numbers import Number, as_float, exact

__all__: list[str] = []  # private module: the public names are exported by tthc.staffing

Slot = tuple[int, _dt.time]
"""A reception slot: (weekday 0 = Monday … 6 = Sunday, start time)."""


def _is_slot(key: object) -> bool:
    return (
        isinstance(key, tuple)
        and len(key) == 2
        and type(key[0]) is int
        and 0 <= key[0] <= 6
        and isinstance(key[1], _dt.time)
    )


def _default_weights(key: str, size: int) -> tuple[float, ...]:
    raw = load_assumptions()[key].value
    if not isinstance(raw, tuple) or len(raw) != size:
        raise DataFileError(
            f"Giả định (assumption) {key} in {ASSUMPTIONS_FILE} must be a list of {size} numbers",
            file=ASSUMPTIONS_FILE,
            field=key,
        )
    return tuple(float(decimal_from_data(value, key)) for value in raw)


def _weights(size: int) -> Any:
    """Validator of a tuple of ``size`` non-negative weights."""

    def check(_instance: object, attribute: Any, value: object) -> None:
        if not isinstance(value, tuple) or len(value) != size:
            raise InputTypeError(
                f"Phân bố lượt đến (arrival profile): {attribute.name} must be a tuple of {size} "
                "numbers",
                argument=attribute.name,
            )
        for weight in value:
            as_float(weight, attribute.name)

    return check


@attrs.frozen(slots=True)
class ArrivalProfile:
    """Relative arrival intensity by weekday and clock hour.

    The rate in a slot is proportional to ``weekday_weights[weekday] × hour_weights[hour]``.
    Weekend weights apply only to weekend days that are working days (make-up Saturdays).

    Attributes:
        weekday_weights: 7 non-negative weights, Monday first.
        hour_weights: 24 non-negative weights, hour 0 first.
    """

    weekday_weights: tuple[float, ...] = attrs.field(
        factory=lambda: _default_weights("arrival_weekday_weights", 7), validator=_weights(7)
    )
    hour_weights: tuple[float, ...] = attrs.field(
        factory=lambda: _default_weights("arrival_hour_weights", 24), validator=_weights(24)
    )

    @classmethod
    def from_counts(cls, counts: Mapping[Slot, Number]) -> ArrivalProfile:
        """Build a profile from observed arrivals per (weekday, start time) slot.

        The weekday weights are each weekday's share and the hour weights each hour's share, so
        the rate in a slot is proportional to the product (an independence assumption).

        Raises:
            InputTypeError: bad keys or counts, or no arrivals at all.
        """
        if not isinstance(counts, Mapping) or not counts:
            raise InputTypeError(
                "Phân bố lượt đến (arrival profile): pass a non-empty mapping "
                "(weekday, time) → arrivals",
                argument="counts",
            )
        weekdays = [Fraction(0)] * 7
        hours = [Fraction(0)] * 24
        for key, value in counts.items():
            if not _is_slot(key):
                raise InputTypeError(
                    "Phân bố lượt đến (arrival profile): keys must be (weekday 0–6, "
                    f"datetime.time), got {key!r}",
                    argument="counts",
                )
            amount = exact(value, "counts")
            weekdays[key[0]] += amount
            hours[key[1].hour] += amount
        total = sum(weekdays)
        if total == 0:
            raise InputTypeError(
                "Phân bố lượt đến (arrival profile): all counts are zero", argument="counts"
            )
        return cls(
            weekday_weights=tuple(float(w * 7 / total) for w in weekdays),
            hour_weights=tuple(float(h * 24 / total) for h in hours),
        )


def _slots(office_hours: OfficeHours) -> tuple[tuple[_dt.time, Fraction], ...]:
    """One-hour slots inside the office windows: (start, length in hours)."""
    result: list[tuple[_dt.time, Fraction]] = []
    for start, end in office_hours.windows:
        cursor = _dt.datetime.combine(_dt.date.min, start)
        stop = _dt.datetime.combine(_dt.date.min, end)
        while cursor < stop:
            slot_end = min(cursor + _dt.timedelta(hours=1), stop)
            result.append((cursor.time(), hours_of(slot_end - cursor)))
            cursor = slot_end
    return tuple(result)


@attrs.frozen(slots=True)
class MonthShape:
    """How [`arrival_rates`][tthc.staffing.arrival_rates] spreads one month's dossiers: each slot's share of them per hour.

    The rate of a slot is ``dossiers × share`` exactly, so the month's calendar is walked once
    however many units are planned.

    Attributes:
        month: The month.
        shares: ``(slot, share)`` in the order of [`arrival_rates`][tthc.staffing.arrival_rates]' result: weekdays that
            have a working day in the month, then the slots of the office hours.
        total: Weight of the month's working time; 0 when the profile gives it none (then every
            share is 0).
        ranked: The shares from the largest, each with its slots as ``(weekday, position,
            slot)`` (the ties `busiest` needs).
    """

    month: Month
    shares: tuple[tuple[Slot, Fraction], ...]
    total: Fraction
    ranked: tuple[tuple[Fraction, tuple[tuple[int, int, Slot], ...]], ...]

    def busiest(self, numerator: int, denominator: int) -> tuple[Slot, float]:
        """The busiest slot for ``numerator / denominator`` dossiers, and its rate per hour.

        Only for a month with working time (``total > 0``).

        The same as ``max(arrival_rates(...).items(), key=lambda i: (i[1], -i[0][0]))``: the
        largest rate as a float (two shares may round to the same float), then the earliest
        weekday, then the first slot of the day. Only the shares whose rate ties the largest
        are multiplied out, in integers (``int / int`` is rounded correctly, like
        ``float(Fraction)``).
        """
        best: tuple[int, int, Slot] | None = None
        best_rate = 0.0
        for share, slots in self.ranked:
            rate = numerator * share.numerator / (denominator * share.denominator)
            if best is not None and rate != best_rate:
                break
            if best is None or slots[0] < best:
                best, best_rate = slots[0], rate
        assert best is not None, "a month with working time has a slot"  # total > 0
        return best[2], best_rate


def month_shape(
    month: Month, profile: ArrivalProfile, calendar: WorkCalendar, office_hours: OfficeHours
) -> MonthShape:
    """Return the `MonthShape` of ``month`` (arguments already checked)."""
    slots = _slots(office_hours)
    day_weights = [exact(w, "weekday_weights") for w in profile.weekday_weights]
    hour_weights = [exact(w, "hour_weights") for w in profile.hour_weights]
    per_day = sum((hour_weights[start.hour] * length for start, length in slots), Fraction(0))
    total = Fraction(0)
    weekdays: set[int] = set()
    for info in calendar.iter_days(month.first_day, month.last_day):
        if info.is_working_day:
            weekday = info.date.weekday()
            weekdays.add(weekday)
            total += day_weights[weekday] * per_day
    shares = tuple(
        (
            (weekday, start),
            day_weights[weekday] * hour_weights[start.hour] / total if total else Fraction(0),
        )
        for weekday in sorted(weekdays)
        for start, _ in slots
    )
    groups: dict[Fraction, list[tuple[int, int, Slot]]] = {}
    for position, (slot, share) in enumerate(shares):
        groups.setdefault(share, []).append((slot[0], position, slot))
    ranked = tuple((share, tuple(sorted(groups[share]))) for share in sorted(groups, reverse=True))
    return MonthShape(month=month, shares=shares, total=total, ranked=ranked)


def no_weight(month: Month) -> InputTypeError:
    """The error of a profile that gives no weight to a month's working time."""
    return InputTypeError(
        "Phân bố lượt đến (arrival profile) gives no weight to the working days and office "
        f"hours of {month}",
        argument="profile",
    )


def arrival_rates(
    dossiers: Number,
    month: Month,
    *,
    profile: ArrivalProfile | None = None,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
) -> dict[Slot, float]:
    """Spread a month's in-person dossiers over its working days and office hours.

    Returns arrivals per hour for each (weekday, slot start) that occurs in the month: the
    expected arrivals in the slot on one such day divided by the slot's length. A month's
    working days come from the calendar (holidays removed, make-up Saturdays added).

    Example:
        >>> import datetime
        >>> flat = ArrivalProfile(weekday_weights=(1,) * 7, hour_weights=(1,) * 24)
        >>> rates = arrival_rates(1680, Month(2026, 1), profile=flat)
        >>> rates[(0, datetime.time(8, 30))]  # 1680 / (21 days × 8 h)
        10.0

    Raises:
        InputTypeError: wrong argument types, or a profile with no weight inside office hours.
        CalendarRangeError: the month is outside the calendar.
    """
    amount = exact(dossiers, "dossiers")
    month = require_month(month)
    if profile is None:
        profile = ArrivalProfile()
    elif not isinstance(profile, ArrivalProfile):
        raise InputTypeError(
            "Phân bố lượt đến (arrival profile): profile must be an ArrivalProfile",
            argument="profile",
        )
    cal, hours = resolve(calendar, office_hours)
    shape = month_shape(month, profile, cal, hours)
    if shape.total == 0 and amount != 0:
        raise no_weight(month)
    return {slot: float(amount * share) for slot, share in shape.shares}


@attrs.frozen(slots=True)
class CounterPlan:
    """Counters needed over a set of reception slots.

    Attributes:
        slots: The queue in every slot, with the counters that slot needs.
        peak_slot: The slot that needs the most counters (the busiest).
        peak: The queue in the peak slot.
    """

    slots: tuple[tuple[Slot, QueueResult], ...]
    peak_slot: Slot | None
    peak: QueueResult | None

    @property
    def counters(self) -> int:
        """Counters to open: what the busiest slot needs."""
        return self.peak.servers if self.peak is not None else 0


def plan_counters(
    arrivals: Mapping[Slot, Number],
    mean_service_minutes: Number,
    targets: QueueTargets | None = None,
) -> CounterPlan:
    """Return the counters each slot needs, and the busiest slot.

    Args:
        arrivals: Arrivals per hour by (weekday, start time), e.g. from [`arrival_rates`][tthc.staffing.arrival_rates] or
            from the centre's queue-ticket records.
        mean_service_minutes: Mean time at the counter per visitor.
        targets: Queue targets (default: the assumptions file).

    Raises:
        InputTypeError: bad slots, rates or service time.
    """
    if not isinstance(arrivals, Mapping):
        raise InputTypeError(
            "Lượt đến (arrivals): pass a mapping (weekday, time) → arrivals per hour",
            argument="arrivals",
        )
    results: list[tuple[Slot, QueueResult]] = []
    for slot, rate in sorted(arrivals.items()):
        if not _is_slot(slot):
            raise InputTypeError(
                f"Lượt đến (arrivals): keys must be (weekday 0–6, datetime.time), got {slot!r}",
                argument="arrivals",
            )
        queue = counters_needed(
            as_float(rate, "arrivals"),
            as_float(mean_service_minutes, "mean_service_minutes"),
            targets,
        )
        results.append((slot, queue))
    if not results:
        return CounterPlan(slots=(), peak_slot=None, peak=None)
    peak_slot, peak = max(results, key=lambda item: (item[1].servers, item[1].traffic))
    return CounterPlan(slots=tuple(results), peak_slot=peak_slot, peak=peak)
