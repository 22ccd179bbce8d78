"""The sums of a plan: one pass over the records, then integer arithmetic.

A plan needs, per unit, role and month, the staff minutes ``Σ count × minutes per dossier``, and
per unit and month the in-person visits and their counter minutes. Adding
`Fraction` values row by row took most of a plan's time; here:

1. `gather` reads the records once (a file given by
   [`iter_dossier_counts`][tthc.staffing.iter_dossier_counts] is streamed: no row is kept) and sums the counts
   per *cell* (unit, month, procedure and field): the count, the in-person count where the row
   gives it, and the count where it does not. It keeps the first name and kind given for each
   unit. Memory grows with the cells, not with the rows: a year of daily rows folds into at
   most twelve cells per unit and procedure.
2. `tally` sums the cells per unit in integers: minutes per dossier are exact decimals,
   so multiplied by ``scale`` (the least common denominator of every effort in the table) they
   are integers, and every sum is an exact integer. [`tthc.staffing._plan`][tthc.staffing._plan] divides once per
   unit, role and month, where the plan needs a ratio; the figures are the same to the last
   digit.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Iterable, Set
from fractions import Fraction

from tthc.staffing._inputs import DossierCount, EffortTable, ProcedureEffort
from tthc.staffing._months import month_at
from tthc.staffing._reform import side

__all__: list[str] = []  # private module: import the names directly

Cell = tuple[str, int, int]
"""A cell of the input: (unit code, month index, index of the (procedure code, field) pair).

Months are keyed by [`month_index`][tthc.staffing._months.month_index] in the sums: an int hashes in a
fraction of the time of a [`Month`][tthc.staffing.Month] (whose ``__hash__`` is Python code).
"""


class Volume:
    """The records, summed per cell (see `gather`).

    Attributes:
        cells: ``[count, in-person count given, count without an in-person count]`` per cell,
            in the order of the cells' first record.
        pairs: ``(procedure code, field)`` → its index in the cells.
        units: Unit codes, in the order of their first record (filled at the end).
        names: The first unit name given for each unit.
        kinds: The first unit kind given for each unit.
    """

    __slots__ = ("cells", "kinds", "names", "pairs", "units")

    def __init__(self) -> None:
        self.cells: dict[Cell, list[int]] = {}
        self.pairs: dict[tuple[str, str], int] = {}
        self.names: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.units: dict[str, None] = {}


def gather(records: Iterable[DossierCount]) -> Volume:
    """Sum validated records per cell, in one pass."""
    volume = Volume()
    cells, pairs, names, kinds = volume.cells, volume.pairs, volume.names, volume.kinds
    for record in records:
        code = record.unit_code
        if record.unit_name and code not in names:
            names[code] = record.unit_name
        if record.unit_kind and code not in kinds:
            kinds[code] = record.unit_kind
        pair = (record.procedure_code, record.field)
        index = pairs.get(pair)
        if index is None:
            index = pairs[pair] = len(pairs)
        month = record.month
        key = (code, month.year * 12 + month.month - 1, index)
        cell = cells.get(key)
        if cell is None:
            cell = cells[key] = [0, 0, 0]
        count, in_person = record.count, record.in_person
        cell[0] += count
        if in_person is None:
            cell[2] += count
        else:
            cell[1] += in_person
    volume.units = dict.fromkeys(code for code, _, _ in cells)
    return volume


def reform_totals(
    volume: Volume, kept: Set[str], reform: _dt.date
) -> tuple[dict[str, dict[int, int]], int, int]:
    """Dossiers per unit before (-1) and after (1) the reform, and the months on each side.

    The sums [`tthc.staffing.reform_changes`][tthc.staffing.reform_changes] makes over the records of the kept units.
    """
    months: dict[int, set[int]] = {-1: set(), 1: set()}
    totals: dict[str, dict[int, int]] = {}
    sides: dict[int, int] = {}
    for (code, month, _), cell in volume.cells.items():
        if code not in kept:
            continue
        where = sides.get(month)
        if where is None:
            where = sides[month] = side(month_at(month), reform)
        unit = totals.setdefault(code, {-1: 0, 1: 0})
        if where:
            months[where].add(month)
            unit[where] += cell[0]
    return totals, len(months[-1]), len(months[1])


class UnitSums:
    """One unit's exact sums over the plan period, in integers.

    Attributes:
        dossiers: Dossiers in the period.
        minutes: Role → month index → staff minutes × ``scale``.
        people: Month index → ``[in-person count given, count without one, counter minutes × scale
            of the first, of the second]``; visits are ``first + share × second``.
    """

    __slots__ = ("dossiers", "minutes", "people")

    def __init__(self) -> None:
        self.dossiers = 0
        self.minutes: dict[str, dict[int, int]] = {}
        self.people: dict[int, list[int]] = {}


def effort_scale(efforts: EffortTable) -> int:
    """The least common denominator of every minutes-per-dossier value of the table."""
    entries = (*efforts.procedures, *efforts.fields)
    return math.lcm(1, *(Fraction(m).denominator for entry in entries for _, m in entry.minutes))


def _scaled(
    effort: ProcedureEffort, scale: int, counter_role: str
) -> tuple[tuple[tuple[str, int], ...], int]:
    roles = tuple((role, int(Fraction(minutes) * scale)) for role, minutes in effort.minutes)
    return roles, int(Fraction(effort.minutes_for(counter_role)) * scale)


def tally(
    volume: Volume,
    kept: Callable[[str], bool],
    period: Set[int],
    efforts: EffortTable,
    counter_role: str,
) -> tuple[dict[str, UnitSums], int]:
    """Sum the cells of the kept units per unit; return the sums and the scale of the minutes.

    ``period`` holds the month indexes of the plan period.

    Every kept unit has an entry (with no dossier when none of its months is in the period).
    Efforts are looked up in the order of the cells' first record, so a missing one raises
    for the first row that needs it, as a row-by-row sum would.

    Raises:
        UnknownProcedure: a procedure of a kept unit in the period has no effort.
    """
    scale = effort_scale(efforts)
    units = {code: UnitSums() for code in volume.units if kept(code)}
    pairs = list(volume.pairs)
    scaled: dict[int, tuple[tuple[tuple[str, int], ...], int]] = {}
    for (code, month, index), (count, given, without) in volume.cells.items():
        sums = units.get(code)
        if sums is None or month not in period:
            continue
        effort = scaled.get(index)
        if effort is None:
            effort = scaled[index] = _scaled(efforts.lookup(*pairs[index]), scale, counter_role)
        roles, counter = effort
        sums.dossiers += count
        for role, minutes in roles:
            by_month = sums.minutes.setdefault(role, {})
            by_month[month] = by_month.get(month, 0) + minutes * count
        people = sums.people.get(month)
        if people is None:
            people = sums.people[month] = [0, 0, 0, 0]
        people[0] += given
        people[1] += without
        people[2] += given * counter
        people[3] += without * counter
    return units, scale
