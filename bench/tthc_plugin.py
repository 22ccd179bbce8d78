"""Plugin adding tthc to the shared harness ``../shared/bench/bench_workdays.py``.

Run from the repository root::

    PYTHONPATH=bench python ../shared/bench/bench_workdays.py --plugin tthc_plugin:make_impl

The harness keys a plugin by its module name: ``--only tthc_plugin,prefix,noop,numpy,numpy_vec,
prefix_numpy`` keeps tthc and the floors (the checked pure-Python prefix table, the no-op call,
one exact numpy call, numpy vectorised, the numpy prefix table) and drops the slow libraries. The
harness imports ``workalendar`` to print its version, so it must be installed.

The harness's reference calendar is the ``holidays`` object it builds (2000–2050, with its
``weekend_workdays``), so the plugin builds a :class:`tthc.calendar.WorkCalendar` from that same
object (like for like), and exposes the scalar calls and ``tthc.bulk.add_working_days``. The
harness's ``Impl`` is not imported: it accepts any object with these attributes.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

from tthc.calendar import DayInfo, DayKind, WorkCalendar


def calendar_from_holidays(h: Any, first: date, last: date) -> WorkCalendar:
    """A WorkCalendar with exactly the days off and weekend workdays of a holidays object."""
    special: dict[date, DayInfo] = {}
    for day, name in h.items():
        if first <= day <= last and day.weekday() < 5:
            special[day] = DayInfo(day, DayKind.PUBLIC_HOLIDAY, False, str(name), str(name))
    for day in h.weekend_workdays:
        if first <= day <= last and day.weekday() >= 5:
            special[day] = DayInfo(day, DayKind.MAKE_UP_WORKING_DAY, True, "Làm bù", "Make-up")
    return WorkCalendar(
        name="holidays VN (harness reference)",
        first_day=first,
        last_day=last,
        confirmed_through=last,
        data_version="holidays",
        special_days=special,
    )


def make_impl(src: Any) -> Any:
    from tthc import bulk

    cal = calendar_from_holidays(src.h, date(2000, 1, 1), date(2050, 12, 31))
    return SimpleNamespace(
        key="tthc",
        label="7 tthc WorkCalendar (scalar) + tthc.bulk (vectorised)",
        add=cal.add_working_days,
        between=cal.working_days_between,
        is_work=cal.is_working_day,
        bulk_vec=lambda starts, ns: bulk.add_working_days(starts, ns, calendar=cal),
    )
