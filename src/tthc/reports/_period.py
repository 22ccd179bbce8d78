"""Reporting periods (kỳ báo cáo) of Thông tư 09/2026/TT-BTP, with their exact date ranges."""

from __future__ import annotations

import datetime as _dt

import attrs

from tthc._enums import LabelledEnum
from tthc._time import format_date
from tthc._validate import instance_of
from tthc.errors import InputTypeError
from tthc.legal import LegalRef
from tthc.reports._rules import rules

_MIN_YEAR, _MAX_YEAR = 2000, 9998  # a period of year Y may start in December of Y - 1


class PeriodKind(LabelledEnum):
    """The kinds of reporting period (kỳ báo cáo) of Điều 9."""

    MONTH = "month", "Tháng", "Month"
    QUARTER = "quarter", "Quý", "Quarter"
    HALF_YEAR = "half_year", "06 tháng", "Half-year"
    YEAR = "year", "Năm", "Year"


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_COUNT = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF_YEAR: 2, PeriodKind.YEAR: 1}
_MONTHS = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.HALF_YEAR: 6, PeriodKind.YEAR: 12}


def _check_int(value: object, name: str, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputTypeError(
            f"Kỳ báo cáo (reporting period): {name} must be an integer, got {type(value).__name__}",
            argument=name,
        )
    if not low <= value <= high:
        raise InputTypeError(
            f"Kỳ báo cáo (reporting period): {name} must be from {low} to {high}, got {value}",
            argument=name,
        )


def _valid_number(instance: ReportPeriod, attribute: attrs.Attribute[int], value: int) -> None:
    _check_int(value, attribute.name, 1, _COUNT[instance.kind])


def _valid_year(instance: ReportPeriod, attribute: attrs.Attribute[int], value: int) -> None:
    _check_int(value, attribute.name, _MIN_YEAR, _MAX_YEAR)


@attrs.frozen(slots=True)
class ReportPeriod:
    """A reporting period (kỳ báo cáo) and the exact dates its figures cover.

    Figures are "closed" (chốt số liệu) on the 14th: a month runs from the 15th of the previous
    month to the 14th, a quarter from the 15th of the month before it to the 14th of its last
    month, the first half-year from 15/12 of the previous year to 14/6, the year from 15/12 of
    the previous year to 14/12 (Điều 10 of Thông tư 09/2026/TT-BTP, which applies Điều 12 of
    Nghị định 09/2019/NĐ-CP). Build one with [`month`][tthc.reports.ReportPeriod.month], [`quarter`][tthc.reports.ReportPeriod.quarter], [`half_year`][tthc.reports.ReportPeriod.half_year]
    or [`year`][tthc.reports.ReportPeriod.year].

    Attributes:
        kind: Month, quarter, half-year or year.
        year: The reporting year (the period of January 2027 starts on 15/12/2026).
        number: The month (1–12), quarter (1–4) or half (1–2); 1 for a year.
    """

    kind: PeriodKind = attrs.field(
        validator=instance_of(PeriodKind, "Kỳ báo cáo (reporting period)")
    )
    year: int = attrs.field(validator=_valid_year)
    number: int = attrs.field(default=1, validator=_valid_number)

    @classmethod
    def month(cls, year: int, month: int) -> ReportPeriod:
        """The monthly period ``month`` of ``year`` (15th of the previous month to the 14th)."""
        return cls(PeriodKind.MONTH, year, month)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> ReportPeriod:
        """The quarter ``quarter`` (1–4) of ``year``."""
        return cls(PeriodKind.QUARTER, year, quarter)

    @classmethod
    def half_year(cls, year: int, half: int = 1) -> ReportPeriod:
        """The first six months of ``year`` (``half=2``: the last six months)."""
        return cls(PeriodKind.HALF_YEAR, year, half)

    @classmethod
    def year_of(cls, year: int) -> ReportPeriod:
        """The whole ``year`` (15/12 of the previous year to 14/12)."""
        return cls(PeriodKind.YEAR, year, 1)

    @property
    def start(self) -> _dt.date:
        """The first day whose figures belong to the period (inclusive)."""
        last_month = self.number * _MONTHS[self.kind]
        first_month = last_month - _MONTHS[self.kind] + 1
        year, month = (self.year - 1, 12) if first_month == 1 else (self.year, first_month - 1)
        return _dt.date(year, month, rules().cutoff_day + 1)

    @property
    def end(self) -> _dt.date:
        """The last day whose figures belong to the period (inclusive)."""
        return _dt.date(self.year, self.number * _MONTHS[self.kind], rules().cutoff_day)

    def contains(self, day: _dt.date) -> bool:
        """Return whether ``day`` falls in the period."""
        return self.start <= day <= self.end

    def previous(self) -> ReportPeriod:
        """The period of the same kind just before this one (its end is the day before start)."""
        if self.number > 1:
            return ReportPeriod(self.kind, self.year, self.number - 1)
        return ReportPeriod(self.kind, self.year - 1, _COUNT[self.kind])

    def next(self) -> ReportPeriod:
        """The period of the same kind just after this one."""
        if self.number < _COUNT[self.kind]:
            return ReportPeriod(self.kind, self.year, self.number + 1)
        return ReportPeriod(self.kind, self.year + 1, 1)

    @property
    def is_filed(self) -> bool:
        """Whether the circular asks for a report of this period (Điều 9).

        Months 3, 6, 9 and 12 are covered by the quarterly, half-yearly and yearly reports;
        quarters II and IV by the half-yearly and yearly ones; the second half-year by the year.
        """
        data = rules()
        if self.kind is PeriodKind.MONTH:
            return self.number in data.months
        if self.kind is PeriodKind.QUARTER:
            return self.number in data.quarters
        if self.kind is PeriodKind.HALF_YEAR:
            return self.number in data.half_years
        return data.yearly

    @property
    def label(self) -> str:
        """The period as printed on the form: ``"Tháng 4 năm 2026"``, ``"Quý I năm 2026"``."""
        if self.kind is PeriodKind.MONTH:
            return f"Tháng {self.number} năm {self.year}"
        if self.kind is PeriodKind.QUARTER:
            return f"Quý {_ROMAN[self.number]} năm {self.year}"
        if self.kind is PeriodKind.HALF_YEAR:
            which = "đầu" if self.number == 1 else "cuối"
            return f"06 tháng {which} năm {self.year}"
        return f"Năm {self.year}"

    @property
    def range_label(self) -> str:
        """``"(Từ ngày 15/03/2026 đến ngày 14/04/2026)"``, printed under the period."""
        return f"(Từ ngày {format_date(self.start)} đến ngày {format_date(self.end)})"

    @property
    def legal_basis(self) -> tuple[LegalRef, LegalRef]:
        """The cut-off rule (Nghị định 09/2019 Điều 12) and the article applying it."""
        data = rules()
        return data.period_ref, data.period_applied_by

    def to_dict(self) -> dict[str, object]:
        """JSON-ready period: kind, year, number, the printed label and the dates (ISO)."""
        return {
            "kind": self.kind.value,
            "year": self.year,
            "number": self.number,
            "label": self.label,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
        }

    def __str__(self) -> str:
        return f"{self.label} {self.range_label}"


def parse_period(text: str) -> ReportPeriod:
    """Read a period written as ``2026-04`` (month), ``2026-Q1``, ``2026-H1`` or ``2026``.

    Raises:
        InputTypeError: ``text`` is not a string in one of those forms.
    """
    if not isinstance(text, str):
        raise InputTypeError(
            f"Kỳ báo cáo (reporting period) must be a string, got {type(text).__name__}",
            argument="period",
        )
    value = text.strip().upper()
    head, _, tail = value.partition("-")
    try:
        year = int(head)
        if not tail:
            return ReportPeriod.year_of(year)
        if tail.startswith("Q"):
            return ReportPeriod.quarter(year, int(tail[1:]))
        if tail.startswith("H"):
            return ReportPeriod.half_year(year, int(tail[1:]))
        return ReportPeriod.month(year, int(tail))
    except ValueError:
        raise InputTypeError(
            f"Kỳ báo cáo (reporting period) {text!r} is not one of YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY",
            hint="e.g. 2026-04 for April 2026, 2026-Q3, 2026-H1, 2026",
            argument="period",
        ) from None
