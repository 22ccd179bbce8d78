"""The 2025 reorganisation: how each unit's monthly dossier volume changed across 1/7/2025.

Luật Tổ chức chính quyền địa phương 72/2025/QH15 set up the two-level local government; many
district powers moved to the communes on that date. The date itself comes from the assumptions
file.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any

import attrs

from tthc._validate import require_date
from tthc.staffing._assumptions import load_assumptions
from tthc.staffing._inputs import DossierCount, iter_records
from tthc.staffing._months import Month
from tthc.staffing._numbers import TEN_THOUSANDTH, to_decimal

__all__: list[str] = []  # private module: the public names are exported by tthc.staffing


@attrs.frozen(slots=True)
class ReformChange:
    """How a unit's monthly dossier volume changed across the 1/7/2025 reorganisation.

    Averages are over the months of the input on each side of the reform date (a unit with no
    row in a month counts 0 for it).

    Attributes:
        unit_code: The unit.
        unit_name: Its name, when known.
        months_before: Months of input before the reform.
        months_after: Months of input from the reform on.
        dossiers_before: Dossiers in the months before.
        dossiers_after: Dossiers in the months after.
        before_per_month: Monthly average before (0.01).
        after_per_month: Monthly average after (0.01).
        change: Relative change ``after / before − 1`` (0.0001), ``None`` when there was no
            volume before.
    """

    unit_code: str
    unit_name: str
    months_before: int
    months_after: int
    dossiers_before: int
    dossiers_after: int
    before_per_month: Decimal
    after_per_month: Decimal
    change: Decimal | None

    @property
    def percent(self) -> str:
        """The change as text: ``"+185,2 %"`` (decimal comma), or ``"mới / new"`` if none before."""
        if self.change is None:
            return "mới / new" if self.dossiers_after else "0"
        value = (self.change * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
        return f"{value:+} %".replace(".", ",")


def rank(change: ReformChange) -> tuple[int, Decimal, Decimal, str]:
    """Sort key: units with volume only after the reform, then by the size of the change."""
    if change.change is None:
        return (
            0 if change.dossiers_after else 2,
            Decimal(0),
            -change.after_per_month,
            change.unit_code,
        )
    return (1, -abs(change.change), -change.after_per_month, change.unit_code)


def side(month: Month, reform: _dt.date) -> int:
    """-1 before the reform, 1 from it on, 0 for the month it falls inside (not its first)."""
    if month.last_day < reform:
        return -1
    if month.first_day >= reform:
        return 1
    return 0


def reform_changes(
    counts: Iterable[DossierCount | Mapping[str, Any]],
    *,
    reform_date: _dt.date | None = None,
) -> tuple[ReformChange, ...]:
    """Compare each unit's monthly volume before and after the reform, most changed first.

    Args:
        counts: Dossier counts.
        reform_date: Default 1/7/2025 (Luật Tổ chức chính quyền địa phương 72/2025/QH15; from the assumptions file). A month
            that contains the date without starting on it is left out of both sides.

    Returns:
        One entry per unit, ranked: units with volume only after the reform, then by the size
        of the relative change. Empty when the input has no month on one of the sides.

    Raises:
        InputTypeError: ``reform_date`` is not a date.
        DataFileError: an invalid record.
    """
    reform = (
        load_assumptions().date("reform_date")
        if reform_date is None
        else require_date(reform_date, "reform_date")
    )
    months: dict[int, set[Month]] = {-1: set(), 1: set()}
    totals: dict[str, dict[int, int]] = {}
    names: dict[str, str] = {}
    for record in iter_records(counts):
        where = side(record.month, reform)
        if record.unit_name and record.unit_code not in names:
            names[record.unit_code] = record.unit_name
        sides = totals.setdefault(record.unit_code, {-1: 0, 1: 0})
        if where:
            months[where].add(record.month)
            sides[where] += record.count
    return changes_from_totals(totals, len(months[-1]), len(months[1]), names)


def changes_from_totals(
    totals: Mapping[str, dict[int, int]],
    before_n: int,
    after_n: int,
    names: Mapping[str, str],
) -> tuple[ReformChange, ...]:
    """The ranked changes of units whose dossiers before (-1) and after (1) are ``totals``."""
    if not before_n or not after_n:
        return ()
    changes = [
        _change(code, names.get(code, ""), sides, before_n, after_n)
        for code, sides in totals.items()
    ]
    return tuple(sorted(changes, key=rank))


def _change(
    code: str, name: str, sides: dict[int, int], before_n: int, after_n: int
) -> ReformChange:
    before = Fraction(sides[-1], before_n)
    after = Fraction(sides[1], after_n)
    return ReformChange(
        unit_code=code,
        unit_name=name,
        months_before=before_n,
        months_after=after_n,
        dossiers_before=sides[-1],
        dossiers_after=sides[1],
        before_per_month=to_decimal(before),
        after_per_month=to_decimal(after),
        change=to_decimal(after / before - 1, TEN_THOUSANDTH) if before else None,
    )
