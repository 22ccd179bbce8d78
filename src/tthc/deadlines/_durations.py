"""Durations (thời hạn) and the parts of a processing time (thời hạn giải quyết): value types.

Public names are re-exported from [`tthc.deadlines`][tthc.deadlines]; import them from there.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import attrs

from tthc._enums import LabelledEnum
from tthc.errors import DurationError, InputTypeError

__all__ = [
    "AgencyShare",
    "Alternative",
    "AlternativeKind",
    "CaseKind",
    "CutoffRule",
    "Duration",
    "DurationUnit",
]

#: Largest amount accepted in any unit: far beyond any real limit (the calendar spans ~20 years),
#: small enough that date arithmetic can never overflow.
_MAX_AMOUNT = Decimal(100_000)


class DurationUnit(LabelledEnum):
    """The unit of a [`Duration`][tthc.deadlines.Duration]; each has its own counting rule (see ``deadlines``).

    ``name_vi`` is the unit as written in procedures (``"ngày làm việc"``), ``name_en`` its
    English name.
    """

    WORKING_DAY = "working_day", "ngày làm việc", "working days"
    CALENDAR_DAY = "calendar_day", "ngày", "calendar days"
    MONTH = "month", "tháng", "months"
    WORKING_HOUR = "working_hour", "giờ làm việc", "working hours"
    WORKING_MINUTE = "working_minute", "phút làm việc", "working minutes"
    CLOCK_HOUR = "clock_hour", "giờ", "clock hours"
    CLOCK_MINUTE = "clock_minute", "phút", "clock minutes"
    SAME_DAY = "same_day", "trong ngày", "same day"
    IMMEDIATE = "immediate", "ngay", "immediately"

    @property
    def is_quantity(self) -> bool:
        """Whether the unit carries an amount (False for SAME_DAY and IMMEDIATE)."""
        return self not in (DurationUnit.SAME_DAY, DurationUnit.IMMEDIATE)


#: "1,000": a decimal comma in Vietnamese, a thousands separator in English — refused, like the
#: processing-time reader does.
_AMBIGUOUS_COMMA = re.compile(r"[+-]?\d+,\d{3}")

_WHOLE_ONLY = frozenset({DurationUnit.CALENDAR_DAY, DurationUnit.MONTH})


def _to_decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise InputTypeError(
            f"Thời hạn (duration): the amount must be an int, Decimal or str, got "
            f"{type(value).__name__}",
            hint="pass an int, a Decimal such as Decimal('1.5') or a str such as '1,5' (a float "
            "is refused because it cannot hold 1.1 exactly)",
            argument="amount",
            got=type(value).__name__,
        )
    if isinstance(value, str) and _AMBIGUOUS_COMMA.fullmatch(value.strip()):
        raise DurationError(
            f"Thời hạn (duration): amount {value!r} is ambiguous — a comma before three digits "
            "is a decimal in Vietnamese (1,000 = 1) and a thousands separator in English "
            "(1,000 = 1000)",
            hint="write '1' or '1000' (or Decimal('1.000'))",
            argument="amount",
            value=value,
            reason="ambiguous_number",
        )
    try:
        result = (
            Decimal(value.strip().replace(",", ".")) if isinstance(value, str) else Decimal(value)
        )
    except InvalidOperation:
        raise DurationError(
            f"Thời hạn (duration): amount {value!r} is not a number",
            argument="amount",
            value=value,
        ) from None
    if not result.is_finite():
        raise DurationError(
            f"Thời hạn (duration): amount {value!r} is not a finite number",
            argument="amount",
            value=value,
        )
    return result


def _format_amount(amount: Decimal) -> str:
    text = (
        format(amount.normalize(), "f")
        if amount != amount.to_integral_value()
        else str(int(amount))
    )
    return text.replace(".", ",")


def _check_unit(_instance: object, _attribute: object, unit: Any) -> None:
    if not isinstance(unit, DurationUnit):
        raise InputTypeError(
            f"Đơn vị thời hạn (duration unit): unit must be a DurationUnit, got {unit!r}",
            argument="unit",
        )


def _check_cutoff(instance: Duration, _attribute: object, cutoff: Any) -> None:
    if cutoff is None:
        return
    if instance.unit is not DurationUnit.SAME_DAY:
        raise DurationError(
            "Giờ chốt (cut-off time): only a same-day limit (trong ngày) has a cut-off",
            unit=instance.unit.value,
        )
    if not isinstance(cutoff, _dt.time) or cutoff.tzinfo is not None:
        raise InputTypeError(
            "Giờ chốt (cut-off time): cutoff must be a naive datetime.time in Vietnam "
            f"time, got {cutoff!r}",
            argument="cutoff",
        )


def _check_amount(instance: Duration, _attribute: object, _cutoff: Any) -> None:
    """Check the amount against the unit: none for SAME_DAY/IMMEDIATE, else in (0, max]."""
    amount, unit = instance.amount, instance.unit
    if not unit.is_quantity:
        if amount != 0:
            raise DurationError(
                f"Thời hạn (duration): '{unit.name_vi}' ({unit.name_en}) has no "
                f"amount, got {amount}",
                unit=unit.value,
                amount=amount,
            )
        return
    if amount < 0:
        raise DurationError(
            f"Thời hạn (duration): amount must not be negative, got {amount} {unit.name_vi}",
            unit=unit.value,
            amount=amount,
        )
    if amount == 0:
        raise DurationError(
            f"Thời hạn (duration): a limit of 0 {unit.name_vi} is meaningless",
            hint="use Duration.same_day() or Duration.immediate() for same-day results",
            unit=unit.value,
            amount=amount,
        )
    if amount > _MAX_AMOUNT:
        raise DurationError(
            f"Thời hạn (duration): {amount} {unit.name_vi} is larger than any "
            f"limit tthc can count (max {_MAX_AMOUNT})",
            unit=unit.value,
            amount=amount,
        )
    if unit in _WHOLE_ONLY and amount != amount.to_integral_value():
        raise DurationError(
            f"Thời hạn (duration): {_format_amount(amount)} {unit.name_vi} — "
            f"{unit.name_en} must be a whole number (Civil Code 2015 Art. 147–148 count "
            "whole days and months)",
            hint="fractions are only meaningful for working days and hours "
            "(e.g. 1,5 ngày làm việc)",
            unit=unit.value,
            amount=amount,
        )


def _whole_working_days_of(duration: Duration) -> int | None:
    amount = duration.amount
    # An amount out of bounds is refused by the validators, which run after this default: it
    # is never turned into an int (int(Decimal("1e99999")) alone takes over a second).
    if (
        duration.unit is DurationUnit.WORKING_DAY
        and 0 < amount <= _MAX_AMOUNT
        and amount == amount.to_integral_value()
    ):
        return int(amount)
    return None


#: Microseconds per unit of the hour and minute units.
_MICROS_PER_UNIT = {
    DurationUnit.WORKING_HOUR: 3_600_000_000,
    DurationUnit.CLOCK_HOUR: 3_600_000_000,
    DurationUnit.WORKING_MINUTE: 60_000_000,
    DurationUnit.CLOCK_MINUTE: 60_000_000,
}


def _counted_amount_of(duration: Duration) -> int | None:
    """The amount as the integer the engine counts, or ``None`` (see ``Duration._counted``).

    Runs before the validators (an attrs default), so it answers ``None`` for anything they
    would refuse instead of raising.
    """
    amount, unit = duration.amount, duration.unit
    if not (isinstance(unit, DurationUnit) and 0 < amount <= _MAX_AMOUNT):
        return None
    if unit in _WHOLE_ONLY:
        return int(amount) if amount == amount.to_integral_value() else None
    per = _MICROS_PER_UNIT.get(unit)
    if per is None:
        return None
    # rounded half up to the microsecond, the engine's rule for any amount of time
    return int((amount * per).to_integral_value(rounding=ROUND_HALF_UP))


@attrs.frozen(slots=True, eq=True, order=False)
class Duration:
    """A time limit with its unit, e.g. 05 ngày làm việc (5 working days).

    Build one with the constructors: [`working_days`][tthc.deadlines.Duration.working_days], [`calendar_days`][tthc.deadlines.Duration.calendar_days], [`months`][tthc.deadlines.Duration.months],
    [`working_hours`][tthc.deadlines.Duration.working_hours], [`working_minutes`][tthc.deadlines.Duration.working_minutes], [`clock_hours`][tthc.deadlines.Duration.clock_hours], [`clock_minutes`][tthc.deadlines.Duration.clock_minutes],
    [`same_day`][tthc.deadlines.Duration.same_day], [`immediate`][tthc.deadlines.Duration.immediate].

    Durations of different units never compare or add: ``Duration.working_days(5) <
    Duration.calendar_days(7)`` raises [`DurationError`][tthc.errors.DurationError] (equality simply
    answers ``False``).

    Attributes:
        amount: How many units (a ``Decimal``; ``0`` for SAME_DAY and IMMEDIATE). Working days,
            working hours/minutes and clock hours/minutes may be fractional (``1,5 ngày làm
            việc``); calendar days and months must be whole.
        unit: The [`DurationUnit`][tthc.deadlines.DurationUnit].
        cutoff: For SAME_DAY only: the time of day (Vietnam time) after which the result is due
            the next working day (``sau 15 giờ``), or ``None`` for no cut-off.
    """

    amount: Decimal = attrs.field(converter=_to_decimal)
    unit: DurationUnit = attrs.field(validator=_check_unit)
    # The amount is checked last, against the unit and the cut-off (validators run in order).
    cutoff: _dt.time | None = attrs.field(default=None, validator=[_check_cutoff, _check_amount])
    #: The amount as an ``int`` for a whole number of working days, else ``None``: read by the
    #: fast path of ``compute_deadline`` (derived, so not part of equality, repr or serialisation).
    _whole_working_days: int | None = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(_whole_working_days_of, takes_self=True),
    )
    #: The amount as the integer the engine counts: whole days or months for calendar days and
    #: months, microseconds for working and clock hours and minutes (rounded half up, as
    #: ``compute_deadline`` counts them); ``None`` for the other units (derived, like the field
    #: above: read by the fast path of ``compute_deadline``).
    _counted: int | None = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(_counted_amount_of, takes_self=True),
    )

    # --- constructors ---------------------------------------------------------------------------

    @classmethod
    def working_days(cls, amount: int | Decimal | str) -> Duration:
        """``amount`` ngày làm việc (working days); fractions such as ``Decimal("1.5")`` allowed."""
        return cls(amount, DurationUnit.WORKING_DAY)

    @classmethod
    def calendar_days(cls, amount: int | Decimal | str) -> Duration:
        """``amount`` ngày (calendar days, a whole number)."""
        return cls(amount, DurationUnit.CALENDAR_DAY)

    @classmethod
    def months(cls, amount: int | Decimal | str) -> Duration:
        """``amount`` tháng (calendar months, a whole number)."""
        return cls(amount, DurationUnit.MONTH)

    @classmethod
    def working_hours(cls, amount: int | Decimal | str) -> Duration:
        """``amount`` giờ làm việc (hours counted inside office windows)."""
        return cls(amount, DurationUnit.WORKING_HOUR)

    @classmethod
    def working_minutes(cls, amount: int | Decimal | str) -> Duration:
        """``amount`` phút làm việc (minutes counted inside office windows)."""
        return cls(amount, DurationUnit.WORKING_MINUTE)

    @classmethod
    def clock_hours(cls, amount: int | Decimal | str) -> Duration:
        """``amount`` giờ (elapsed wall-clock hours, e.g. the 24 giờ of Luật Hộ tịch 2026)."""
        return cls(amount, DurationUnit.CLOCK_HOUR)

    @classmethod
    def clock_minutes(cls, amount: int | Decimal | str) -> Duration:
        """``amount`` phút (elapsed wall-clock minutes, e.g. "tối đa 60 phút")."""
        return cls(amount, DurationUnit.CLOCK_MINUTE)

    @classmethod
    def same_day(cls, cutoff: _dt.time | None = _dt.time(15, 0)) -> Duration:
        """Trong ngày: due the day of acceptance, or the next working day after ``cutoff``.

        Args:
            cutoff: Vietnam time after which (strictly) the result is due the next working day;
                15:00 by default (Luật Hộ tịch 2014 Art. 5.3, Decree 23/2015 Art. 7); ``None``
                for no cut-off.
        """
        return cls(0, DurationUnit.SAME_DAY, cutoff)

    @classmethod
    def immediate(cls) -> Duration:
        """Ngay (immediately): the result is due at the moment of acceptance."""
        return cls(0, DurationUnit.IMMEDIATE)

    # --- behaviour ------------------------------------------------------------------------------

    @property
    def is_whole(self) -> bool:
        """Whether the amount is a whole number."""
        return self.amount == self.amount.to_integral_value()

    def _check_same_unit(self, other: object, op: str) -> Duration:
        if not isinstance(other, Duration):
            raise InputTypeError(
                f"Thời hạn (duration): cannot {op} a Duration and an object of type "
                f"{type(other).__name__}",
                argument="other",
            )
        if other.unit is not self.unit:
            raise DurationError(
                f"Thời hạn (duration): cannot {op} {self} and {other} — different units "
                f"({self.unit.name_en} vs {other.unit.name_en}) do not mix",
                hint="convert explicitly; a working day is not a calendar day",
                units=(self.unit.value, other.unit.value),
            )
        return other

    def __add__(self, other: object) -> Duration:
        other = self._check_same_unit(other, "add")
        if not self.unit.is_quantity:
            raise DurationError(
                f"Thời hạn (duration): '{self.unit.name_vi}' ({self.unit.name_en}) limits "
                "cannot be added",
                unit=self.unit.value,
            )
        return Duration(self.amount + other.amount, self.unit)

    def __lt__(self, other: object) -> bool:
        return self.amount < self._check_same_unit(other, "compare").amount

    def __le__(self, other: object) -> bool:
        return self.amount <= self._check_same_unit(other, "compare").amount

    def __gt__(self, other: object) -> bool:
        return self.amount > self._check_same_unit(other, "compare").amount

    def __ge__(self, other: object) -> bool:
        return self.amount >= self._check_same_unit(other, "compare").amount

    def __str__(self) -> str:
        if self.unit is DurationUnit.SAME_DAY:
            if self.cutoff is None:
                return "trong ngày"
            return (
                f"trong ngày (nhận sau {self.cutoff.strftime('%H:%M')} thì ngày làm việc tiếp theo)"
            )
        if self.unit is DurationUnit.IMMEDIATE:
            return "ngay"
        return f"{_format_amount(self.amount)} {self.unit.name_vi}"

    def describe_en(self) -> str:
        """English rendering, e.g. ``"5 working days"``."""
        if self.unit is DurationUnit.SAME_DAY:
            if self.cutoff is None:
                return "same day"
            return f"same day (next working day if accepted after {self.cutoff.strftime('%H:%M')})"
        if self.unit is DurationUnit.IMMEDIATE:
            return "immediately"
        name = self.unit.name_en[:-1] if self.amount == 1 else self.unit.name_en
        return f"{format(self.amount.normalize(), 'f')} {name}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly form: ``{"amount": "5", "unit": "working_day", "cutoff": None}``."""
        return {
            "amount": format(self.amount.normalize(), "f"),
            "unit": self.unit.value,
            "cutoff": self.cutoff.strftime("%H:%M:%S") if self.cutoff else None,
        }


class AlternativeKind(LabelledEnum):
    """Why a conditional (longer) limit applies instead of the base one."""

    VERIFICATION = "verification", "cần xác minh, thẩm tra", "verification needed"
    COMPLEXITY = "complexity", "vụ việc phức tạp", "complex case"
    REMOTE_AREA = "remote_area", "vùng sâu, vùng xa, đi lại khó khăn", "remote area"
    EXTENSION = "extension", "kéo dài thêm", "extension"
    CONSULTATION = "consultation", "tham vấn, lấy ý kiến", "consultation"
    APPRAISAL = "appraisal", "thẩm định", "appraisal"
    REISSUE = "reissue", "cấp lại", "reissue"


class CaseKind(str, enum.Enum):
    """What a split of a processing time is keyed on."""

    CASE = "case"
    CHANNEL = "channel"
    STEP = "step"


class CutoffRule(str, enum.Enum):
    """What a daily cut-off (``sau 15 giờ``) does."""

    #: The result is due the next working day (Luật Hộ tịch 2014 Art. 5.3; Decree 23/2015 Art. 7).
    RESULT_NEXT_WORKING_DAY = "result_next_working_day"
    #: Counting starts from the next working day ("thời gian được tính bắt đầu từ ngày làm việc
    #: tiếp theo", e.g. procedure 3.000722).
    START_NEXT_WORKING_DAY = "start_next_working_day"


@attrs.frozen(slots=True)
class Alternative:
    """A conditional limit: "trường hợp cần xác minh thì không quá 05 ngày làm việc".

    Attributes:
        duration: The limit as written.
        kind: Why it applies ([`AlternativeKind`][tthc.deadlines.AlternativeKind]).
        condition: The condition as written (Vietnamese), e.g. ``"cần xác minh"``.
        additional: True when the text says the limit is *added* to the base one ("kéo dài
            thêm không quá 02 ngày làm việc"); False when it replaces it (counted from the same
            start).
        source: The fragment of the source text it was read from.
    """

    duration: Duration
    kind: AlternativeKind
    condition: str = ""
    additional: bool = False
    source: str = ""

    def total(self, base: Duration | None) -> Duration:
        """Return the whole limit when this alternative applies.

        Raises:
            DurationError: ``additional`` and there is no base, or the units differ.
        """
        if not self.additional:
            return self.duration
        if base is None:
            raise DurationError(
                "Thời hạn kéo dài (extension): an additional limit needs a base limit to add to",
                condition=self.condition,
            )
        return base + self.duration


@attrs.frozen(slots=True)
class AgencyShare:
    """One agency's (or stage's) share of a limit, e.g. "Sở Nội vụ: 03 ngày"."""

    agency: str
    duration: Duration
