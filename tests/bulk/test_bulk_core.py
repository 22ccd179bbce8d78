"""tthc.bulk: vectorised arithmetic identical to the scalar calendar, row by row."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.calendar import DayKind, WorkCalendar, civil_service_calendar
from tthc.errors import (
    CalendarRangeError,
    DurationError,
    InputTypeError,
    InvalidArrayError,
    MissingExtraError,
    ProvisionalCalendarError,
    TthcError,
)
from tthc.legal import LegalRef

np = pytest.importorskip("numpy")

from tthc import bulk  # noqa: E402 - after the importorskip on purpose

D = dt.date
CAL = civil_service_calendar()
STRICT = civil_service_calendar(strict=True)
FIRST, LAST = CAL.first_day, CAL.last_day


def m8(*days: str | None) -> object:
    return np.array([d if d is not None else "NaT" for d in days], dtype="datetime64[D]")


# --- known values --------------------------------------------------------------------------------


def test_known_due_dates() -> None:
    accepted = m8("2026-02-13", "2026-01-09", "2026-04-29", "2024-05-03")
    got = bulk.add_working_days(accepted, np.array([5, 1, 5, 1]))
    # Tết 2026: 16–20/02/2026 off (Thông báo 9441/TB-BNV, Bộ Nội vụ) -> 23..27/02.
    # Saturday 10/01/2026 is a make-up working day for 02/01/2026 (Công văn 12729/VPCP-KGVX).
    # 30/04 and 01/05/2026 are holidays (Bộ luật Lao động 2019, Điều 112.1).
    # Saturday 04/05/2024 is a make-up day for 29/04/2024 (Công văn 2450/VPCP-KGVX).
    assert got.tolist() == [D(2026, 2, 27), D(2026, 1, 10), D(2026, 5, 8), D(2024, 5, 4)]


def test_wrong_calendar_differs_on_make_up_saturday() -> None:
    # numpy's Mon–Fri week cannot express 10/01/2026; tthc answers the Saturday.
    start = m8("2026-01-09")
    assert bulk.add_working_days(start, 1)[0] == np.datetime64("2026-01-10")
    assert np.busday_offset(start, 1, roll="backward")[0] == np.datetime64("2026-01-12")


def test_scalar_in_scalar_out() -> None:
    assert bulk.add_working_days(D(2026, 4, 29), 5) == D(2026, 5, 8)
    assert bulk.add_working_days(np.datetime64("2026-04-29"), np.int64(5)) == D(2026, 5, 8)
    assert bulk.working_days_between(D(2026, 4, 29), D(2026, 5, 8)) == 5
    assert bulk.is_working_day(D(2026, 1, 10)) is True
    assert bulk.is_provisional(D(2027, 1, 4)) is True
    assert bulk.classify(D(2026, 5, 8), D(2026, 5, 8)) == "on_time"


def test_broadcast_and_shapes() -> None:
    got = bulk.add_working_days(D(2026, 2, 13), np.arange(1, 4))
    assert got.tolist() == [D(2026, 2, 23), D(2026, 2, 24), D(2026, 2, 25)]
    grid = m8("2026-02-13", "2026-01-09", "2026-04-29", "2024-05-03").reshape(2, 2)
    out = bulk.add_working_days(grid, 1)
    assert out.shape == (2, 2)
    assert out.dtype == np.dtype("datetime64[D]")
    assert bulk.add_working_days(m8(), 3).shape == (0,)
    assert bulk.working_days_between(m8(), m8()).shape == (0,)


def test_sequences_of_dates_are_accepted() -> None:
    got = bulk.add_working_days([D(2026, 4, 29), D(2026, 2, 13)], [5, 5])
    assert got.tolist() == [D(2026, 5, 8), D(2026, 2, 27)]
    assert bulk.is_working_day(np.array([D(2026, 1, 10), None], dtype=object)[:1]).tolist() == [
        True
    ]


def test_whole_days_in_finer_units() -> None:
    midnight = np.array(["2026-04-29T00:00:00"], dtype="datetime64[ns]")
    assert bulk.add_working_days(midnight, 5).tolist() == [D(2026, 5, 8)]
    seconds = np.array(["2026-04-29", "NaT"], dtype="datetime64[s]")
    got = bulk.add_working_days(seconds, 5, nat="propagate")
    assert got[0] == np.datetime64("2026-05-08")
    assert np.isnat(got[1])


# --- identical to the scalar API (hypothesis) ----------------------------------------------------

_SPECIAL = sorted(
    info.date
    for info in CAL.special_days()
    if info.kind in (DayKind.MAKE_UP_WORKING_DAY, DayKind.PUBLIC_HOLIDAY)
)
near_special = st.builds(
    lambda day, shift: min(max(day + dt.timedelta(days=shift), FIRST), LAST),
    st.sampled_from(_SPECIAL),
    st.integers(-6, 6),
)
any_day = st.dates(FIRST - dt.timedelta(days=3), LAST + dt.timedelta(days=3))
days = st.one_of(near_special, near_special, st.dates(FIRST, LAST), any_day)
rows = st.lists(st.tuples(days, st.integers(-60, 60)), max_size=40)


def scalar_or_error(fn: object, *args: object) -> object:
    try:
        return fn(*args)  # type: ignore[operator]
    except TthcError as err:
        return type(err)


def check_against_scalar(scalar: list[object], bulk_call: object) -> None:
    errors = {r for r in scalar if isinstance(r, type)}
    if errors:
        with pytest.raises(TthcError) as info:
            bulk_call()  # type: ignore[operator]
        assert type(info.value) in errors
    else:
        got = bulk_call()  # type: ignore[operator]
        assert got.tolist() == scalar


@pytest.mark.parametrize("cal", [CAL, STRICT], ids=["default", "strict"])
@settings(max_examples=120, deadline=None)
@given(data=rows)
def test_add_matches_scalar(cal: WorkCalendar, data: list[tuple[dt.date, int]]) -> None:
    starts = np.array([d for d, _ in data], dtype="datetime64[D]")
    counts = np.array([n for _, n in data], dtype=np.int64)
    scalar = [scalar_or_error(cal.add_working_days, d, n) for d, n in data]
    check_against_scalar(scalar, lambda: bulk.add_working_days(starts, counts, calendar=cal))


@settings(max_examples=80, deadline=None)
@given(data=st.lists(st.tuples(days, st.integers(1, 60)), max_size=40))
def test_add_positive_fast_path_matches_scalar(data: list[tuple[dt.date, int]]) -> None:
    starts = np.array([d for d, _ in data], dtype="datetime64[D]")
    counts = np.array([n for _, n in data], dtype=np.int32)
    scalar = [scalar_or_error(CAL.add_working_days, d, n) for d, n in data]
    check_against_scalar(scalar, lambda: bulk.add_working_days(starts, counts))


@pytest.mark.parametrize("cal", [CAL, STRICT], ids=["default", "strict"])
@settings(max_examples=120, deadline=None)
@given(data=st.lists(st.tuples(days, days), max_size=40))
def test_between_matches_scalar(cal: WorkCalendar, data: list[tuple[dt.date, dt.date]]) -> None:
    a = np.array([x for x, _ in data], dtype="datetime64[D]")
    b = np.array([y for _, y in data], dtype="datetime64[D]")
    scalar = [scalar_or_error(cal.working_days_between, x, y) for x, y in data]
    check_against_scalar(scalar, lambda: bulk.working_days_between(a, b, calendar=cal))


@pytest.mark.parametrize("cal", [CAL, STRICT], ids=["default", "strict"])
@settings(max_examples=100, deadline=None)
@given(data=st.lists(days, max_size=40))
def test_day_queries_match_scalar(cal: WorkCalendar, data: list[dt.date]) -> None:
    arr = np.array(data, dtype="datetime64[D]")
    check_against_scalar(
        [scalar_or_error(cal.is_working_day, d) for d in data],
        lambda: bulk.is_working_day(arr, calendar=cal),
    )
    check_against_scalar(
        [scalar_or_error(cal.working_day_ordinal, d) for d in data],
        lambda: bulk.working_day_ordinal(arr, calendar=cal),
    )
    check_against_scalar(
        [scalar_or_error(cal.is_provisional, d) for d in data],
        lambda: bulk.is_provisional(arr, calendar=cal),
    )


def expected_due(day: dt.date, amount: int, unit: str) -> dt.date:
    """The counting rule of design §3 (BLDS 2015 Art. 147.2, 148.3, 148.5), written out."""
    if unit == "working_day":
        return CAL.add_working_days(day, amount)
    target = day + (
        dt.timedelta(days=amount) if unit == "calendar_day" else relativedelta(months=amount)
    )
    return CAL.add_working_days(target, 0)  # a day off moves to the next working day


_UNIT_NAMES = ["working_day", "calendar_day", "month"]
middle = st.one_of(
    near_special.filter(lambda day: day <= D(2033, 12, 31)),
    st.dates(D(2015, 1, 1), D(2033, 12, 31)),
)


@settings(max_examples=100, deadline=None)
@given(data=st.lists(st.tuples(middle, st.integers(1, 24), st.sampled_from(_UNIT_NAMES))))
def test_due_dates_follow_the_civil_code(data: list[tuple[dt.date, int, str]]) -> None:
    accepted = np.array([d for d, _, _ in data], dtype="datetime64[D]")
    amounts = np.array([n for _, n, _ in data], dtype=np.int64)
    units = np.array([u for _, _, u in data], dtype=object)
    expected = [expected_due(d, n, u) for d, n, u in data]
    assert bulk.compute_due_dates(accepted, amounts, units).tolist() == expected
    for unit in _UNIT_NAMES:
        got = bulk.compute_due_dates(accepted, amounts, unit).tolist()
        assert got == [expected_due(d, n, unit) for d, n, _ in data]


def test_due_dates_against_compute_deadline_if_available() -> None:
    deadlines = pytest.importorskip("tthc.deadlines")
    if not hasattr(deadlines, "compute_deadline"):
        pytest.skip("tthc.deadlines.compute_deadline not written yet")
    vn = dt.timezone(dt.timedelta(hours=7))
    cases = [(D(2026, 2, 13), 5), (D(2026, 1, 9), 1), (D(2026, 4, 24), 7), (D(2025, 12, 31), 15)]
    for unit, make in (
        ("working_day", deadlines.Duration.working_days),
        ("calendar_day", deadlines.Duration.calendar_days),
        ("month", deadlines.Duration.months),
    ):
        for day, amount in cases:
            accepted_at = dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=vn)
            scalar = deadlines.compute_deadline(accepted_at, make(amount)).due_date
            assert bulk.compute_due_dates(day, amount, unit) == scalar, (unit, day, amount)


def test_month_end_rule() -> None:
    # BLDS 2015 Art. 148.3: no 31st in the target month -> its last day; then Art. 148.5.
    got = bulk.compute_due_dates(m8("2026-01-31", "2025-10-31"), 1, "month")
    # 28/02/2026 is a Saturday -> Monday 02/03/2026; 30/11/2025 is a Sunday -> 01/12/2025.
    assert got.tolist() == [D(2026, 3, 2), D(2025, 12, 1)]


def test_due_dates_accept_duration_unit_like_values() -> None:
    class Unit:
        value = "calendar_day"

    got = bulk.compute_due_dates(m8("2026-04-24"), 7, Unit())
    # 24/04 + 7 = 01/05/2026, a holiday, then a weekend -> Monday 04/05/2026 (BLDS Art. 148.5).
    assert got.tolist() == [D(2026, 5, 4)]


# --- classify ------------------------------------------------------------------------------------


def rule(due: dt.date, finished: dt.date | None, as_of: dt.date | None) -> str:
    """The national reports' rule, by date (design §3), written out."""
    if finished is not None and (as_of is None or finished <= as_of):
        return "early" if finished < due else "on_time" if finished == due else "late"
    assert as_of is not None
    return "in_time" if as_of <= due else "overdue"


maybe_day = st.one_of(st.none(), st.dates(D(2015, 1, 1), D(2035, 12, 31)))


@settings(max_examples=100, deadline=None)
@given(
    data=st.lists(st.tuples(st.dates(D(2015, 1, 1), D(2035, 12, 31)), maybe_day), max_size=40),
    as_of=st.dates(D(2015, 1, 1), D(2035, 12, 31)),
)
def test_classify_matches_rule(data: list[tuple[dt.date, dt.date | None]], as_of: dt.date) -> None:
    due = np.array([d for d, _ in data], dtype="datetime64[D]")
    finished = np.array([f if f else "NaT" for _, f in data], dtype="datetime64[D]")
    expected = [rule(d, f, as_of) for d, f in data]
    assert bulk.classify(due, finished, as_of=as_of).tolist() == expected
    codes = bulk.classify(due, finished, as_of=as_of, codes=True)
    assert [bulk.TIMELINESS_LABELS[c] for c in codes.tolist()] == expected
    done = [(d, f) for d, f in data if f is not None]
    assert bulk.classify(
        np.array([d for d, _ in done], dtype="datetime64[D]"),
        np.array([f for _, f in done], dtype="datetime64[D]"),
    ).tolist() == [rule(d, f, None) for d, f in done]


def scalar_classify(due: dt.date, finished: dt.date | None, as_of: dt.date | None) -> str:
    from tthc import deadlines

    return deadlines.classify(due, finished, as_of=as_of).value


@settings(max_examples=100, deadline=None)
@given(
    data=st.lists(st.tuples(st.dates(D(2025, 1, 1), D(2026, 12, 31)), maybe_day), max_size=30),
    as_of=st.one_of(st.none(), st.dates(D(2025, 1, 1), D(2026, 12, 31))),
)
def test_classify_matches_scalar_classify(
    data: list[tuple[dt.date, dt.date | None]], as_of: dt.date | None
) -> None:
    pytest.importorskip("tthc.deadlines")
    due = np.array([d for d, _ in data], dtype="datetime64[D]")
    finished = np.array([f if f else "NaT" for _, f in data], dtype="datetime64[D]")
    scalar = [scalar_or_error(scalar_classify, d, f, as_of) for d, f in data]
    check_against_scalar(scalar, lambda: bulk.classify(due, finished, as_of=as_of))


def test_timeliness_labels_are_the_scalar_values() -> None:
    deadlines = pytest.importorskip("tthc.deadlines")
    assert tuple(t.value for t in deadlines.Timeliness) == bulk.TIMELINESS_LABELS


def test_classify_open_needs_as_of() -> None:
    with pytest.raises(InputTypeError) as info:  # as tthc.deadlines.classify
        bulk.classify(m8("2026-05-08", "2026-05-08"), m8("2026-05-08", None))
    assert info.value.context["position"] == 1
    with pytest.raises(InvalidArrayError) as missing:
        bulk.classify(m8("2026-05-08", "2026-05-08"), m8(None, None), as_of=m8("2026-05-08", None))
    assert missing.value.context["position"] == 1
    with pytest.raises(InvalidArrayError):
        bulk.classify(m8("2026-05-08", None), m8("2026-05-08", "2026-05-08"))
    assert bulk.classify(m8("2026-05-08"), as_of=D(2026, 5, 9)).tolist() == ["overdue"]
    # finished after the report date: still open on that date
    assert bulk.classify(D(2026, 5, 8), D(2026, 5, 12), as_of=D(2026, 5, 8)) == "in_time"


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["2014-12-31", "2036-01-01", "1970-01-01", "9999-12-31"])
def test_out_of_range_never_wraps(day: str) -> None:
    arr = m8("2026-01-05", day)
    with pytest.raises(CalendarRangeError) as info:
        bulk.add_working_days(arr, 1)
    assert info.value.context["position"] == 1
    assert "1 value(s) of dates" in info.value.message
    for call in (
        lambda: bulk.is_working_day(arr),
        lambda: bulk.working_days_between(arr, arr),
        lambda: bulk.working_day_ordinal(arr),
        lambda: bulk.is_provisional(arr),
        lambda: bulk.compute_due_dates(arr, 3, "calendar_day"),
    ):
        with pytest.raises(CalendarRangeError):
            call()


def test_result_out_of_range() -> None:
    with pytest.raises(CalendarRangeError) as info:
        bulk.add_working_days(m8("2035-12-20", "2026-01-05"), 10)
    assert info.value.context["position"] == 0
    with pytest.raises(CalendarRangeError):
        bulk.add_working_days(m8("2015-01-05"), -10)
    with pytest.raises(CalendarRangeError):
        bulk.add_working_days(m8("2026-01-05"), 2**62)
    with pytest.raises(CalendarRangeError):
        bulk.add_working_days(m8("2026-01-05"), np.array([-(2**62)]))
    with pytest.raises(CalendarRangeError):
        bulk.compute_due_dates(m8("2035-12-01"), 2, "month")


def test_strict_calendar_refuses_projected_years() -> None:
    with pytest.raises(ProvisionalCalendarError):
        bulk.add_working_days(m8("2027-01-04"), 1, calendar=STRICT)
    with pytest.raises(ProvisionalCalendarError) as info:
        bulk.add_working_days(m8("2026-01-05", "2026-12-30"), 5, calendar=STRICT)
    assert info.value.context["position"] == 1
    # is_provisional answers for projected years even on a strict calendar
    assert bulk.is_provisional(m8("2026-12-31", "2027-01-01"), calendar=STRICT).tolist() == [
        False,
        True,
    ]


def test_nat_raises_by_default() -> None:
    arr = m8("2026-01-05", None)
    for call in (
        lambda: bulk.add_working_days(arr, 1),
        lambda: bulk.is_working_day(arr),
        lambda: bulk.working_days_between(arr, arr),
        lambda: bulk.compute_due_dates(arr, 1),
        lambda: bulk.classify(arr, arr, as_of=D(2026, 1, 1)),
    ):
        with pytest.raises(InvalidArrayError) as info:
            call()
        assert info.value.code == "input.invalid_array"
        assert info.value.context["position"] == 1


def test_nat_propagates_on_request() -> None:
    arr = m8("2026-04-29", None, "2026-02-13")
    got = bulk.add_working_days(arr, 5, nat="propagate")
    assert str(got[0]) == "2026-05-08"
    assert np.isnat(got[1])
    assert str(got[2]) == "2026-02-27"
    for unit in _UNIT_NAMES:
        due = bulk.compute_due_dates(arr, 1, unit, nat="propagate")
        assert np.isnat(due).tolist() == [False, True, False]
    assert np.isnat(bulk.add_working_days(m8(None), 1, nat="propagate")).all()
    with pytest.raises(InputTypeError):
        bulk.add_working_days(arr, 5, nat="ignore")  # type: ignore[arg-type]


def test_nat_with_out_of_range_row_still_raises_range() -> None:
    with pytest.raises(CalendarRangeError):
        bulk.add_working_days(m8(None, "2040-01-01"), 1, nat="propagate")
    with pytest.raises(ProvisionalCalendarError):
        bulk.add_working_days(m8(None, "2030-01-01"), 1, calendar=STRICT, nat="propagate")


@pytest.mark.parametrize(
    "bad",
    [
        np.array([20260429]),
        np.array(["2026-04-29"]),
        np.array(["2026-04"], dtype="datetime64[M]"),
        np.array([1.5]),
        "2026-04-29",
        20260429,
        [dt.datetime(2026, 4, 29, 10, 0)],
        ["2026-04-29"],
        dt.datetime(2026, 4, 29),
        {"a": 1},
    ],
    ids=repr,
)
def test_wrong_date_types(bad: object) -> None:
    with pytest.raises(InputTypeError):
        bulk.add_working_days(bad, 1)
    with pytest.raises(InputTypeError):
        bulk.is_working_day(bad)


def test_partial_days_refused() -> None:
    with pytest.raises(InvalidArrayError) as info:
        bulk.add_working_days(np.array(["2026-04-29T10:30"], dtype="datetime64[m]"), 1)
    assert "whole days" in info.value.message


@pytest.mark.parametrize("bad", [1.0, True, np.array([1.5]), np.array([True]), "5", None], ids=repr)
def test_wrong_count_types(bad: object) -> None:
    with pytest.raises(InputTypeError):
        bulk.add_working_days(m8("2026-04-29"), bad)


def test_unsigned_counts() -> None:
    got = bulk.add_working_days(m8("2026-04-29"), np.array([5], dtype=np.uint16))
    assert got.tolist() == [D(2026, 5, 8)]
    with pytest.raises(CalendarRangeError):
        bulk.add_working_days(m8("2026-04-29"), np.array([2**64 - 1], dtype=np.uint64))


def test_mismatched_shapes() -> None:
    with pytest.raises(InvalidArrayError) as info:
        bulk.add_working_days(m8("2026-04-29", "2026-04-30"), np.array([1, 2, 3]))
    assert "shapes" in info.value.message
    with pytest.raises(InvalidArrayError):
        bulk.working_days_between(m8("2026-04-29"), m8("2026-04-29", "2026-04-30", "2026-05-01"))
    with pytest.raises(InvalidArrayError):
        bulk.classify(m8("2026-04-29", "2026-04-30"), m8("2026-04-29", "2026-04-30", None))


def test_wrong_calendar_argument() -> None:
    with pytest.raises(InputTypeError):
        bulk.add_working_days(m8("2026-04-29"), 1, calendar="vn")  # type: ignore[arg-type]


def test_amounts_and_units_checked() -> None:
    with pytest.raises(DurationError):
        bulk.compute_due_dates(m8("2026-04-29", "2026-04-30"), np.array([3, 0]))
    with pytest.raises(DurationError):
        bulk.compute_due_dates(m8("2026-04-29"), 100_001)
    with pytest.raises(InputTypeError):
        bulk.compute_due_dates(m8("2026-04-29"), 3, "working_hour")
    with pytest.raises(InputTypeError):
        bulk.compute_due_dates(m8("2026-04-29"), 3, np.array(["working_day", "fortnight"]))
    with pytest.raises(InputTypeError):
        bulk.compute_due_dates(m8("2026-04-29"), 3, 7)


def test_local_calendar_is_honoured() -> None:
    storm = CAL.with_days_off(
        [D(2026, 9, 7)],
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=LegalRef("1/QĐ-UBND", kind="Quyết định", issuer="UBND tỉnh (test)"),
    )
    start = m8("2026-09-04")
    assert bulk.add_working_days(start, 1).tolist() == [D(2026, 9, 7)]
    assert bulk.add_working_days(start, 1, calendar=storm).tolist() == [D(2026, 9, 8)]


def test_missing_numpy_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "numpy", None)
    with pytest.raises(MissingExtraError) as info:
        bulk.add_working_days([D(2026, 4, 29)], 1)
    assert isinstance(info.value, ImportError)
    assert info.value.code == "install.missing_extra"
    assert 'pip install "tthc[numpy]"' in str(info.value)


def test_missing_polars_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(MissingExtraError) as info:
        bulk.polars_add_working_days("accepted", 1)
    assert "tthc[polars]" in str(info.value)


def test_index_is_shared_not_copied() -> None:
    index = CAL.index
    cum = np.frombuffer(index.cumulative, dtype=np.int32)
    assert bulk.working_day_ordinal(D(2026, 4, 29)) == int(cum[(D(2026, 4, 29) - FIRST).days])
    assert not cum.flags.writeable


def test_missing_values_in_other_forms() -> None:
    generic = np.array(["NaT", "NaT"], dtype="datetime64")
    assert np.isnat(bulk.add_working_days(generic, 1, nat="propagate")).all()

    class Day(dt.date):
        pass

    mixed = np.array([D(2026, 4, 29), None, float("nan"), Day(2026, 2, 13)], dtype=object)
    got = bulk.add_working_days(mixed, 5, nat="propagate")
    assert str(got[0]) == "2026-05-08"
    assert np.isnat(got[1:3]).all()
    assert str(got[3]) == "2026-02-27"
    with pytest.raises(InputTypeError):
        bulk.add_working_days(np.array([D(2026, 4, 29), 5], dtype=object), 1)


def test_missing_rows_do_not_hide_results_out_of_range() -> None:
    with pytest.raises(CalendarRangeError):
        bulk.add_working_days(m8(None, "2035-12-28"), 10, nat="propagate")
    with pytest.raises(ProvisionalCalendarError):
        bulk.add_working_days(m8(None, "2026-12-30"), 5, calendar=STRICT, nat="propagate")
