"""Vectorised working-day arithmetic (tính hạn hàng loạt) over numpy, pandas, polars and pyarrow.

The national portal and each province report on millions of dossiers (hồ sơ) a year. This module
computes working days, due dates and timeliness for whole columns at once, on **the same
working-day index** as the scalar [`WorkCalendar`][tthc.calendar.WorkCalendar] (its ``index``
buffers are wrapped with ``numpy.frombuffer``, never copied or rebuilt), so every answer is
identical to the scalar API, row by row, including make-up Saturdays (ngày làm bù) and Tết.

Install the optional extra: ``pip install "tthc[numpy]"`` (``tthc[pandas]``, ``tthc[polars]``,
``tthc[pyarrow]`` for the adapters). ``import tthc.bulk`` works without numpy; the first call
raises [`MissingExtraError`][tthc.errors.MissingExtraError] with the command to run.

Inputs and outputs:

* Dates are numpy ``datetime64[D]`` arrays. ``datetime64`` of a finer unit (``[s]``, ``[us]``,
  ``[ns]`` as pandas uses) is accepted when every value is a whole day (midnight); anything else
  raises [`InvalidArrayError`][tthc.errors.InvalidArrayError]: the time of day is the caller's
  decision (convert to Vietnam local dates first). Coarser units (``[M]``, ``[Y]``) are
  refused. A sequence of ``datetime.date`` objects and a single ``datetime.date`` are accepted
  too; ``datetime`` objects are refused, as in the scalar API.
* Counts are integer arrays or a Python ``int`` (broadcast). Floats and booleans are refused.
* A pandas ``Series`` in gives a ``Series`` out with the same index (several Series must share
  one index); a polars ``Series`` gives a polars ``Series``; a pyarrow ``Array``/``ChunkedArray``
  gives a pyarrow array; scalars give Python scalars; anything else gives numpy arrays.

Missing values (NaT / null) policy: by default a missing date raises
[`InvalidArrayError`][tthc.errors.InvalidArrayError] naming the first position. Functions that
return dates accept ``nat="propagate"``: a missing input gives a missing output. In
[`classify`][tthc.bulk.classify] a missing ``finished_at`` means "not finished yet" (the dossier
is open), by definition.

Out of range: a date (or a result) outside the calendar's range raises
[`CalendarRangeError`][tthc.errors.CalendarRangeError] naming how many rows and the first one;
it never wraps around or clips. A strict calendar raises
[`ProvisionalCalendarError`][tthc.errors.ProvisionalCalendarError] for rows in projected years,
as the scalar API does.

Example:
    >>> import numpy as np
    >>> from tthc import bulk
    >>> accepted = np.array(["2026-04-29", "2026-02-13"], dtype="datetime64[D]")
    >>> bulk.add_working_days(accepted, 5)  # skips 30/4, 1/5 and the Tết days off
    array(['2026-05-08', '2026-02-27'], dtype='datetime64[D]')
"""

from __future__ import annotations

from tthc.bulk._core import (
    add_working_days,
    is_provisional,
    is_working_day,
    working_day_ordinal,
    working_days_between,
)
from tthc.bulk._dues import TIMELINESS_LABELS, classify, compute_due_dates
from tthc.bulk._export import CALENDAR_COLUMNS, calendar_rows, calendar_sql
from tthc.bulk._polars import polars_add_working_days

__all__ = [  # noqa: RUF022 - grouped by concept
    # day by day, on the shared working-day index
    "add_working_days",
    "is_provisional",
    "is_working_day",
    "working_day_ordinal",
    "working_days_between",
    # due dates and timeliness of dossiers
    "TIMELINESS_LABELS",
    "classify",
    "compute_due_dates",
    # the calendar as a table (dataframes, SQL)
    "CALENDAR_COLUMNS",
    "calendar_rows",
    "calendar_sql",
    # polars expressions
    "polars_add_working_days",
]
