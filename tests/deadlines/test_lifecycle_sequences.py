"""The life-cycle clock on a limit read as steps in different units (one after the other).

"Sở Xây dựng 10 ngày làm việc; UBND tỉnh 05 ngày" accepted Monday 9/3/2026 10:00: 10 working
days → Mon 23/3 17:00, then 5 calendar days → Sat 28/3, a day off, so Mon 30/3 (Civil Code
91/2015/QH13 Art. 147.2, 148.3 and 148.5; Decree 118/2025/NĐ-CP Art. 17.3).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tthc import VN_TZ
from tthc.deadlines import (
    AlternativeKind,
    Deadline,
    Duration,
    compute_deadline,
    parse_processing_time,
    restart_after_supplement,
    switch_to_alternative,
)
from tthc.deadlines._durations import Alternative
from tthc.errors import DurationError

MON = dt.datetime(2026, 3, 9, 10, tzinfo=VN_TZ)
TUE = dt.datetime(2026, 3, 10, 9, tzinfo=VN_TZ)
WD = Duration.working_days
TEXT = "Sở Xây dựng 10 ngày làm việc; UBND tỉnh 05 ngày"


def steps() -> Deadline:
    deadline = compute_deadline(MON, parse_processing_time(TEXT))
    assert deadline.due_at == dt.datetime(2026, 3, 30, 17, tzinfo=VN_TZ)
    return deadline


def test_restart_counts_every_step_again() -> None:
    # Decree 118/2025 Art. 19.5: counted again from zero once the supplement is complete.
    # From Thu 12/3 09:00: 10 working days → Thu 26/3; + 5 calendar days → Tue 31/3
    deadline = steps()
    restarted = restart_after_supplement(deadline, dt.datetime(2026, 3, 12, 9, tzinfo=VN_TZ))
    assert restarted.due_at == dt.datetime(2026, 3, 31, 17, tzinfo=VN_TZ)
    assert restarted.then == (Duration.calendar_days(5),)
    assert restarted.parts == deadline.parts
    assert restarted.parts[0] == "Bước 1 (step 1), tính tiếp từ hạn của bước trước:"


def test_additional_alternative_on_steps_is_refused() -> None:
    extra = Alternative(WD(3), AlternativeKind.VERIFICATION, "cần xác minh", True)
    with pytest.raises(DurationError) as caught:
        switch_to_alternative(steps(), extra, recorded_at=TUE)
    error = caught.value
    assert error.message == (
        "Thời hạn kéo dài (extension): the limit is a sequence of steps in different units; "
        "tthc does not guess which step the extension adds to"
    )
    assert error.hint == "pass the whole new limit as a Duration"
    assert error.context == {"argument": "alternative"}


def test_shorter_limit_than_all_the_steps_is_refused() -> None:
    # 12 working days end Wed 25/3: after the first step (23/3) but before the whole (30/3)
    with pytest.raises(DurationError) as caught:
        switch_to_alternative(steps(), WD(12), recorded_at=TUE)
    error = caught.value
    assert error.message == (
        "Thời hạn theo điều kiện (conditional limit) 12 ngày làm việc ends "
        "2026-03-25T17:00:00+07:00, before the current limit's due 2026-03-30T17:00:00+07:00"
    )
    assert error.hint == "a conditional limit replaces the base one only when it is longer"
    assert error.context == {
        "argument": "alternative",
        "alternative": "12 ngày làm việc",
        "current": "10 ngày làm việc",
    }


def test_longer_limit_replaces_all_the_steps() -> None:
    # 20 working days from Mon 9/3 → Mon 6/4/2026
    switched = switch_to_alternative(steps(), WD(20), recorded_at=TUE)
    assert switched.due_at == dt.datetime(2026, 4, 6, 17, tzinfo=VN_TZ)
    assert switched.duration == WD(20)
    assert switched.then == ()
