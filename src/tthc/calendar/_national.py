"""The national public-sector calendar: the official days of the bundled data, then projected."""

from __future__ import annotations

import datetime as _dt
import functools

from tthc.calendar._model import DayInfo, DayKind
from tthc.calendar._official import (
    PROJECTION_FILE,
    CalendarMeta,
    OverlayRow,
    load_bundled,
    load_projection,
)
from tthc.calendar._work_calendar import WorkCalendar
from tthc.errors import CalendarDataError

__all__: list[str] = []  # private module: the names are exported by tthc.calendar


def _projected(meta: CalendarMeta) -> dict[_dt.date, DayInfo]:
    """Return the statutory days off of the years after ``confirmed_through``, provisional.

    They are read from the bundled projection (``projected_days.json``, generated from the
    statutory rules by ``scripts/project_calendar.py``), which must cover those years.
    """
    special: dict[_dt.date, DayInfo] = {}
    first_projected = meta.confirmed_through + _dt.timedelta(days=1)
    if first_projected > meta.last_day:
        return special
    projection = load_projection()
    first, last = first_projected.year, meta.last_day.year
    if first < projection.first_year or last > projection.last_year:
        raise CalendarDataError(
            f"Dữ liệu lịch (calendar data): {PROJECTION_FILE} covers {projection.first_year}–"
            f"{projection.last_year}, the calendar projects {first}–{last}",
            hint="regenerate it: python scripts/project_calendar.py",
            file=PROJECTION_FILE,
            row="$",
            field="first_year",
        )
    for day, kind_value, name_vi, name_en in projection.days:
        if not first_projected <= day <= meta.last_day:
            continue
        kind = DayKind(kind_value)
        special[day] = DayInfo(
            date=day,
            kind=kind,
            is_working_day=kind.is_working,
            name_vi=name_vi,
            name_en=name_en,
            legal_ref=meta.statutory_ref(kind.value, day),
            provisional=True,
        )
    return special


def _official(meta: CalendarMeta, row: OverlayRow) -> DayInfo:
    kind = DayKind(row.kind)
    return DayInfo(
        date=row.date,
        kind=kind,
        is_working_day=kind.is_working,
        name_vi=row.name_vi,
        name_en=row.name_en,
        legal_ref=row.legal_ref,
        provisional=row.date > meta.confirmed_through,
    )


def _build() -> WorkCalendar:
    """Build the national calendar from the bundled data (uncached: see civil_service_calendar)."""
    meta, rows = load_bundled()
    special = _projected(meta)
    # An official row wins over the projection of its date.
    special.update((row.date, _official(meta, row)) for row in rows)
    return WorkCalendar(
        name=meta.name,
        first_day=meta.first_day,
        last_day=meta.last_day,
        confirmed_through=meta.confirmed_through,
        data_version=meta.data_version,
        special_days=special,
        weekly_rest=meta.weekly_rest,
        weekly_rest_names=(
            meta.weekly_rest_name_vi,
            meta.weekly_rest_name_en,
            meta.weekly_rest_ref,
        ),
    )


_civil_service_calendar = functools.cache(_build)


def civil_service_calendar(*, strict: bool = False) -> WorkCalendar:
    """Return the national public-sector calendar (built once, on first use, then cached).

    Args:
        strict: If True, the returned calendar raises
            [`ProvisionalCalendarError`][tthc.errors.ProvisionalCalendarError] for dates after its
            ``confirmed_through`` instead of answering provisionally.

    Example:
        >>> from datetime import date
        >>> cal = civil_service_calendar()
        >>> cal.add_working_days(date(2026, 4, 29), 5)  # skips 30/4, 1/5 and the weekend
        datetime.date(2026, 5, 8)
    """
    return _civil_service_calendar().with_strict(strict)
