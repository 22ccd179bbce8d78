"""The read-only view of a calendar's working-day index, for vectorised code (tthc.bulk).

A module of its own, imported on first use of
[`WorkCalendar.index`][tthc.calendar.WorkCalendar.index] or of the name
``tthc.calendar.WorkdayIndex``: creating an attrs class costs the cold start of the first
calendar about half a millisecond, and the first calendar does not need this one (issue 20,
item 5).
"""

from __future__ import annotations

import datetime as _dt

import attrs

__all__: list[str] = []  # private module: the name is exported by tthc.calendar


@attrs.frozen(slots=True)
class WorkdayIndex:
    """A read-only view of a calendar's working-day index, for vectorised code.

    Day ``i`` is ``first_day + i`` days. ``working[i]`` is 1 for a working day; ``cumulative[i]``
    counts the working days from ``first_day`` through day ``i``; ``nth[k]`` is the day offset of
    the ``(k + 1)``-th working day. Both are ``int32`` buffers (``memoryview`` format ``"i"``).
    """

    first_day: _dt.date
    last_day: _dt.date
    confirmed_through: _dt.date
    working: memoryview
    cumulative: memoryview
    nth: memoryview
    data_version: str
