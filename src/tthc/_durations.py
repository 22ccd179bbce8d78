"""Durations (thời hạn) and parsed processing times (thời hạn giải quyết): the value types.

Public names are re-exported from :mod:`tthc.deadlines`; import them from there.
"""

from __future__ import annotations

import datetime as _dt
import enum
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from tthc.errors import DurationError, InputTypeError

__all__ = [
    "AgencyShare",
    "Alternative",
    "AlternativeKind",
    "CaseKind",
    "CutoffRule",
    "Duration",
    "DurationUnit",
    "ProcessingCase",
    "ProcessingTime",
]

#: Largest amount accepted in any unit: far beyond any real limit (the calendar spans ~20 years),
#: small enough that date arithmetic can never overflow.
_MAX_AMOUNT = Decimal(100_000)


class DurationUnit(str, enum.Enum):
    """The unit of a :class:`Duration`; each has its own counting rule (see ``deadlines``)."""

    WORKING_DAY = "working_day"
    CALENDAR_DAY = "calendar_day"
    MONTH = "month"
    WORKING_HOUR = "working_hour"
    WORKING_MINUTE = "working_minute"
    CLOCK_HOUR = "clock_hour"
    CLOCK_MINUTE = "clock_minute"
    SAME_DAY = "same_day"
    IMMEDIATE = "immediate"

    @property
    def name_vi(self) -> str:
        """Vietnamese name of the unit as written in procedures (``"ngày làm việc"``)."""
        return _UNIT_NAMES[self][0]

    @property
    def name_en(self) -> str:
        """English name of the unit."""
        return _UNIT_NAMES[self][1]

    @property
    def is_quantity(self) -> bool:
        """Whether the unit carries an amount (False for SAME_DAY and IMMEDIATE)."""
        return self not in (DurationUnit.SAME_DAY, DurationUnit.IMMEDIATE)


_UNIT_NAMES = {
    DurationUnit.WORKING_DAY: ("ngày làm việc", "working days"),
    DurationUnit.CALENDAR_DAY: ("ngày", "calendar days"),
    DurationUnit.MONTH: ("tháng", "months"),
    DurationUnit.WORKING_HOUR: ("giờ làm việc", "working hours"),
    DurationUnit.WORKING_MINUTE: ("phút làm việc", "working minutes"),
    DurationUnit.CLOCK_HOUR: ("giờ", "clock hours"),
    DurationUnit.CLOCK_MINUTE: ("phút", "clock minutes"),
    DurationUnit.SAME_DAY: ("trong ngày", "same day"),
    DurationUnit.IMMEDIATE: ("ngay", "immediately"),
}
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


@attrs.frozen(slots=True, eq=True, order=False)
class Duration:
    """A time limit with its unit, e.g. 05 ngày làm việc (5 working days).

    Build one with the constructors: :meth:`working_days`, :meth:`calendar_days`, :meth:`months`,
    :meth:`working_hours`, :meth:`working_minutes`, :meth:`clock_hours`, :meth:`clock_minutes`,
    :meth:`same_day`, :meth:`immediate`.

    Durations of different units never compare or add: ``Duration.working_days(5) <
    Duration.calendar_days(7)`` raises :class:`~tthc.errors.DurationError` (equality simply
    answers ``False``).

    Attributes:
        amount: How many units (a ``Decimal``; ``0`` for SAME_DAY and IMMEDIATE). Working days,
            working hours/minutes and clock hours/minutes may be fractional (``1,5 ngày làm
            việc``); calendar days and months must be whole.
        unit: The :class:`DurationUnit`.
        cutoff: For SAME_DAY only: the time of day (Vietnam time) after which the result is due
            the next working day (``sau 15 giờ``), or ``None`` for no cut-off.
    """

    amount: Decimal = attrs.field(converter=_to_decimal)
    unit: DurationUnit
    cutoff: _dt.time | None = None
    #: The amount as an ``int`` for a whole number of working days, else ``None``: read by the
    #: fast path of ``compute_deadline`` (derived, so not part of equality, repr or serialisation).
    _whole_working_days: int | None = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_whole_working_days", None)
        if not isinstance(self.unit, DurationUnit):
            raise InputTypeError(
                f"Đơn vị thời hạn (duration unit): unit must be a DurationUnit, got {self.unit!r}",
                argument="unit",
            )
        if self.cutoff is not None:
            if self.unit is not DurationUnit.SAME_DAY:
                raise DurationError(
                    "Giờ chốt (cut-off time): only a same-day limit (trong ngày) has a cut-off",
                    unit=self.unit.value,
                )
            if not isinstance(self.cutoff, _dt.time) or self.cutoff.tzinfo is not None:
                raise InputTypeError(
                    "Giờ chốt (cut-off time): cutoff must be a naive datetime.time in Vietnam "
                    f"time, got {self.cutoff!r}",
                    argument="cutoff",
                )
        if not self.unit.is_quantity:
            if self.amount != 0:
                raise DurationError(
                    f"Thời hạn (duration): '{self.unit.name_vi}' ({self.unit.name_en}) has no "
                    f"amount, got {self.amount}",
                    unit=self.unit.value,
                    amount=self.amount,
                )
            return
        if self.amount < 0:
            raise DurationError(
                f"Thời hạn (duration): amount must not be negative, got {self.amount} "
                f"{self.unit.name_vi}",
                unit=self.unit.value,
                amount=self.amount,
            )
        if self.amount == 0:
            raise DurationError(
                f"Thời hạn (duration): a limit of 0 {self.unit.name_vi} is meaningless",
                hint="use Duration.same_day() or Duration.immediate() for same-day results",
                unit=self.unit.value,
                amount=self.amount,
            )
        if self.amount > _MAX_AMOUNT:
            raise DurationError(
                f"Thời hạn (duration): {self.amount} {self.unit.name_vi} is larger than any "
                f"limit tthc can count (max {_MAX_AMOUNT})",
                unit=self.unit.value,
                amount=self.amount,
            )
        if self.unit is DurationUnit.WORKING_DAY and self.is_whole:
            object.__setattr__(self, "_whole_working_days", int(self.amount))
        if self.unit in _WHOLE_ONLY and self.amount != self.amount.to_integral_value():
            raise DurationError(
                f"Thời hạn (duration): {_format_amount(self.amount)} {self.unit.name_vi} — "
                f"{self.unit.name_en} must be a whole number (Civil Code 2015 Art. 147–148 count "
                "whole days and months)",
                hint="fractions are only meaningful for working days and hours "
                "(e.g. 1,5 ngày làm việc)",
                unit=self.unit.value,
                amount=self.amount,
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


class AlternativeKind(str, enum.Enum):
    """Why a conditional (longer) limit applies instead of the base one."""

    VERIFICATION = "verification"
    COMPLEXITY = "complexity"
    REMOTE_AREA = "remote_area"
    EXTENSION = "extension"

    @property
    def name_vi(self) -> str:
        """Vietnamese name."""
        return {
            AlternativeKind.VERIFICATION: "cần xác minh, thẩm tra",
            AlternativeKind.COMPLEXITY: "vụ việc phức tạp",
            AlternativeKind.REMOTE_AREA: "vùng sâu, vùng xa, đi lại khó khăn",
            AlternativeKind.EXTENSION: "kéo dài thêm",
        }[self]


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
        kind: Why it applies (:class:`AlternativeKind`).
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


@attrs.frozen(slots=True)
class ProcessingCase:
    """A processing time that applies to one case, channel or step only."""

    label: str
    kind: CaseKind
    time: ProcessingTime


@attrs.frozen(slots=True)
class ProcessingTime:
    """A processing-time text (thời hạn giải quyết) read into structure.

    Attributes:
        source: The text as given.
        base: The limit that applies without conditions, or ``None`` when the text has none (only
            cases, only a conditional limit, no limit, a reference elsewhere).
        bound: The bound word in front of the base limit, lower case (``"không quá"``,
            ``"tối đa"``, ``"chậm nhất"``, ``"trong vòng"``, ``"trong thời hạn"``), if any.
        minimum: Lower end of a range ("Từ 10 - 15 ngày"); ``base`` is then the upper end.
        alternatives: Conditional limits (verification, complexity, remote area, extension).
        cases: Limits that apply to one case, channel or step only.
        agencies: Shares of the limit per agency or stage.
        extension_by_agreement: The text allows a longer time agreed in writing with the
            applicant ("theo thỏa thuận").
        cutoff: Daily cut-off time read from the text (``sau 15 giờ``), if any.
        cutoff_rule: What the cut-off does (:class:`CutoffRule`).
        start_anchor: When counting starts, as written ("kể từ ngày nhận đủ hồ sơ hợp lệ").
        no_limit: The text says there is no limit ("Không quy định").
        refers_to: The text refers elsewhere for the limit ("theo Quy chế làm việc của Chính
            phủ").
        per_unit: The limit is per item ("07 ngày làm việc/tờ") — what the item is.
        exclusions: Periods the text says are not counted ("không tính thời gian chuyển hồ sơ").
        clock_conditions: Sentences that condition the start of the clock ("được tính từ ngày
            nhận đủ hồ sơ hợp lệ và ... hoàn thành nộp lệ phí").
        ignored: Fragments that look like durations but are not the processing time
            (applicant-side limits, reception hours), kept for transparency.
    """

    source: str
    base: Duration | None = None
    bound: str | None = None
    minimum: Duration | None = None
    alternatives: tuple[Alternative, ...] = ()
    cases: tuple[ProcessingCase, ...] = ()
    agencies: tuple[AgencyShare, ...] = ()
    extension_by_agreement: bool = False
    cutoff: _dt.time | None = None
    cutoff_rule: CutoffRule | None = None
    start_anchor: str | None = None
    no_limit: bool = False
    refers_to: str | None = None
    per_unit: str | None = None
    exclusions: tuple[str, ...] = ()
    clock_conditions: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()

    def alternative(self, kind: AlternativeKind = AlternativeKind.VERIFICATION) -> Alternative:
        """Return the first alternative of ``kind``.

        Raises:
            DurationError: the text has no alternative of that kind.
        """
        for alt in self.alternatives:
            if alt.kind is kind:
                return alt
        raise DurationError(
            f"Thời hạn theo điều kiện (conditional limit): the text has no {kind.value} "
            "alternative",
            kind=kind.value,
            available=[a.kind.value for a in self.alternatives],
        )

    def case(self, label_contains: str) -> ProcessingCase:
        """Return the only case whose label contains ``label_contains`` (case-insensitive).

        Raises:
            DurationError: no case, or several cases, match.
        """
        needle = label_contains.lower()
        found = [c for c in self.cases if needle in c.label.lower()]
        if len(found) != 1:
            raise DurationError(
                f"Trường hợp (case): {len(found)} cases match {label_contains!r}; exactly one is "
                "needed",
                argument="label_contains",
                labels=[c.label for c in self.cases],
            )
        return found[0]

    def require_base(self) -> Duration:
        """Return :attr:`base`, or raise a :class:`~tthc.errors.DurationError` saying why not."""
        if self.base is not None:
            if self.per_unit:
                raise DurationError(
                    f"Thời hạn giải quyết (processing time) {self.base} is per "
                    f"{self.per_unit!r}; multiply it by the number of items first",
                    hint="e.g. Duration.working_days(7 * sheets)",
                    source=self.source,
                )
            return self.base
        if self.no_limit:
            reason = "the text says there is no limit (không quy định)"
        elif self.refers_to:
            reason = f"the limit is set elsewhere ({self.refers_to})"
        elif self.cases:
            reason = "the limit differs by case: " + "; ".join(
                f"{c.label}: {c.time.base if c.time.base else '…'}" for c in self.cases
            )
        else:
            reason = "the text gives only conditional limits"
        raise DurationError(
            f"Thời hạn giải quyết (processing time) has no single base limit: {reason}",
            hint="pick a case (ProcessingTime.case(...)) or an alternative and pass its Duration",
            source=self.source[:200],
        )
