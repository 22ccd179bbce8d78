"""The clock over a dossier's life: Decree 118/2025 Art. 19.4-19.6 (tthc_rules §3, §7 E4-E5)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc import VN_TZ
from tthc.calendar import civil_service_calendar
from tthc.deadlines import (
    ChangeKind,
    Duration,
    compute_deadline,
    extend,
    latest_extension_request,
    parse_processing_time,
    pause_for_financial_obligation,
    restart_after_supplement,
    supplement_closing_date,
    switch_to_alternative,
)
from tthc.errors import (
    DurationError,
    ExtensionNotAllowed,
    InputTypeError,
    InvalidEvent,
    NaiveDatetimeError,
)
from tthc.legal import LegalRef


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
    assert "Điều 19.5" in change.rule.cite()
    assert any("restart" in line for line in new.explain())
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
    assert "Điều 19.6" in extended.history[-1].rule.cite()
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
