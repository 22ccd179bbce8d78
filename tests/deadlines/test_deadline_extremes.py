"""tthc.deadlines at the extremes and on impossible orders (issue 17, item 3).

Each input must give a tthc error (with its stable code) or the right answer, never a raw
``OverflowError`` and never a due instant before acceptance. An aware instant that cannot be expressed
in Vietnam time (``9999-12-31 23:59-05:00`` is in year 10000 at UTC+7; ``0001-01-01 00:00+14:00``
in year 0) is refused with ``CalendarRangeError`` where it enters the package
(``tthc._validate.require_aware``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tthc._time import VN_TZ
from tthc.deadlines import (
    Duration,
    classify,
    compute_deadline,
    extend,
    metric_766_on_time,
    supplement_closing_date,
    working_time_between,
)
from tthc.errors import TthcError

LAST = dt.datetime.max.replace(tzinfo=dt.timezone(dt.timedelta(hours=-5)))  # year 10000 at +7
FIRST = dt.datetime.min.replace(tzinfo=dt.timezone(dt.timedelta(hours=14)))  # year 0 at +7
ACCEPTED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=VN_TZ)


@pytest.mark.parametrize("instant", [LAST, FIRST], ids=["last", "first"])
def test_compute_deadline_at_the_extremes(instant: dt.datetime) -> None:
    with pytest.raises(TthcError):
        compute_deadline(instant, Duration.working_days(3))


@pytest.mark.parametrize("instant", [LAST, FIRST], ids=["last", "first"])
def test_classify_at_the_extremes(instant: dt.datetime) -> None:
    with pytest.raises(TthcError):
        classify(dt.date(2026, 1, 1), finished_at=instant)


def test_classify_on_the_last_date() -> None:
    with pytest.raises(TthcError):
        classify(dt.date.max, as_of=FIRST)


@pytest.mark.parametrize("instant", [LAST, FIRST], ids=["last", "first"])
def test_supplement_closing_date_at_the_extremes(instant: dt.datetime) -> None:
    with pytest.raises(TthcError):
        supplement_closing_date(instant, days=15)


def test_working_time_between_the_extremes() -> None:
    with pytest.raises(TthcError):
        working_time_between(FIRST, LAST)


# --- impossible orders ---------------------------------------------------------------------------


def test_an_extension_requested_before_acceptance_is_refused() -> None:
    deadline = compute_deadline(ACCEPTED, Duration.working_days(3))
    with pytest.raises(TthcError):
        extend(deadline, requested_on=dt.date(2020, 1, 1), new_duration_or_due=dt.date(2026, 3, 20))


def test_a_766_end_before_acceptance_is_refused() -> None:
    deadline = compute_deadline(ACCEPTED, Duration.working_days(3))
    with pytest.raises(TthcError):
        metric_766_on_time(
            accepted_at=ACCEPTED,
            due=deadline,
            ended_at=ACCEPTED - dt.timedelta(days=400),
            period_end=dt.date(2026, 3, 31),
        )


def test_a_tiny_working_time_is_never_due_before_acceptance() -> None:
    noon = dt.datetime(2026, 3, 2, 12, 0, tzinfo=VN_TZ)  # between the two office windows
    deadline = compute_deadline(noon, Duration.working_hours(Decimal("1e-10")))
    assert deadline.due_at >= noon
