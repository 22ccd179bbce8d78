"""The clock over a dossier's life: Decree 118/2025 Art. 19.4-19.6 (tthc_rules §3, §7 E4-E5).

The second half pins exact results, messages and refusals (found by mutation testing, see
docs/quality.md); ACCEPTED is Monday 9/3/2026 09:00, and 9/3 to 20/3/2026 are all working
days (no holiday in March 2026).
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc import VN_TZ
from tthc.calendar import OfficeHours, civil_service_calendar
from tthc.deadlines import (
    ChangeKind,
    Duration,
    Timeliness,
    classify,
    compute_deadline,
    counting_rule,
    extend,
    latest_extension_request,
    parse_processing_time,
    pause_for_financial_obligation,
    restart_after_supplement,
    supplement_closing_date,
    switch_to_alternative,
    working_time_between,
)
from tthc.errors import (
    CalendarRangeError,
    DurationError,
    ExtensionNotAllowed,
    InputTypeError,
    InvalidEvent,
    NaiveDatetimeError,
)
from tthc.legal import LegalRef

D = dt.date
#: Monday 9/3/2026 09:00: 9/3 to 20/3/2026 are all working days (no holiday in March 2026;
#: tests/data/vn_public_sector_calendar_reference.csv).
ACCEPTED = dt.datetime(2026, 3, 9, 9, 0, tzinfo=VN_TZ)
WD = Duration.working_days


def _deadline():  # type: ignore[no-untyped-def]
    # 5 working days after Monday 9/3/2026: Monday 16/3/2026, by 17:00 (BLDS Art. 147.2)
    deadline = compute_deadline(ACCEPTED, Duration.working_days(5))
    assert deadline.due_date == D(2026, 3, 16)
    return deadline


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=VN_TZ)


NAIVE = dt.datetime(2026, 3, 9, 9)


EARLY = ACCEPTED - dt.timedelta(hours=1)


NAIVE_HINT = "attach the zone: value.replace(tzinfo=tthc.VN_TZ) for Vietnam time (UTC+7)"


DATE_HINT = "convert strings with datetime.date.fromisoformat('YYYY-MM-DD')"


BEFORE = "is before the clock started (2026-03-09T09:00:00+07:00)"


def _naive(name: str) -> tuple[type[Exception], str, dict[str, object], str]:
    return (
        NaiveDatetimeError,
        f"Thời điểm không có múi giờ (naive datetime): {name}=2026-03-09T09:00:00 has no time "
        "zone, and the time of day matters here",
        {"argument": name},
        NAIVE_HINT,
    )


def _pay(**kw: object) -> object:
    args: dict[str, object] = {
        "requested_at": ACCEPTED,
        "completed_at": ACCEPTED,
        "excluded_from_limit": True,
    }
    args.update(kw)
    return pause_for_financial_obligation(_deadline(), **args)  # type: ignore[arg-type]


def _paused(duration: Duration, start: tuple[int, int], end: tuple[int, int]):  # type: ignore[no-untyped-def]
    base = compute_deadline(ACCEPTED, duration)
    return base, pause_for_financial_obligation(
        base,
        requested_at=dt.datetime(2026, 3, start[0], start[1], tzinfo=VN_TZ),
        completed_at=dt.datetime(2026, 3, end[0], end[1], tzinfo=VN_TZ),
        excluded_from_limit=True,
    )


CUTOFF_TEXT = (
    "05 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp nhận hồ sơ sau 15 giờ thì thời gian "
    "được tính bắt đầu từ ngày làm việc tiếp theo"
)


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)  # type: ignore[misc]


@pytest.fixture
def e3() -> object:
    # E3: accepted Mon 9/3/2026 09:15, 10 ngày làm việc -> due Mon 23/3/2026
    return compute_deadline(vn(2026, 3, 9, 9, 15), Duration.working_days(10))


def test_e4a_restart_from_zero_keeps_the_previous_due_date(e3: object) -> None:
    # E4(a): supplement completed Fri 20/3/2026 -> new due Fri 3/4/2026 (Art. 19.5)
    new = restart_after_supplement(e3, vn(2026, 3, 20, 10))  # type: ignore[arg-type]
    assert new.due_date == date(2026, 4, 3)
    assert new.accepted_at == vn(2026, 3, 20, 10)
    assert new.first_accepted_at == vn(2026, 3, 9, 9, 15)
    assert new.original_due_date == date(2026, 3, 23)
    (change,) = new.history
    assert change.kind is ChangeKind.RESTART
    assert (change.previous_due_date, change.new_due_date) == (date(2026, 3, 23), date(2026, 4, 3))
    assert "khoản 5 Điều 19" in change.rule.cite()
    assert any("Tính lại từ đầu sau khi bổ sung" in line for line in new.explain().split("\n"))
    assert new.to_dict()["history"][0]["previous_due_date"] == "2026-03-23"


def test_e4b_supplement_closing_date() -> None:
    # E4(b): notice Wed 11/3/2026 -> 15 days end 24:00 Thu 26/3; close from Fri 27/3
    assert supplement_closing_date(vn(2026, 3, 11, 9)) == date(2026, 3, 26)
    assert supplement_closing_date(date(2026, 3, 11)) == date(2026, 3, 26)
    # notice Thu 16/4/2026 -> Fri 1/5 (holiday) -> Mon 4/5 (BLDS 148.5)
    assert supplement_closing_date(vn(2026, 4, 16, 9)) == date(2026, 5, 4)
    # a sector law may set another period
    assert supplement_closing_date(date(2026, 3, 11), days=30) == date(2026, 4, 10)


def test_e5_one_extension_at_least_one_working_day_before(e3: object) -> None:
    due = restart_after_supplement(e3, vn(2026, 3, 20, 10))  # type: ignore[arg-type]
    # E5: due Fri 3/4/2026 -> request by Thu 2/4; one-stop sets Fri 10/4
    extended = extend(due, requested_on=date(2026, 4, 2), new_duration_or_due=date(2026, 4, 10))
    assert extended.due_date == date(2026, 4, 10)
    assert extended.due_at == vn(2026, 4, 10, 17)
    assert extended.extended
    assert not due.extended
    assert extended.history[-1].kind is ChangeKind.EXTENSION
    assert "khoản 6 Điều 19" in extended.history[-1].rule.cite()
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(extended, requested_on=date(2026, 4, 3), new_duration_or_due=date(2026, 4, 17))
    assert info.value.context["reason"] == "already_extended"
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(due, requested_on=date(2026, 4, 3), new_duration_or_due=date(2026, 4, 10))
    assert info.value.context["reason"] == "too_late"
    # by duration: 5 more working days from Fri 3/4 -> Fri 10/4
    by_days = extend(
        due, requested_on=date(2026, 4, 1), new_duration_or_due=Duration.working_days(5)
    )
    assert by_days.due_date == date(2026, 4, 10)


def test_extension_deadline_over_holidays() -> None:
    # due Mon 4/5/2026: the working day before is Wed 29/4 (30/4, 1/5, weekend off)
    d = compute_deadline(vn(2026, 4, 27, 10), Duration.working_days(3))  # 28/4, 29/4, 4/5
    assert d.due_date == date(2026, 5, 4)
    with pytest.raises(ExtensionNotAllowed):
        extend(d, requested_on=date(2026, 4, 30), new_duration_or_due=date(2026, 5, 8))
    assert extend(d, requested_on=date(2026, 4, 29), new_duration_or_due=date(2026, 5, 8)).extended


def test_latest_extension_request_is_the_working_day_before() -> None:
    # Decree 118/2025 Art. 19.6 "chậm nhất 01 ngày trước ngày hết hạn"; official 2026 calendar:
    # Thu 30/4 and Fri 1/5 holidays, so a Mon 4/5 due date must be notified by Wed 29/4.
    assert latest_extension_request(date(2026, 5, 4)) == date(2026, 4, 29)
    assert latest_extension_request(date(2026, 4, 3)) == date(2026, 4, 2)
    d = compute_deadline(vn(2026, 4, 27, 10), Duration.working_days(3))
    assert latest_extension_request(d) == date(2026, 4, 29)
    with pytest.raises(InputTypeError):
        latest_extension_request(vn(2026, 5, 4))  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        latest_extension_request(date(2026, 5, 4), calendar="national")  # type: ignore[arg-type]


def test_late_extension_applied_when_allowed(e3: object) -> None:
    # due Mon 23/3/2026, notified on the due date itself: refused by default, applied and noted
    # with allow_late (a dossier log records the act and flags the breach)
    with pytest.raises(ExtensionNotAllowed):
        extend(e3, requested_on=date(2026, 3, 23), new_duration_or_due=date(2026, 3, 27))  # type: ignore[arg-type]
    late = extend(
        e3,  # type: ignore[arg-type]
        requested_on=date(2026, 3, 23),
        new_duration_or_due=date(2026, 3, 27),
        allow_late=True,
    )
    assert late.due_date == date(2026, 3, 27)
    assert "late notice" in late.history[-1].reason
    on_time = extend(e3, requested_on=date(2026, 3, 20), new_duration_or_due=date(2026, 3, 27))  # type: ignore[arg-type]
    assert on_time.history[-1].reason == ""


def test_switch_after_an_extension_keeps_the_later_date() -> None:
    # accepted Mon 9/3/2026 10:00, 3 working days -> Thu 12/3; extended to Fri 20/3 on 10/3;
    # verification (5 working days -> Mon 16/3) then keeps 20/3 but a restart counts 5 days.
    base = compute_deadline(vn(2026, 3, 9, 10), Duration.working_days(3))
    extended = extend(base, requested_on=date(2026, 3, 10), new_duration_or_due=date(2026, 3, 20))
    switched = switch_to_alternative(
        extended, Duration.working_days(5), recorded_at=vn(2026, 3, 11, 9)
    )
    assert switched.due_date == date(2026, 3, 20)
    assert switched.due_at == vn(2026, 3, 20, 17)
    assert switched.duration == Duration.working_days(5)
    assert switched.extended
    # Fri 13/3 + 5 working days -> Fri 20/3 ... restart from Mon 16/3 10:00 -> Mon 23/3
    assert restart_after_supplement(switched, vn(2026, 3, 16, 10)).due_date == date(2026, 3, 23)
    # a conditional limit shorter than the current one is still refused
    with pytest.raises(DurationError):
        switch_to_alternative(extended, Duration.working_days(2), recorded_at=vn(2026, 3, 11, 9))


def test_extension_refusals(e3: object) -> None:
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(e3, requested_on=date(2026, 3, 16), new_duration_or_due=date(2026, 3, 23))  # type: ignore[arg-type]
    assert info.value.context["reason"] == "not_later"
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(e3, requested_on=date(2026, 3, 16), new_duration_or_due=date(2026, 3, 28))  # type: ignore[arg-type]
    assert info.value.context["reason"] == "not_a_working_day"
    with pytest.raises(DurationError):
        extend(e3, requested_on=date(2026, 3, 16), new_duration_or_due=Duration.same_day())  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        extend(e3, requested_on=date(2026, 3, 16), new_duration_or_due=5)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        extend(e3, requested_on=vn(2026, 3, 16), new_duration_or_due=date(2026, 3, 30))  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        extend("deadline", requested_on=date(2026, 3, 16), new_duration_or_due=date(2026, 3, 30))  # type: ignore[arg-type]


def test_restart_refusals(e3: object) -> None:
    with pytest.raises(InvalidEvent):
        restart_after_supplement(e3, vn(2026, 3, 9, 9))  # type: ignore[arg-type]
    with pytest.raises(NaiveDatetimeError):
        restart_after_supplement(e3, datetime(2026, 3, 20, 10))  # type: ignore[arg-type]


def test_switch_to_verification_alternative() -> None:
    # 1.004873: 03 ngày làm việc; if verification is needed, not more than 23 ngày (same start)
    pt = parse_processing_time(
        "03 ngày làm việc; trường hợp phải xác minh thì thời hạn giải quyết không quá 23 ngày."
    )
    base = compute_deadline(vn(2026, 3, 9, 10), pt)
    assert base.due_date == date(2026, 3, 12)
    longer = switch_to_alternative(base, pt.alternative(), recorded_at=vn(2026, 3, 10, 9))
    assert longer.due_date == date(2026, 4, 1)  # 9/3 + 23 days
    assert longer.history[-1].kind is ChangeKind.ALTERNATIVE
    assert longer.history[-1].reason == "phải xác minh"
    # an additional limit ("kéo dài thêm ... 02 tháng") adds to the base: 4 + 2 months
    review = parse_processing_time(
        "Trong thời hạn 04 tháng kể từ ngày nhận đủ hồ sơ; trường hợp cần thẩm tra bổ sung thì "
        "có thể kéo dài thêm nhưng không quá 02 tháng."
    )
    months = compute_deadline(vn(2026, 1, 15, 10), review)
    assert months.due_date == date(2026, 5, 15)
    assert switch_to_alternative(
        months, review.alternative(), recorded_at=vn(2026, 2, 1, 9)
    ).due_date == date(2026, 7, 15)


def test_switch_refusals() -> None:
    base = compute_deadline(vn(2026, 3, 9, 10), Duration.working_days(10))
    with pytest.raises(DurationError):
        switch_to_alternative(base, Duration.working_days(3), recorded_at=vn(2026, 3, 10, 9))
    with pytest.raises(InvalidEvent):
        switch_to_alternative(base, Duration.working_days(15), recorded_at=vn(2026, 3, 9, 9))
    with pytest.raises(InputTypeError):
        switch_to_alternative(base, 15, recorded_at=vn(2026, 3, 10, 9))  # type: ignore[arg-type]
    certification = parse_processing_time(
        "Trong ngày; nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo. Trường hợp "
        "phức tạp thì thời hạn được kéo dài thêm không quá 02 ngày làm việc."
    )
    same_day = compute_deadline(vn(2026, 3, 9, 10), certification)
    with pytest.raises(DurationError):  # same day + 2 working days: units do not add
        switch_to_alternative(
            same_day, certification.alternatives[0], recorded_at=vn(2026, 3, 9, 11)
        )


def test_financial_pause_only_with_the_flag(e3: object) -> None:
    asked, paid = vn(2026, 3, 11, 10), vn(2026, 3, 16, 10)
    # Decree 118/2025 Art. 24 does not stop the clock: unchanged by default
    same = pause_for_financial_obligation(
        e3, requested_at=asked, completed_at=paid, excluded_from_limit=False
    )  # type: ignore[arg-type]
    assert same is e3
    ref = LegalRef(
        "101/2024/NĐ-CP", kind="Nghị định", article="(sector rule)", confidence="reported"
    )
    moved = pause_for_financial_obligation(
        e3,  # type: ignore[arg-type]
        requested_at=asked,
        completed_at=paid,
        excluded_from_limit=True,
        legal_ref=ref,
    )
    # working days 12, 13, 16/3 paused -> due 23/3 + 3 working days = Thu 26/3
    assert moved.due_date == date(2026, 3, 26)
    assert moved.history[-1].kind is ChangeKind.PAUSE
    assert "101/2024/NĐ-CP" in moved.history[-1].reason


@pytest.mark.parametrize(
    ("accepted", "duration", "asked", "paid", "due_at"),
    [
        # 15 ngày from 11/3 -> 26/3; 2 days paused -> 28/3 (Sat) -> Mon 30/3
        (
            vn(2026, 3, 11, 10),
            Duration.calendar_days(15),
            vn(2026, 3, 12, 9),
            vn(2026, 3, 14, 9),
            vn(2026, 3, 30, 17),
        ),
        # 8 giờ làm việc from Mon 10:00 -> Tue 10:00; 11:00-13:30 pause = 1 working hour -> 11:00
        (
            vn(2026, 3, 9, 10),
            Duration.working_hours(8),
            vn(2026, 3, 9, 11),
            vn(2026, 3, 9, 13, 30),
            vn(2026, 3, 10, 11),
        ),
        # 24 giờ from Mon 16:00 -> Tue 16:00; 2 h paused -> Tue 18:00
        (
            vn(2026, 3, 9, 16),
            Duration.clock_hours(24),
            vn(2026, 3, 9, 17),
            vn(2026, 3, 9, 19),
            vn(2026, 3, 10, 18),
        ),
        # a pause entirely outside office hours moves nothing
        (
            vn(2026, 3, 9, 10),
            Duration.working_hours(8),
            vn(2026, 3, 9, 18),
            vn(2026, 3, 9, 20),
            vn(2026, 3, 10, 10),
        ),
    ],
)
def test_financial_pause_per_unit(
    accepted: datetime, duration: Duration, asked: datetime, paid: datetime, due_at: datetime
) -> None:
    d = compute_deadline(accepted, duration)
    moved = pause_for_financial_obligation(
        d, requested_at=asked, completed_at=paid, excluded_from_limit=True
    )
    assert moved.due_at == due_at


def test_financial_pause_refusals(e3: object) -> None:
    with pytest.raises(InvalidEvent):
        pause_for_financial_obligation(
            e3, requested_at=vn(2026, 3, 12), completed_at=vn(2026, 3, 11), excluded_from_limit=True
        )  # type: ignore[arg-type]
    with pytest.raises(InvalidEvent):
        pause_for_financial_obligation(
            e3, requested_at=vn(2026, 3, 1), completed_at=vn(2026, 3, 11), excluded_from_limit=True
        )  # type: ignore[arg-type]
    with pytest.raises(NaiveDatetimeError):
        pause_for_financial_obligation(
            e3,
            requested_at=datetime(2026, 3, 12),
            completed_at=vn(2026, 3, 13),
            excluded_from_limit=True,
        )  # type: ignore[arg-type]


def test_closing_date_refusals() -> None:
    with pytest.raises(NaiveDatetimeError):
        supplement_closing_date(datetime(2026, 3, 11, 9))
    for bad in (0, -1, True, 1.5):
        with pytest.raises(DurationError):
            supplement_closing_date(date(2026, 3, 11), days=bad)  # type: ignore[arg-type]
    with pytest.raises(DurationError):
        supplement_closing_date(date(2026, 3, 11), days=10**9)
    with pytest.raises(InputTypeError):
        supplement_closing_date("2026-03-11")  # type: ignore[arg-type]


_instants = st.datetimes(min_value=datetime(2016, 1, 1), max_value=datetime(2034, 1, 1)).map(
    lambda d: d.replace(tzinfo=VN_TZ)
)


@settings(max_examples=50, deadline=None)
@given(
    _instants,
    st.integers(min_value=0, max_value=60 * 24 * 60),
    st.sampled_from(
        [
            Duration.working_days(10),
            Duration.calendar_days(15),
            Duration.months(2),
            Duration.working_hours(12),
            Duration.clock_hours(24),
            Duration.same_day(),
        ]
    ),
)
def test_a_restart_never_shortens_the_total_time(
    accepted: datetime, minutes: int, duration: Duration
) -> None:
    first = compute_deadline(accepted, duration)
    again = restart_after_supplement(first, accepted + timedelta(minutes=minutes))
    assert again.due_date >= first.due_date
    assert again.due_at >= first.due_at
    assert again.original_due_date == first.due_date
    if duration.unit.value != "clock_hour":
        assert civil_service_calendar().is_working_day(again.due_date)


# --- exact results and refusals -------------------------------------------------------------------


def test_extension_by_a_duration_records_the_request_day_at_midnight() -> None:
    deadline = _deadline()
    moved = extend(
        deadline, requested_on=D(2026, 3, 13), new_duration_or_due=Duration.working_days(2)
    )
    assert moved.due_date == D(2026, 3, 18)
    assert moved.due_at == dt.datetime(2026, 3, 18, 17, 0, tzinfo=VN_TZ)
    assert moved.extended is True
    change = moved.history[-1]
    assert change.kind is ChangeKind.EXTENSION
    assert change.at == dt.datetime(2026, 3, 13, 0, 0, tzinfo=VN_TZ)
    assert change.at.utcoffset() == dt.timedelta(hours=7)
    assert change.previous_due_date == D(2026, 3, 16)
    assert change.new_due_date == D(2026, 3, 18)
    assert change.rule.id == "extension"
    assert change.reason == ""


def test_extension_to_a_date_and_a_late_request_when_allowed() -> None:
    deadline = _deadline()
    moved = extend(
        deadline, requested_on=D(2026, 3, 16), new_duration_or_due=D(2026, 3, 18), allow_late=True
    )
    assert moved.due_date == D(2026, 3, 18)
    assert moved.due_at == dt.datetime(2026, 3, 18, 17, 0, tzinfo=VN_TZ)
    assert moved.history[-1].reason == "thông báo muộn (late notice): 16/03/2026, latest 13/03/2026"
    assert moved.history[-1].at == dt.datetime(2026, 3, 16, 0, 0, tzinfo=VN_TZ)


def test_extension_refusals_are_exact() -> None:
    deadline = _deadline()
    moved = extend(deadline, requested_on=D(2026, 3, 13), new_duration_or_due=D(2026, 3, 17))
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(moved, requested_on=D(2026, 3, 13), new_duration_or_due=D(2026, 3, 18))
    assert info.value.message == (
        "Gia hạn (extension) not allowed: the return date was already re-set once "
        "(Decree 118/2025 Art. 19.6: không quá một lần)"
    )
    assert info.value.context == {"reason": "already_extended", "due_date": D(2026, 3, 17)}
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(deadline, requested_on=D(2026, 3, 14), new_duration_or_due=D(2026, 3, 18))
    assert info.value.message == (
        "Gia hạn (extension) not allowed: requested on 14/03/2026, later than 13/03/2026, one "
        "working day before the due date 16/03/2026 (Decree 118/2025 Art. 19.6: chậm nhất 01 "
        "ngày trước ngày hết hạn)"
    )
    assert info.value.context == {
        "reason": "too_late",
        "latest": D(2026, 3, 13),
        "due_date": D(2026, 3, 16),
    }
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(deadline, requested_on=D(2026, 3, 12), new_duration_or_due=D(2026, 3, 16))
    assert info.value.message == (
        "Gia hạn (extension): the new due date 16/03/2026 is not after the current one 16/03/2026"
    )
    assert info.value.context == {"reason": "not_later", "due_date": D(2026, 3, 16)}
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(deadline, requested_on=D(2026, 3, 12), new_duration_or_due=D(2026, 3, 21))
    assert info.value.message == (
        "Gia hạn (extension): the new due date 21/03/2026 is not a working day"
    )
    assert info.value.context == {"reason": "not_a_working_day", "new_due_date": D(2026, 3, 21)}
    with pytest.raises(DurationError) as info:
        extend(deadline, requested_on=D(2026, 3, 12), new_duration_or_due=Duration.same_day())
    assert info.value.context == {"unit": "same_day"}
    assert info.value.message.startswith("Gia hạn (extension): ")
    assert info.value.message.endswith(" is not an amount of extra time")
    with pytest.raises(InputTypeError) as info:
        extend(deadline, requested_on=D(2026, 3, 12), new_duration_or_due=ACCEPTED)  # type: ignore[arg-type]
    assert info.value.message == (
        "Gia hạn (extension): new_duration_or_due must be a Duration or a datetime.date, got "
        "datetime"
    )
    assert info.value.context == {"argument": "new_duration_or_due"}
    with pytest.raises(InputTypeError) as info:
        extend(deadline, requested_on="2026-03-12", new_duration_or_due=D(2026, 3, 18))  # type: ignore[arg-type]
    assert info.value.context["argument"] == "requested_on"


def test_extension_uses_the_calendar_passed() -> None:
    deadline = _deadline()
    closed = civil_service_calendar().with_days_off(
        [D(2026, 3, 17)],
        name_vi="Nghỉ",
        name_en="Closed",
        legal_ref=civil_service_calendar().day_info(D(2026, 4, 30)).legal_ref,  # type: ignore[arg-type]
    )
    moved = extend(
        deadline,
        requested_on=D(2026, 3, 13),
        new_duration_or_due=Duration.working_days(1),
        calendar=closed,
    )
    assert moved.due_date == D(2026, 3, 18)  # 17/3 closed on that calendar
    with pytest.raises(ExtensionNotAllowed):
        extend(
            deadline,
            requested_on=D(2026, 3, 13),
            new_duration_or_due=D(2026, 3, 17),
            calendar=closed,
        )


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: restart_after_supplement("H29", ACCEPTED), (InputTypeError, "Thời hạn (deadline): expected a Deadline, got str", {"argument": "deadline", "got": "str"}, None)),
        (lambda: restart_after_supplement(_deadline(), NAIVE), _naive("supplement_received_at")),
        (lambda: restart_after_supplement(_deadline(), EARLY), (InvalidEvent, f"Thời điểm (instant): supplement_received_at=2026-03-09T08:00:00+07:00 {BEFORE}", {"argument": "supplement_received_at"}, None)),
        (lambda: switch_to_alternative(_deadline(), WD(10), recorded_at=NAIVE), _naive("recorded_at")),
        (lambda: switch_to_alternative(_deadline(), WD(10), recorded_at=EARLY), (InvalidEvent, f"Thời điểm (instant): recorded_at=2026-03-09T08:00:00+07:00 {BEFORE}", {"argument": "recorded_at"}, None)),
        (lambda: switch_to_alternative(_deadline(), 10, recorded_at=ACCEPTED), (InputTypeError, "Thời hạn theo điều kiện (conditional limit): expected an Alternative or a Duration, got int", {"argument": "alternative"}, None)),
        (lambda: switch_to_alternative(_deadline(), WD(3), recorded_at=ACCEPTED), (DurationError, "Thời hạn theo điều kiện (conditional limit) 3 ngày làm việc ends 2026-03-12T17:00:00+07:00, before the current limit's due 2026-03-16T17:00:00+07:00", {"argument": "alternative", "alternative": "3 ngày làm việc", "current": "5 ngày làm việc"}, "a conditional limit replaces the base one only when it is longer")),
        (lambda: latest_extension_request("2026-03-16"), (InputTypeError, "Ngày (date): due must be a datetime.date, got str", {"argument": "due", "got": "str"}, DATE_HINT)),
        (lambda: _pay(requested_at=NAIVE), _naive("requested_at")),
        (lambda: _pay(completed_at=NAIVE), _naive("completed_at")),
        (lambda: _pay(requested_at=EARLY), (InvalidEvent, f"Thời điểm (instant): requested_at=2026-03-09T08:00:00+07:00 {BEFORE}", {"argument": "requested_at"}, None)),
        (lambda: _pay(requested_at=ACCEPTED + dt.timedelta(hours=2), completed_at=ACCEPTED + dt.timedelta(hours=1)), (InvalidEvent, "Nghĩa vụ tài chính (financial obligation): completed_at=2026-03-09T10:00:00+07:00 is before requested_at=2026-03-09T11:00:00+07:00", {"argument": "completed_at"}, None)),
        (lambda: supplement_closing_date(NAIVE), _naive("notified_at")),
        (lambda: supplement_closing_date("2026-03-10"), (InputTypeError, "Ngày (date): notified_at must be a datetime.date, got str", {"argument": "notified_at", "got": "str"}, DATE_HINT)),
        (lambda: supplement_closing_date(D(2026, 3, 10), days=0), (DurationError, "Thời hạn bổ sung (supplement period): days must be a positive integer, got 0", {"argument": "days"}, None)),
        (lambda: supplement_closing_date(D(2026, 3, 10), days=10**7), (DurationError, "Thời hạn (duration): 10000000 ngày from 2026-03-10 is beyond the calendar", {"days": 10**7}, None)),
    ],
)  # fmt: skip
def test_lifecycle_refusals_are_exact(
    call: object, expected: tuple[type[Exception], str, dict[str, object], str | None]
) -> None:
    error, message, context, hint = expected
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    assert info.value.message == message  # type: ignore[attr-defined]
    assert info.value.context == context  # type: ignore[attr-defined]
    assert info.value.hint == hint  # type: ignore[attr-defined]


def test_boundaries_of_the_lifecycle_functions() -> None:
    base = _deadline()
    # 9999 is reached by the month arithmetic: the calendar, not the year limit, refuses it
    with pytest.raises(CalendarRangeError):
        compute_deadline(ACCEPTED, Duration.months((9999 - 2026) * 12))
    assert compute_deadline(ACCEPTED, Duration.months(1)).rule.id == "months"
    assert compute_deadline(ACCEPTED, Duration.calendar_days(1)).rule.id == "calendar_days"
    # a conditional limit equal to the current one is accepted (not "shorter")
    same = switch_to_alternative(base, WD(5), recorded_at=ACCEPTED)
    assert same.due_date == base.due_date
    (change,) = same.history
    assert (change.at, change.new_due_date, change.reason) == (ACCEPTED, base.due_date, "")
    assert change.previous_due_at == base.due_at
    # paying at the very instant it was asked for is allowed: nothing to exclude
    assert _pay().due_date == base.due_date  # type: ignore[attr-defined]
    assert supplement_closing_date(D(2026, 3, 10), days=1) == D(2026, 3, 11)
    # finished on the report date: judged as finished
    assert classify(base, ACCEPTED, as_of=ACCEPTED) is Timeliness.EARLY
    assert classify(D(2026, 3, 9), ACCEPTED, as_of=ACCEPTED) is Timeliness.ON_TIME
    assert working_time_between(ACCEPTED, ACCEPTED) == dt.timedelta(0)


def test_lifecycle_functions_use_the_calendar_passed() -> None:
    storm = civil_service_calendar().with_days_off(
        [D(2026, 3, 13)],  # a province closes its offices on Fri 13/3/2026 (illustrative)
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=counting_rule("extension").legal_refs[0],
    )
    base = _deadline()  # computed on the national calendar: due Mon 16/3
    assert latest_extension_request(base) == D(2026, 3, 13)
    assert latest_extension_request(base, calendar=storm) == D(2026, 3, 12)
    assert latest_extension_request(D(2026, 3, 16), calendar=storm) == D(2026, 3, 12)
    # 5 working days from 9/3 without 13/3: 10, 11, 12, 16, 17
    assert restart_after_supplement(base, ACCEPTED, calendar=storm).due_date == D(2026, 3, 17)
    assert restart_after_supplement(base, ACCEPTED).due_date == D(2026, 3, 16)
    switched = switch_to_alternative(base, WD(6), recorded_at=ACCEPTED, calendar=storm)
    assert switched.due_date == D(2026, 3, 18)
    assert switch_to_alternative(base, WD(6), recorded_at=ACCEPTED).due_date == D(2026, 3, 17)
    # a pause from Thu 12/3 to Mon 16/3 lasts one working day on the storm calendar, two else
    kw = {
        "requested_at": dt.datetime(2026, 3, 12, 9, tzinfo=VN_TZ),
        "completed_at": dt.datetime(2026, 3, 16, 9, tzinfo=VN_TZ),
        "excluded_from_limit": True,
    }
    paused = pause_for_financial_obligation(base, calendar=storm, **kw)  # type: ignore[arg-type]
    assert paused.due_date == D(2026, 3, 17)
    assert paused.calendar is storm
    assert pause_for_financial_obligation(base, **kw).due_date == D(2026, 3, 18)  # type: ignore[arg-type]
    # 15 days from 26/2 end on Fri 13/3; closed, so the period ends Mon 16/3 (BLDS Art. 148.5)
    assert supplement_closing_date(D(2026, 2, 26), calendar=storm) == D(2026, 3, 16)
    assert supplement_closing_date(D(2026, 2, 26)) == D(2026, 3, 13)
    hours = OfficeHours(((dt.time(8), dt.time(12)),))
    end = dt.datetime(2026, 3, 17, 9, tzinfo=VN_TZ)
    # 9/3 09:00-12:00, 10-12/3 and 16/3 in full (4 h each), 17/3 08:00-09:00
    assert working_time_between(ACCEPTED, end, calendar=storm, office_hours=hours) == dt.timedelta(
        hours=3 + 4 * 4 + 1
    )
    assert working_time_between(ACCEPTED, end, office_hours=hours) == dt.timedelta(hours=24)
    assert working_time_between(ACCEPTED, end, calendar=storm) == dt.timedelta(
        hours=6.5 + 8 * 4 + 1.5  # default windows 07:30-11:30, 13:00-17:00
    )


def test_payment_pause_in_the_limit_own_terms() -> None:
    # from Mon 9/3/2026 09:00, default windows 07:30-11:30 and 13:00-17:00
    # 8 working hours end Tue 10/3 09:00; 10:00-14:00 holds 2.5 working hours: 11:30
    base, moved = _paused(Duration.working_hours(8), (9, 10), (9, 14))
    assert (base.due_at, moved.due_at, moved.due_date) == (
        at(10, 9),
        at(10, 11, 30),
        D(2026, 3, 10),
    )
    # a pause inside the lunch break holds no working time: nothing moves
    _, same = _paused(Duration.working_hours(8), (9, 12), (9, 12, 30))
    assert same.due_at == at(10, 9)
    # 1,5 working days (12 working hours) end 10/3 14:30; the same pause moves them to 17:00
    base, moved = _paused(Duration.working_days("1,5"), (9, 10), (9, 14))
    assert (base.due_at, moved.due_at) == (at(10, 14, 30), at(10, 17))
    # 10 calendar days end 19/3; two days of pause give Sat 21/3, rolled to Mon 23/3 (Art. 148.5)
    base, moved = _paused(Duration.calendar_days(10), (10, 10), (12, 14))
    assert (base.due_date, moved.due_date, moved.due_at) == (
        D(2026, 3, 19),
        D(2026, 3, 23),
        at(23, 17),
    )
    # clock hours move by the elapsed time
    base, moved = _paused(Duration.clock_hours(24), (9, 10), (9, 14))
    assert (base.due_at, moved.due_at) == (at(10, 9), at(10, 13))
    # whole working days move by whole working days: a few hours inside one day move nothing
    _, same = _paused(WD(5), (9, 10), (9, 14))
    assert same.due_at == at(16, 17)
    _, moved = _paused(WD(5), (10, 10), (12, 14))
    assert (moved.due_date, moved.due_at, moved.skipped_after) == (
        D(2026, 3, 18),
        at(18, 17),
        D(2026, 3, 9),
    )
    assert [info.date for info in moved.skipped] == [D(2026, 3, 14), D(2026, 3, 15)]
    change = moved.history[-1]
    assert (change.at, change.new_due_date, change.previous_due_at) == (
        at(12, 14),
        D(2026, 3, 18),
        at(16, 17),
    )


def test_payment_pause_history_names_the_sector_law() -> None:
    sector = counting_rule("extension").legal_refs[0]
    base = _deadline()
    moved = pause_for_financial_obligation(
        base, requested_at=at(10, 10), completed_at=at(12, 14), excluded_from_limit=True,
        legal_ref=sector,
    )  # fmt: skip
    reason = f"10/03/2026 10:00 – 12/03/2026 14:00 ({sector.cite()})"
    assert moved.history[-1].reason == reason
    assert moved.explain().split("\n")[-1] == (
        "Lịch sử (history): Không tính thời gian thực hiện nghĩa vụ tài chính Thứ Năm 12/03/2026 14:00 — hạn cũ (previous due) 16/03/2026 → "
        f"18/03/2026 — {counting_rule('financial_pause').cite()} — {reason}"
    )
    plain = pause_for_financial_obligation(
        base, requested_at=at(10, 10), completed_at=at(12, 14), excluded_from_limit=True
    )
    assert plain.history[-1].reason == "10/03/2026 10:00 – 12/03/2026 14:00"
    # Decree 118/2025 itself does not stop the clock: unchanged without the sector flag
    assert (
        pause_for_financial_obligation(
            base, requested_at=at(10, 10), completed_at=at(12, 14), excluded_from_limit=False
        )
        is base
    )


def test_a_pause_into_a_projected_year_makes_the_due_date_provisional() -> None:
    start = dt.datetime(2026, 12, 21, 9, tzinfo=VN_TZ)
    base = compute_deadline(start, WD(5))
    assert (base.due_date, base.provisional) == (D(2026, 12, 28), False)
    moved = pause_for_financial_obligation(
        base,
        requested_at=start,
        completed_at=dt.datetime(2027, 1, 5, 9, tzinfo=VN_TZ),
        excluded_from_limit=True,
    )
    assert moved.due_date.year == 2027
    assert moved.provisional is True


def test_lifecycle_functions_default_to_the_deadline_calendar() -> None:
    storm = civil_service_calendar().with_days_off(
        [D(2026, 3, 13)],
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=counting_rule("extension").legal_refs[0],
    )
    base = compute_deadline(ACCEPTED, WD(5), calendar=storm)
    assert base.due_date == D(2026, 3, 17)  # 10, 11, 12, 16, 17
    assert restart_after_supplement(base, ACCEPTED).due_date == D(2026, 3, 17)
    assert latest_extension_request(base) == D(2026, 3, 16)


def test_a_pause_of_no_working_time_keeps_an_end_of_day_due() -> None:
    # 8 working hours from 07:30 end at 17:00 the same day; a pause inside the lunch break
    # holds no working time, so the due instant must not move to the next morning
    start = dt.datetime(2026, 3, 9, 7, 30, tzinfo=VN_TZ)
    base = compute_deadline(start, Duration.working_hours(8))
    assert base.due_at == at(9, 17)
    same = pause_for_financial_obligation(
        base, requested_at=at(9, 12), completed_at=at(9, 12, 30), excluded_from_limit=True
    )
    assert same.due_at == at(9, 17)


def test_an_alternative_after_an_extension() -> None:
    rule = parse_processing_time(CUTOFF_TEXT)
    # accepted 9/3 15:01: counted from 10/3, due 17/3; extended to 20/3 (Art. 19.6)
    base = compute_deadline(dt.datetime(2026, 3, 9, 15, 1, tzinfo=VN_TZ), rule)
    moved = extend(base, requested_on=D(2026, 3, 12), new_duration_or_due=D(2026, 3, 20))
    # the same limit: accepted, and the later date stands
    assert switch_to_alternative(moved, WD(5), recorded_at=at(12, 9)).due_date == D(2026, 3, 20)
    # a shorter one is refused, measured against the limit counted with the procedure's rule
    with pytest.raises(DurationError) as info:
        switch_to_alternative(moved, WD(4), recorded_at=at(12, 9))
    assert info.value.message.endswith("before the current limit's due 2026-03-17T17:00:00+07:00")
    # a projected year stays projected when the extended date stands
    start = dt.datetime(2026, 12, 21, 9, tzinfo=VN_TZ)
    late = extend(
        compute_deadline(start, WD(5)), requested_on=D(2026, 12, 24),
        new_duration_or_due=D(2027, 1, 5),
    )  # fmt: skip
    kept = switch_to_alternative(late, WD(6), recorded_at=start)
    assert (kept.due_date, kept.provisional) == (D(2027, 1, 5), True)
    # calendar days: the days off listed stay those since the start
    days = compute_deadline(ACCEPTED, Duration.calendar_days(10))
    assert (days.due_date, days.skipped) == (D(2026, 3, 19), ())
    days = extend(days, requested_on=D(2026, 3, 18), new_duration_or_due=D(2026, 3, 23))
    weekend_days = [D(2026, 3, 14), D(2026, 3, 15), D(2026, 3, 21), D(2026, 3, 22)]
    assert [info.date for info in days.skipped] == weekend_days
    switched = switch_to_alternative(days, Duration.calendar_days(11), recorded_at=at(12, 9))
    assert switched.due_date == D(2026, 3, 23)
    assert [info.date for info in switched.skipped] == weekend_days
