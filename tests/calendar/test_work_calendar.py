"""WorkCalendar (``tthc.calendar``): the arithmetic, the queries, strict mode, derived calendars.

Most tests use a small hand-made calendar checked against a brute-force model, on the first and
last day of its range and on the boundary of ``confirmed_through`` (strict mode), with the exact
context of every error (its ``date``, ``edge``, ``first_day``, ``last_day``, the argument name).
The small calendar is a synthetic fixture (not a legal fact): Mon 5/1/2026 – Sun 15/2/2026, a
weekday off on Wed 14/1, a make-up Saturday on 17/1, a local closure on Fri 30/1, confirmed
through Sat 31/1. Properties (hypothesis) and bad input are also checked on the national
calendar, ``NATIONAL``.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.calendar import DayInfo, DayKind, WorkCalendar, civil_service_calendar
from tthc.errors import CalendarRangeError, InputTypeError, ProvisionalCalendarError
from tthc.legal import LegalRef

NATIONAL = civil_service_calendar()

D = dt.date
FIRST = D(2026, 1, 5)  # Monday
LAST = D(2026, 2, 15)  # Sunday
CONFIRMED = D(2026, 1, 31)  # Saturday
REF = LegalRef("01/QĐ-TEST", kind="Quyết định", issuer="Test")
OFF = D(2026, 1, 14)
MAKE_UP = D(2026, 1, 17)
CLOSED = D(2026, 1, 30)
RANGE_HINT = "tthc only answers for dates its calendar covers; pass dates inside the range"
PROVISIONAL_HINT = (
    "use a non-strict calendar (answers are marked provisional) or add the official "
    "announcement to the calendar data"
)


def _special() -> dict[dt.date, DayInfo]:
    return {
        OFF: DayInfo(OFF, DayKind.PUBLIC_HOLIDAY, False, "Nghỉ", "Off", REF),
        MAKE_UP: DayInfo(MAKE_UP, DayKind.MAKE_UP_WORKING_DAY, True, "Làm bù", "Make-up", REF),
        CLOSED: DayInfo(CLOSED, DayKind.LOCAL_CLOSURE, False, "Bão", "Storm", REF),
    }


def _calendar(*, strict: bool = False) -> WorkCalendar:
    return WorkCalendar(
        name="test",
        first_day=FIRST,
        last_day=LAST,
        confirmed_through=CONFIRMED,
        data_version="t1",
        special_days=_special(),
        weekly_rest_names=("Nghỉ tuần", "Rest", REF),
        strict=strict,
    )


CAL = _calendar()


STRICT = _calendar(strict=True)


@pytest.fixture(autouse=True)
def _fresh_calendars() -> None:
    # build the calendars inside each test, so that mutation testing sees the constructor run
    global CAL, STRICT  # noqa: PLW0603
    CAL = _calendar()
    STRICT = _calendar(strict=True)


DAYS = [FIRST + dt.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]


def _working(day: dt.date) -> bool:
    if day in (OFF, CLOSED):
        return False
    if day == MAKE_UP:
        return True
    return day.weekday() < 5


WORKING = [d for d in DAYS if _working(d)]


def _model_add(day: dt.date, n: int) -> dt.date | None:
    """Brute force: the n-th working day after (n > 0) / before (n < 0) day; None if outside."""
    if n == 0:
        later = [d for d in WORKING if d >= day]
        return later[0] if later else None
    if n > 0:
        later = [d for d in WORKING if d > day]
        return later[n - 1] if len(later) >= n else None
    earlier = [d for d in WORKING if d < day]
    return earlier[n] if len(earlier) >= -n else None


def _model_between(a: dt.date, b: dt.date) -> int:
    if a <= b:
        return sum(1 for d in WORKING if a < d <= b)
    return -_model_between(b, a)


# --- the arithmetic against the brute-force model -------------------------------------------------


def test_is_working_day_on_every_day_including_both_edges() -> None:
    assert [CAL.is_working_day(d) for d in DAYS] == [_working(d) for d in DAYS]
    assert CAL.is_working_day(FIRST) is True
    assert CAL.is_working_day(LAST) is False
    assert CAL.is_working_day(OFF) is False
    assert CAL.is_working_day(MAKE_UP) is True


def test_add_working_days_matches_the_model_everywhere() -> None:
    for day, n in itertools.product(DAYS, range(-7, 8)):
        expected = _model_add(day, n)
        if expected is None:
            with pytest.raises(CalendarRangeError) as info:
                CAL.add_working_days(day, n)
            err = info.value
            assert err.context == {
                "date": day,
                "edge": FIRST if n < 0 else LAST,
                "first_day": FIRST,
                "last_day": LAST,
            }
            assert (
                err.hint == "count fewer working days or from a date further from the range's edge"
            )
            assert err.message == (
                "Ngày ngoài phạm vi lịch (date outside the calendar range): the result of "
                f"counting from {day.isoformat()} falls outside 2026-01-05 – 2026-02-15"
            )
        else:
            assert CAL.add_working_days(day, n) == expected, (day, n)


def test_add_working_days_near_the_first_day() -> None:
    # the first day is a working day: n = 0 returns it, n = -1 from the next day returns it
    assert CAL.add_working_days(FIRST, 0) == FIRST
    assert CAL.add_working_days(FIRST, 1) == D(2026, 1, 6)
    assert CAL.add_working_days(D(2026, 1, 6), -1) == FIRST
    assert CAL.previous_working_day(D(2026, 1, 6)) == FIRST
    assert CAL.next_working_day(FIRST) == D(2026, 1, 6)
    with pytest.raises(CalendarRangeError) as info:
        CAL.add_working_days(FIRST, -1)
    assert info.value.context["edge"] == FIRST
    # the last working day of the range, then nothing after it
    assert CAL.add_working_days(D(2026, 2, 12), 1) == D(2026, 2, 13)
    assert CAL.add_working_days(LAST, -1) == D(2026, 2, 13)
    assert CAL.add_working_days(LAST, -2) == D(2026, 2, 12)
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days(D(2026, 2, 13), 1)
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days(LAST, 0)


def test_working_days_between_matches_the_model_for_every_pair() -> None:
    for a, b in itertools.product(DAYS, DAYS):
        assert CAL.working_days_between(a, b) == _model_between(a, b), (a, b)


def test_working_day_ordinal_counts_working_days_up_to_the_day() -> None:
    for day in DAYS:
        assert CAL.working_day_ordinal(day) == sum(1 for d in WORKING if d <= day), day
    assert CAL.working_day_ordinal(FIRST) == 1


def test_arguments_that_are_not_plain_dates_go_through_validation() -> None:
    class MyDate(dt.date):
        pass

    mine = MyDate(2026, 1, 6)
    assert CAL.is_working_day(mine) is True
    assert CAL.add_working_days(mine, 1) == D(2026, 1, 7)

    class MyInt(int):
        pass

    assert CAL.add_working_days(FIRST, MyInt(1)) == D(2026, 1, 6)
    assert CAL.working_days_between(mine, D(2026, 1, 9)) == 3
    for call, argument in (
        (lambda: CAL.is_working_day("2026-01-06"), "day"),
        (lambda: CAL.add_working_days("2026-01-06", 1), "day"),
        (lambda: CAL.add_working_days(FIRST, "1"), "n"),
        (lambda: CAL.add_working_days(FIRST, True), "n"),
        (lambda: CAL.working_days_between("x", FIRST), "start"),
        (lambda: CAL.working_days_between(FIRST, "x"), "end"),
        (lambda: CAL.working_day_ordinal("x"), "day"),
        (lambda: CAL.day_info("x"), "day"),
    ):
        with pytest.raises(InputTypeError) as info:
            call()
        assert info.value.context["argument"] == argument


def test_range_errors_name_the_argument_and_the_range() -> None:
    before, after = D(2026, 1, 4), D(2026, 2, 16)
    cases = [
        (lambda: CAL.is_working_day(before), "day", before),
        (lambda: CAL.is_working_day(after), "day", after),
        (lambda: CAL.add_working_days(before, 1), "day", before),
        (lambda: CAL.add_working_days(after, -1), "day", after),
        (lambda: CAL.working_days_between(before, FIRST), "start", before),
        (lambda: CAL.working_days_between(FIRST, after), "end", after),
        (lambda: CAL.working_day_ordinal(after), "day", after),
        (lambda: CAL.is_provisional(after), "day", after),
        (lambda: CAL.is_provisional(before), "day", before),
        (lambda: CAL.day_info(before), "day", before),
    ]
    for call, what, day in cases:
        with pytest.raises(CalendarRangeError) as info:
            call()
        err = info.value
        assert err.message == (
            "Ngày ngoài phạm vi lịch (date outside the calendar range): "
            f"{what} {day:%d/%m/%Y} is outside 05/01/2026 – 15/02/2026"
        )
        assert err.hint == RANGE_HINT
        assert err.context == {"date": day, "first_day": FIRST, "last_day": LAST}


# --- strict mode at the confirmed_through boundary --------------------------------------------------


def test_strict_calendar_answers_up_to_confirmed_through_and_refuses_after() -> None:
    assert STRICT.is_working_day(D(2026, 1, 29)) is True
    assert STRICT.is_working_day(CONFIRMED) is False
    assert STRICT.working_days_between(FIRST, CONFIRMED) == _model_between(FIRST, CONFIRMED)
    assert STRICT.add_working_days(D(2026, 1, 28), 1) == D(2026, 1, 29)
    assert STRICT.add_working_days(FIRST, 0) == FIRST
    assert STRICT.working_day_ordinal(FIRST) == 1
    after = D(2026, 2, 1)
    for call in (
        lambda: STRICT.is_working_day(after),
        lambda: STRICT.add_working_days(after, -1),
        lambda: STRICT.working_days_between(FIRST, after),
        lambda: STRICT.day_info(after),
    ):
        with pytest.raises(ProvisionalCalendarError) as info:
            call()
        err = info.value
        assert err.context == {"date": after, "confirmed_through": CONFIRMED}
        assert err.hint == PROVISIONAL_HINT
        assert err.message == (
            "Lịch chưa được công bố chính thức (projected calendar year): 2026-02-01 lies "
            "after 2026-01-31, the last date covered by official announcements"
        )
    # a result after confirmed_through is refused too, naming the result date
    with pytest.raises(ProvisionalCalendarError) as info:
        STRICT.add_working_days(D(2026, 1, 29), 1)  # 30/1 closed, 31/1 Saturday: 2/2
    assert info.value.context == {"date": D(2026, 2, 2), "confirmed_through": CONFIRMED}
    # outside the range is still a range error, not a provisional one
    with pytest.raises(CalendarRangeError):
        STRICT.is_working_day(D(2027, 1, 1))
    with pytest.raises(CalendarRangeError):
        STRICT.add_working_days(FIRST, -1)


def test_strict_with_confirmed_through_before_or_after_the_range() -> None:
    before = WorkCalendar(
        name="b", first_day=FIRST, last_day=LAST, confirmed_through=D(2025, 12, 31),
        data_version="t", special_days={}, strict=True,
    )  # fmt: skip
    with pytest.raises(ProvisionalCalendarError):
        before.is_working_day(FIRST)
    with pytest.raises(ProvisionalCalendarError):
        before.add_working_days(FIRST, 0)
    assert before.with_strict(False).add_working_days(FIRST, 0) == FIRST
    after = WorkCalendar(
        name="a", first_day=FIRST, last_day=LAST, confirmed_through=D(2030, 1, 1),
        data_version="t", special_days={}, strict=True,
    )  # fmt: skip
    assert after.add_working_days(FIRST, 29) == D(2026, 2, 13)
    assert after.is_working_day(LAST) is False
    assert after.is_provisional(LAST) is False


def test_with_strict_switches_both_ways_and_keeps_the_rest() -> None:
    assert CAL.with_strict(False) is CAL
    strict = CAL.with_strict()
    assert strict.strict is True
    assert strict == STRICT
    assert hash(strict) == hash(STRICT)
    assert strict.add_working_days(D(2026, 1, 28), 1) == D(2026, 1, 29)
    with pytest.raises(ProvisionalCalendarError):
        strict.add_working_days(D(2026, 1, 29), 1)
    loose = strict.with_strict(False)
    assert loose.strict is False
    assert loose.add_working_days(D(2026, 1, 29), 1) == D(2026, 2, 2)
    assert loose == CAL
    assert CAL != STRICT
    assert hash(CAL) != hash(STRICT)


def test_is_provisional_boundary() -> None:
    assert CAL.is_provisional(CONFIRMED) is False
    assert CAL.is_provisional(D(2026, 2, 1)) is True
    assert CAL.is_provisional(FIRST) is False
    assert CAL.is_provisional(LAST) is True


# --- what a day is ----------------------------------------------------------------------------------


def test_day_info_of_each_kind() -> None:
    assert CAL.day_info(FIRST) == DayInfo(FIRST, DayKind.WORKING_DAY, True, "Thứ Hai", "Monday")
    assert CAL.day_info(D(2026, 1, 10)) == DayInfo(
        D(2026, 1, 10), DayKind.WEEKEND, False, "Thứ Bảy (Nghỉ tuần)", "Saturday (Rest)", REF
    )
    assert CAL.day_info(LAST) == DayInfo(
        LAST, DayKind.WEEKEND, False, "Chủ nhật (Nghỉ tuần)", "Sunday (Rest)", REF, True
    )
    assert CAL.day_info(D(2026, 2, 2)).provisional is True
    assert CAL.day_info(CONFIRMED).provisional is False
    assert CAL.day_info(OFF) == _special()[OFF]
    assert CAL.day_info(MAKE_UP).is_working_day is True


def test_non_working_days_iter_days_and_special_days() -> None:
    week = CAL.non_working_days(D(2026, 1, 12), D(2026, 1, 18))  # excludes the start
    assert [i.date for i in week] == [OFF, D(2026, 1, 18)]
    assert [i.date for i in CAL.non_working_days(D(2026, 1, 13), D(2026, 1, 14))] == [OFF]
    assert CAL.non_working_days(OFF, D(2026, 1, 15)) == ()
    days = list(CAL.iter_days(D(2026, 1, 13), D(2026, 1, 15)))
    assert [i.date for i in days] == [D(2026, 1, 13), OFF, D(2026, 1, 15)]
    assert [i.date for i in CAL.iter_days(FIRST, FIRST)] == [FIRST]
    assert [i.date for i in CAL.special_days()] == [OFF, MAKE_UP, CLOSED]
    assert [i.date for i in CAL.special_days(2026)] == [OFF, MAKE_UP, CLOSED]
    for year, shown in ((2025, D(2025, 1, 1)), (2027, D(2027, 1, 1)), (0, D(1, 1, 1))):
        with pytest.raises(CalendarRangeError) as info:
            CAL.special_days(year)
        assert info.value.context == {"date": shown, "first_day": FIRST, "last_day": LAST}
        assert "year " in info.value.message


def test_special_days_skips_entries_that_change_nothing() -> None:
    sat = D(2026, 1, 24)
    special = {**_special(), sat: DayInfo(sat, DayKind.PUBLIC_HOLIDAY, False, "x", "y", REF)}
    cal = WorkCalendar(
        name="t", first_day=FIRST, last_day=LAST, confirmed_through=CONFIRMED,
        data_version="t", special_days=special,
    )  # fmt: skip
    assert sat not in [i.date for i in cal.special_days()]
    assert cal.day_info(sat).name_vi == "x"


# --- building calendars -----------------------------------------------------------------------------


def test_constructor_checks() -> None:
    one = WorkCalendar(
        name="one", first_day=FIRST, last_day=FIRST, confirmed_through=FIRST,
        data_version="v", special_days={},
    )  # fmt: skip
    assert one.is_working_day(FIRST) is True
    assert one.first_day == FIRST
    assert one.last_day == FIRST
    assert one.confirmed_through == FIRST
    assert one.data_version == "v"
    assert one.strict is False
    with pytest.raises(CalendarRangeError) as info:
        WorkCalendar(
            name="x", first_day=FIRST, last_day=D(2026, 1, 4), confirmed_through=FIRST,
            data_version="v", special_days={},
        )  # fmt: skip
    assert info.value.message == "Phạm vi lịch (calendar range): last_day is before first_day"
    assert info.value.context == {"first_day": FIRST, "last_day": D(2026, 1, 4)}
    for day in (D(2026, 1, 4), D(2026, 2, 16)):
        with pytest.raises(CalendarRangeError) as info:
            WorkCalendar(
                name="x", first_day=FIRST, last_day=LAST, confirmed_through=FIRST,
                data_version="v", special_days={day: DayInfo(day, DayKind.PUBLIC_HOLIDAY, False, "a", "b")},
            )  # fmt: skip
        assert info.value.context == {"date": day, "first_day": FIRST, "last_day": LAST}
        assert "special day " in info.value.message
    edge = WorkCalendar(
        name="x", first_day=FIRST, last_day=LAST, confirmed_through=FIRST, data_version="v",
        special_days={LAST: DayInfo(LAST, DayKind.MAKE_UP_WORKING_DAY, True, "a", "b")},
    )  # fmt: skip
    assert edge.is_working_day(LAST) is True
    for name in ("first_day", "last_day", "confirmed_through"):
        kwargs = {"first_day": FIRST, "last_day": LAST, "confirmed_through": FIRST, name: "2026"}
        with pytest.raises(InputTypeError) as info:
            WorkCalendar(name="x", data_version="v", special_days={}, **kwargs)  # type: ignore[arg-type]
        assert info.value.context["argument"] == name


def test_derived_calendars_keep_everything_else() -> None:
    storm = D(2026, 1, 20)
    closed = STRICT.with_days_off(
        [storm], name_vi="Bão", name_en="Storm", legal_ref=REF, name="Tỉnh"
    )
    assert closed.name == "Tỉnh"
    assert closed.strict is True
    assert closed.first_day == FIRST
    assert closed.last_day == LAST
    assert closed.confirmed_through == CONFIRMED
    assert closed.data_version == "t1"
    assert closed.day_info(storm) == DayInfo(
        storm, DayKind.LOCAL_CLOSURE, False, "Bão", "Storm", REF
    )
    assert closed.day_info(D(2026, 1, 10)).name_en == "Saturday (Rest)"
    assert closed.working_days_between(D(2026, 1, 19), D(2026, 1, 21)) == 1
    assert STRICT.with_days_off([storm], name_vi="a", name_en="b", legal_ref=REF).name == "test"
    late = CAL.with_days_off([D(2026, 2, 3)], name_vi="a", name_en="b", legal_ref=REF)
    assert late.day_info(D(2026, 2, 3)).provisional is True
    assert (
        CAL.with_days_off([CONFIRMED], name_vi="a", name_en="b", legal_ref=REF)
        .day_info(CONFIRMED)
        .provisional
        is False
    )
    sat = D(2026, 1, 24)
    worked = CAL.with_working_days([sat], name_vi="Làm", name_en="Work", legal_ref=REF)
    assert worked.day_info(sat) == DayInfo(sat, DayKind.LOCAL_WORKING_DAY, True, "Làm", "Work", REF)
    assert worked.name == "test"
    with pytest.raises(InputTypeError) as info:
        CAL.with_days_off([storm], name_vi="a", name_en="b", legal_ref="QĐ 1")  # type: ignore[arg-type]
    assert info.value.context == {"argument": "legal_ref"}
    assert info.value.message.startswith("Căn cứ pháp lý (legal basis): legal_ref must be")
    with pytest.raises(InputTypeError) as info:
        CAL.with_days_off(storm, name_vi="a", name_en="b", legal_ref=REF)  # type: ignore[arg-type]
    assert info.value.context == {"argument": "days"}
    with pytest.raises(InputTypeError) as info:
        CAL.with_days_off(["2026-01-20"], name_vi="a", name_en="b", legal_ref=REF)  # type: ignore[list-item]
    assert info.value.context["argument"] == "days"
    with pytest.raises(CalendarRangeError) as info:
        CAL.with_days_off([D(2026, 3, 1)], name_vi="a", name_en="b", legal_ref=REF)
    assert info.value.context == {"date": D(2026, 3, 1), "first_day": FIRST, "last_day": LAST}
    with pytest.raises(InputTypeError) as info:
        CAL.with_days_off(
            [storm], name_vi="a", name_en="b", legal_ref=REF, kind=DayKind.MAKE_UP_WORKING_DAY
        )
    assert info.value.context == {"argument": "kind"}
    assert "make_up_working_day is a working kind" in info.value.message
    with pytest.raises(InputTypeError) as info:
        CAL.with_working_days(
            [sat], name_vi="a", name_en="b", legal_ref=REF, kind=DayKind.LOCAL_CLOSURE
        )
    assert info.value.context == {"argument": "kind"}
    assert "local_closure is not a working kind" in info.value.message


def test_slow_paths_agree_with_fast_paths_at_every_boundary() -> None:
    class MyDate(dt.date):
        pass

    # strict: confirmed_through itself is answered, the day after is refused (slow path too)
    assert STRICT.is_working_day(MyDate(2026, 1, 31)) is False
    assert STRICT.is_working_day(MyDate(2026, 1, 5)) is True
    with pytest.raises(ProvisionalCalendarError):
        STRICT.is_working_day(MyDate(2026, 2, 2))
    assert CAL.is_working_day(MyDate(2026, 2, 2)) is True  # non-strict: no refusal
    assert CAL.is_working_day(MyDate(2026, 1, 5)) is True
    assert CAL.add_working_days(MyDate(2026, 1, 5), 0) == FIRST
    with pytest.raises(CalendarRangeError):
        CAL.working_days_between(D(2026, 2, 16), FIRST)
    with pytest.raises(CalendarRangeError):
        CAL.working_days_between(FIRST, D(2026, 2, 16))
    assert CAL.working_days_between(FIRST, LAST) == len(WORKING) - 1
    assert CAL.working_days_between(LAST, FIRST) == 1 - len(WORKING)
    with pytest.raises(ProvisionalCalendarError):
        STRICT.working_days_between(D(2026, 2, 1), FIRST)
    with pytest.raises(ProvisionalCalendarError):
        STRICT.working_days_between(FIRST, D(2026, 2, 1))
    strict = CAL.with_strict()
    with pytest.raises(ProvisionalCalendarError):
        strict.is_working_day(D(2026, 2, 1))
    with pytest.raises(ProvisionalCalendarError):
        strict.add_working_days(D(2026, 2, 1), 0)
    assert strict.is_working_day(CONFIRMED) is False


def test_argument_names_in_every_query() -> None:
    for call, argument in (
        (lambda: CAL.is_provisional("x"), "day"),
        (lambda: CAL.non_working_days("x", LAST), "start"),
        (lambda: CAL.non_working_days(FIRST, "x"), "end"),
        (lambda: list(CAL.iter_days("x", LAST)), "start"),
        (lambda: list(CAL.iter_days(FIRST, "x")), "end"),
        (lambda: CAL.special_days("2026"), "year"),
    ):
        with pytest.raises(InputTypeError) as info:
            call()
        assert info.value.context["argument"] == argument
    with pytest.raises(CalendarRangeError) as info:
        CAL.special_days(10_000)
    assert info.value.context["date"] == D(9999, 1, 1)


def test_derived_calendars_keep_a_custom_weekly_rest_and_a_new_name() -> None:
    sundays_only = WorkCalendar(
        name="t", first_day=FIRST, last_day=LAST, confirmed_through=CONFIRMED,
        data_version="t", special_days={}, weekly_rest=frozenset({6}),
    )  # fmt: skip
    derived = sundays_only.with_days_off([OFF], name_vi="a", name_en="b", legal_ref=REF)
    assert derived.is_working_day(D(2026, 1, 10)) is True  # Saturday works here
    assert derived.weekly_rest == frozenset({6})
    worked = CAL.with_working_days(
        [D(2026, 1, 24)], name_vi="a", name_en="b", legal_ref=REF, name="Tỉnh"
    )
    assert worked.name == "Tỉnh"


def test_local_days_error_texts() -> None:
    with pytest.raises(InputTypeError) as info:
        CAL.with_days_off([OFF], name_vi="a", name_en="b", legal_ref=None)  # type: ignore[arg-type]
    assert info.value.message == (
        "Căn cứ pháp lý (legal basis): legal_ref must be a tthc.legal.LegalRef naming the "
        "decision that changes these days"
    )
    assert info.value.hint == (
        "e.g. LegalRef('1234/QĐ-UBND', kind='Quyết định', issuer='UBND TP Cần Thơ')"
    )
    with pytest.raises(InputTypeError) as info:
        CAL.with_days_off(OFF, name_vi="a", name_en="b", legal_ref=REF)  # type: ignore[arg-type]
    assert info.value.message == "Ngày (date): pass an iterable of dates, e.g. [date(2026, 10, 5)]"


def test_counting_in_calendars_with_few_working_days() -> None:
    sat, sun, mon = D(2026, 1, 3), D(2026, 1, 4), D(2026, 1, 5)
    # strict, confirmed through a Saturday that opens the range: the first working day (Monday)
    # is projected, so even n = 0 from Saturday is refused, naming Monday
    strict = WorkCalendar(
        name="s", first_day=sat, last_day=D(2026, 1, 9), confirmed_through=sat,
        data_version="t", special_days={}, strict=True,
    )  # fmt: skip
    with pytest.raises(ProvisionalCalendarError) as info:
        strict.add_working_days(sat, 0)
    assert info.value.context == {"date": mon, "confirmed_through": sat}
    # a weekend-only calendar has no working day to count to
    weekend = WorkCalendar(
        name="w", first_day=sat, last_day=sun, confirmed_through=sun,
        data_version="t", special_days={},
    )  # fmt: skip
    with pytest.raises(CalendarRangeError) as info:
        weekend.add_working_days(sat, 1)
    assert info.value.context["edge"] == sun
    with pytest.raises(CalendarRangeError) as info:
        weekend.add_working_days(sun, -1)
    assert info.value.context["edge"] == sat


# --- the national calendar: properties ------------------------------------------------------------


def naive_add(cal: WorkCalendar, day: dt.date, n: int) -> dt.date:
    """Day-by-day reference model of add_working_days (slow, obviously right)."""
    step = dt.timedelta(days=1 if n >= 0 else -1)
    if n == 0:
        while not cal.is_working_day(day):
            day += step
        return day
    remaining = abs(n)
    while remaining:
        day += step
        if cal.is_working_day(day):
            remaining -= 1
    return day


# Far enough from the range edges for +-40 working days (Tết 2015 alone takes 9 days).
dates = st.dates(min_value=D(2015, 4, 1), max_value=D(2035, 10, 1))


amounts = st.integers(min_value=-40, max_value=40)


# Far enough from both ends of the range for +-1200 working days (about five years).
middle_dates = st.dates(min_value=D(2021, 1, 1), max_value=D(2029, 12, 31))


@settings(max_examples=300, deadline=None)
@given(dates, amounts)
def test_matches_day_by_day_model(day: dt.date, n: int) -> None:
    assert NATIONAL.add_working_days(day, n) == naive_add(NATIONAL, day, n)


@settings(max_examples=300, deadline=None)
@given(middle_dates, st.integers(min_value=1, max_value=1200))
def test_between_inverts_add(day: dt.date, n: int) -> None:
    result = NATIONAL.add_working_days(day, n)
    assert NATIONAL.working_days_between(day, result) == n
    assert NATIONAL.is_working_day(result)
    assert result > day


@settings(max_examples=300, deadline=None)
@given(middle_dates, st.integers(min_value=-1200, max_value=1200))
def test_negative_is_inverse_on_working_days(day: dt.date, n: int) -> None:
    start = NATIONAL.add_working_days(day, 0)
    assert NATIONAL.add_working_days(NATIONAL.add_working_days(start, n), -n) == start


@settings(max_examples=300, deadline=None)
@given(middle_dates, middle_dates, st.integers(min_value=0, max_value=200))
def test_monotone(a: dt.date, b: dt.date, n: int) -> None:
    low, high = sorted((a, b))
    assert NATIONAL.add_working_days(low, n) <= NATIONAL.add_working_days(high, n)
    assert NATIONAL.add_working_days(low, n) <= NATIONAL.add_working_days(low, n + 1)
    assert NATIONAL.working_days_between(low, high) >= 0
    assert NATIONAL.working_days_between(a, b) == -NATIONAL.working_days_between(b, a)


# --- the national calendar: bad input -------------------------------------------------------------


@pytest.mark.parametrize("day", [D(2014, 12, 31), D(2036, 1, 1), D(1, 1, 1), D(9999, 12, 31)])
def test_out_of_range(day: dt.date) -> None:
    with pytest.raises(CalendarRangeError) as info:
        NATIONAL.is_working_day(day)
    assert info.value.code == "calendar.out_of_range"
    assert "01/01/2015" in str(info.value)
    assert "31/12/2035" in str(info.value)
    with pytest.raises(CalendarRangeError):
        NATIONAL.add_working_days(day, 1)
    with pytest.raises(CalendarRangeError):
        NATIONAL.working_days_between(D(2020, 1, 1), day)
    with pytest.raises(CalendarRangeError):
        NATIONAL.day_info(day)


def test_result_out_of_range() -> None:
    with pytest.raises(CalendarRangeError, match="result"):
        NATIONAL.add_working_days(D(2035, 12, 20), 30)
    with pytest.raises(CalendarRangeError, match="result"):
        NATIONAL.add_working_days(D(2015, 1, 10), -30)


@pytest.mark.parametrize("bad", [dt.datetime(2026, 4, 29, 10, 0), "2026-04-29", 20260429, None])
def test_wrong_date_types(bad: object) -> None:
    with pytest.raises(InputTypeError) as info:
        NATIONAL.is_working_day(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert info.value.code == "input.wrong_type"
    with pytest.raises(InputTypeError):
        NATIONAL.add_working_days(bad, 1)  # type: ignore[arg-type]


def test_datetime_message_says_what_to_do() -> None:
    with pytest.raises(InputTypeError, match=r"\.date\(\)"):
        NATIONAL.add_working_days(dt.datetime(2026, 4, 29, 10, 0), 1)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [1.5, "5", True, None])
def test_wrong_amount_types(bad: object) -> None:
    with pytest.raises(InputTypeError):
        NATIONAL.add_working_days(D(2026, 4, 29), bad)  # type: ignore[arg-type]


def test_special_days_year_out_of_range() -> None:
    with pytest.raises(CalendarRangeError):
        NATIONAL.special_days(2040)


def test_calendar_is_immutable() -> None:
    with pytest.raises(AttributeError):
        NATIONAL.strict = True  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del NATIONAL.name


def test_index_view_is_read_only() -> None:
    index = NATIONAL.index
    assert index.first_day == D(2015, 1, 1)
    # int32 buffers, as documented for vectorised readers (numpy.frombuffer(..., "i4"))
    assert (index.working.format, index.cumulative.format, index.nth.format) == ("B", "i", "i")
    assert index.cumulative.readonly
    assert len(index.working) == (D(2035, 12, 31) - D(2015, 1, 1)).days + 1
    assert index.nth[0] == (D(2015, 1, 5) - D(2015, 1, 1)).days
    with pytest.raises(TypeError):
        index.working[0] = 1  # type: ignore[index]


# --- the national calendar: local closures --------------------------------------------------------


STORM = LegalRef(
    document="Quyết định minh họa (illustrative)",
    kind="Quyết định",
    issuer="UBND tỉnh (ví dụ)",
    date=D(2026, 10, 4),
)


def test_with_days_off_returns_a_new_calendar() -> None:
    local = NATIONAL.with_days_off(
        [D(2026, 10, 5), D(2026, 10, 6)],
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=STORM,
        name="Cần Thơ",
    )
    assert NATIONAL.is_working_day(D(2026, 10, 5))  # the national calendar is unchanged
    assert not local.is_working_day(D(2026, 10, 5))
    assert local.day_info(D(2026, 10, 6)).kind is DayKind.LOCAL_CLOSURE
    assert local.day_info(D(2026, 10, 6)).legal_ref == STORM
    assert local.add_working_days(D(2026, 10, 2), 1) == D(2026, 10, 7)
    assert local.name == "Cần Thơ"
    assert local != NATIONAL


def test_with_working_days() -> None:
    local = NATIONAL.with_working_days(
        [D(2026, 10, 10)], name_vi="Làm bù", name_en="Make-up day", legal_ref=STORM
    )
    assert local.is_working_day(D(2026, 10, 10))
    assert local.day_info(D(2026, 10, 10)).kind is DayKind.LOCAL_WORKING_DAY
    assert local.working_days_between(D(2026, 10, 9), D(2026, 10, 12)) == 2


def test_local_days_bad_input() -> None:
    with pytest.raises(InputTypeError):
        NATIONAL.with_days_off(
            [D(2026, 10, 5)],
            name_vi="x",
            name_en="x",
            legal_ref="QĐ 1",  # type: ignore[arg-type]
        )
    with pytest.raises(InputTypeError):
        NATIONAL.with_days_off(D(2026, 10, 5), name_vi="x", name_en="x", legal_ref=STORM)  # type: ignore[arg-type]
    with pytest.raises(CalendarRangeError):
        NATIONAL.with_days_off([D(2040, 1, 2)], name_vi="x", name_en="x", legal_ref=STORM)
    with pytest.raises(InputTypeError):
        NATIONAL.with_days_off(
            [dt.datetime(2026, 10, 5)], name_vi="x", name_en="x", legal_ref=STORM
        )  # type: ignore[list-item]
    with pytest.raises(InputTypeError):
        NATIONAL.with_days_off(
            [D(2026, 10, 5)],
            name_vi="x",
            name_en="x",
            legal_ref=STORM,
            kind=DayKind.MAKE_UP_WORKING_DAY,
        )
    with pytest.raises(InputTypeError):
        NATIONAL.with_working_days(
            [D(2026, 10, 5)], name_vi="x", name_en="x", legal_ref=STORM, kind=DayKind.WEEKEND
        )
