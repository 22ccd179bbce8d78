"""Demand (nhu cầu): staff time needed per unit, month and role, from dossier counts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from tthc.errors import InputTypeError
from tthc.staffing._inputs import DossierCount, EffortTable, iter_records, role_key
from tthc.staffing._months import Month
from tthc.staffing._numbers import to_decimal

__all__: list[str] = []  # private module: the public names are exported by tthc.staffing


@attrs.frozen(slots=True)
class DemandRow:
    """Staff time one unit needs for one role in one month.

    Attributes:
        unit_code: The unit.
        month: The month.
        role: The role (``"reception"``, ``"processing"``, ...).
        dossiers: Dossiers that need this role.
        minutes: Exact staff minutes.
    """

    unit_code: str
    month: Month
    role: str
    dossiers: int
    minutes: Decimal

    @property
    def hours(self) -> Decimal:
        """Staff-hours, rounded half-to-even to 0.01 h."""
        return to_decimal(Fraction(self.minutes) / 60)


@attrs.frozen(slots=True)
class Demand:
    """Staff time needed, per unit, month and role (sorted in that order).

    Attributes:
        rows: One row per (unit, month, role) with dossiers.
    """

    rows: tuple[DemandRow, ...]

    def minutes(
        self, *, unit_code: str | None = None, role: str | None = None, month: Month | None = None
    ) -> Decimal:
        """Return the exact staff minutes, optionally for one unit, role and/or month."""
        return sum(
            (
                row.minutes
                for row in self.rows
                if (unit_code is None or row.unit_code == unit_code)
                and (role is None or row.role == role)
                and (month is None or row.month == month)
            ),
            Decimal(0),
        )

    def hours(
        self, *, unit_code: str | None = None, role: str | None = None, month: Month | None = None
    ) -> Decimal:
        """Return staff-hours (rounded to 0.01 h), optionally filtered like [`minutes`][tthc.staffing.Demand.minutes]."""
        return to_decimal(Fraction(self.minutes(unit_code=unit_code, role=role, month=month)) / 60)

    @property
    def units(self) -> tuple[str, ...]:
        """Unit codes, sorted."""
        return tuple(sorted({row.unit_code for row in self.rows}))

    @property
    def roles(self) -> tuple[str, ...]:
        """Roles, in conventional order."""
        return tuple(sorted({row.role for row in self.rows}, key=role_key))

    @property
    def months(self) -> tuple[Month, ...]:
        """Months, sorted."""
        return tuple(sorted({row.month for row in self.rows}))


def compute_demand(
    counts: Iterable[DossierCount | Mapping[str, Any]],
    efforts: EffortTable,
) -> Demand:
    """Return staff-time demand per unit, month and role: Σ dossiers × minutes per dossier.

    Args:
        counts: Dossier counts (see [`dossier_counts`][tthc.staffing.dossier_counts]).
        efforts: Staff minutes per procedure and role (see [`effort_table`][tthc.staffing.effort_table]).

    Example:
        >>> counts = [{"unit_code": "31120", "procedure_code": "1.001193",
        ...            "month": "2026-01", "count": 120}]
        >>> efforts = effort_table({"1.001193": {"reception": 10, "processing": 20}})
        >>> compute_demand(counts, efforts).hours(role="processing")
        Decimal('40.00')

    Raises:
        InputTypeError: ``efforts`` is not an [`EffortTable`][tthc.staffing.EffortTable].
        DataFileError: an invalid record.
        UnknownProcedure: a procedure has no effort entry (and no field default).
    """
    if not isinstance(efforts, EffortTable):
        raise InputTypeError(
            "Thời gian xử lý (staff effort): efforts must be an EffortTable (see effort_table())",
            argument="efforts",
        )
    minutes: dict[tuple[str, Month, str], Decimal] = defaultdict(Decimal)
    dossiers: dict[tuple[str, Month, str], int] = defaultdict(int)
    for record in iter_records(counts):
        effort = efforts.lookup(record.procedure_code, record.field)
        for role, per_dossier in effort.minutes:
            key = (record.unit_code, record.month, role)
            minutes[key] += per_dossier * record.count
            dossiers[key] += record.count
    rows = tuple(
        DemandRow(unit_code=key[0], month=key[1], role=key[2], dossiers=dossiers[key], minutes=m)
        for key, m in sorted(
            minutes.items(), key=lambda kv: (kv[0][0], kv[0][1], role_key(kv[0][2]))
        )
    )
    return Demand(rows=rows)
