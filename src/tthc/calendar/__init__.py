"""The Vietnamese public-sector working calendar (lịch làm việc của cơ quan hành chính nhà nước).

A day is a working day (ngày làm việc) for a state agency when it is Monday to Friday and not a
day off, or when it is a Saturday that was officially made a working day (ngày làm bù). Days off
come from three sources:

* the Labour Code's public holidays (Bộ luật Lao động 2019, Điều 112.1) and compensatory days
  when a holiday falls on the weekly rest day (Điều 111.3);
* the Prime Minister's yearly decisions on the Tết days, the day next to 2/9, and swaps of a
  weekday off against a working Saturday (Điều 112.3; Công văn of Văn phòng Chính phủ);
* local closures decided by a province (storms, local events), layered on by the caller with
  [`WorkCalendar.with_days_off`][tthc.calendar.WorkCalendar.with_days_off].

[`civil_service_calendar`][tthc.calendar.civil_service_calendar] returns the national calendar built from the bundled data file
``tthc/data/calendar/vn_public_sector_days.csv`` (each row citing its document in the
registry of [`tthc.legal`][tthc.legal]) for the years that
are officially announced, and from the statutory rules for the later, *projected* years: the days
python-holidays's rules give, bundled as ``tthc/data/calendar/projected_days.json`` by
``scripts/project_calendar.py`` with the version used (python-holidays is not imported at run
time). Answers that touch a projected year are provisional; a strict calendar refuses them.

All arithmetic runs on a precomputed index of working-day ordinals: ``add_working_days`` and
``working_days_between`` cost the same for 1 day or 3,000.

A calendar is stored by [`tthc.serde`][tthc.serde] as the registered calendar it derives from (the
national one) and the days it changes, each with its legal reference; reading it back rebuilds
the same calendar, and a base that does not resolve is refused. Calendars, like every tthc
model, can also be copied and sent to worker processes (``multiprocessing``, Dask, Spark).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tthc.calendar._model import DayInfo, DayKind, OfficeHours
from tthc.calendar._national import civil_service_calendar
from tthc.calendar._work_calendar import WorkCalendar

if TYPE_CHECKING:
    from tthc.calendar._index import WorkdayIndex

__all__ = [  # noqa: RUF022 - grouped by concept, as the module docstring presents them
    # the calendar
    "WorkCalendar",
    "civil_service_calendar",
    # what a day is
    "DayInfo",
    "DayKind",
    # office hours
    "OfficeHours",
    # for vectorised code (tthc.bulk)
    "WorkdayIndex",
]


def __getattr__(name: str) -> Any:
    # WorkdayIndex is for vectorised code (tthc.bulk): its module is imported on first use, so
    # that the first calendar does not create its attrs class (issue 20, item 5).
    if name == "WorkdayIndex":
        from tthc.calendar._index import WorkdayIndex  # noqa: PLC0415

        globals()[name] = WorkdayIndex
        return WorkdayIndex
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
