"""compute_due_dates with a unit per row: every container, identical to the scalar rule per row.

The rule (design §3): the acceptance date is not counted (BLDS 2015 Art. 147.2); "working_day"
counts working days; "calendar_day" adds days and moves a due date on a day off to the next
working day (Art. 148.5); "month" takes the same day N months later or the month's last day
(Art. 148.3), then moves the same way. The unit codes are the values of
:class:`tthc.deadlines.DurationUnit` that tthc.bulk counts.
"""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.calendar import WorkCalendar, civil_service_calendar
from tthc.deadlines import DurationUnit
from tthc.errors import (
    CalendarRangeError,
    InputTypeError,
    ProvisionalCalendarError,
    TthcError,
)

np = pytest.importorskip("numpy")

from tthc import bulk  # noqa: E402 - after the importorskip on purpose

D = dt.date
CAL = civil_service_calendar()
STRICT = civil_service_calendar(strict=True)
UNITS = (DurationUnit.WORKING_DAY, DurationUnit.CALENDAR_DAY, DurationUnit.MONTH)
CODES = tuple(unit.value for unit in UNITS)


def scalar_due(cal: WorkCalendar, day: dt.date, amount: int, unit: str) -> dt.date | type:
    """The counting rule row by row on the scalar calendar (or the error class it raises)."""
    try:
        cal.is_working_day(day)  # the acceptance date itself must be on the calendar
        if unit == "working_day":
            return cal.add_working_days(day, amount)
        shift = (
            dt.timedelta(days=amount) if unit == "calendar_day" else relativedelta(months=amount)
        )
        return cal.add_working_days(day + shift, 0)
    except TthcError as err:
        return type(err)


def test_the_unit_codes_are_those_of_duration_unit() -> None:
    assert CODES == ("working_day", "calendar_day", "month")


# --- per-row units equal the scalar rule, in every container ---------------------------------------

near_end = st.dates(D(2035, 10, 1), D(2035, 12, 31))
late_confirmed = st.dates(STRICT.confirmed_through - dt.timedelta(days=60), D(2035, 12, 31))
any_day = st.one_of(st.dates(D(2015, 1, 1), D(2035, 12, 31)), near_end, late_confirmed)
rows = st.lists(st.tuples(any_day, st.integers(1, 40), st.sampled_from(CODES)), max_size=30)


def check_rows(
    cal: WorkCalendar, data: list[tuple[dt.date, int, str]], unit_column: object
) -> None:
    accepted = np.array([d for d, _, _ in data], dtype="datetime64[D]")
    amounts = np.array([n for _, n, _ in data], dtype=np.int64)
    expected = [scalar_due(cal, d, n, u) for d, n, u in data]
    errors = {e for e in expected if isinstance(e, type)}
    if errors:
        with pytest.raises(TthcError) as caught:
            bulk.compute_due_dates(accepted, amounts, unit_column, calendar=cal)
        assert type(caught.value) in errors
        return
    got = bulk.compute_due_dates(accepted, amounts, unit_column, calendar=cal)
    assert np.asarray(got, dtype="datetime64[D]").tolist() == expected


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
@settings(max_examples=60, deadline=None)
@given(data=rows)
def test_numpy_unit_columns_match_the_scalar_rule(
    strict: bool, data: list[tuple[dt.date, int, str]]
) -> None:
    cal = STRICT if strict else CAL
    names = [u for _, _, u in data]
    check_rows(cal, data, np.array(names, dtype="U12"))
    check_rows(cal, data, np.array(names, dtype=object))
    check_rows(cal, data, [DurationUnit(u) for u in names])  # the enum members themselves


@settings(max_examples=40, deadline=None)
@given(data=rows)
def test_dataframe_unit_columns_match_the_scalar_rule(data: list[tuple[dt.date, int, str]]) -> None:
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    names = [u for _, _, u in data]
    check_rows(CAL, data, pd.Series(names, dtype=object))
    check_rows(CAL, data, pd.Series(names, dtype="category"))
    check_rows(CAL, data, pd.Series(pd.Categorical(names, categories=list(reversed(CODES)))))
    check_rows(CAL, data, pl.Series(names, dtype=pl.String))
    check_rows(CAL, data, pl.Series(names, dtype=pl.Enum(list(CODES))))
    check_rows(CAL, data, pl.Series(names, dtype=pl.Categorical))
    check_rows(CAL, data, pa.array(names, type=pa.string()))
    check_rows(CAL, data, pa.array(names, type=pa.string()).dictionary_encode())
    half = len(names) // 2
    chunked = pa.chunked_array(
        [
            pa.array(names[:half], type=pa.string()).dictionary_encode(),
            pa.array(names[half:], type=pa.string()).dictionary_encode(),
        ],
        type=pa.dictionary(pa.int32(), pa.string()),
    )
    check_rows(CAL, data, chunked)  # each chunk has its own dictionary


def test_known_mixed_column() -> None:
    accepted = np.array(["2026-02-13", "2026-04-24", "2026-01-31", "2026-01-09"], "datetime64[D]")
    units = np.array(["working_day", "calendar_day", "month", "working_day"])
    got = bulk.compute_due_dates(accepted, np.array([5, 7, 1, 1]), units)
    # Tết 2026: 16–20/02 off (Thông báo 9441/TB-BNV) -> the 5th working day is 27/02.
    # 24/04 + 7 days = 01/05/2026, a holiday (BLĐ 2019 Art. 112.1), then a weekend -> 04/05.
    # 31/01 + 1 month -> 28/02/2026 (Art. 148.3), a Saturday -> Monday 02/03 (Art. 148.5).
    # 10/01/2026 is a make-up Saturday (Công văn 12729/VPCP-KGVX).
    assert got.tolist() == [D(2026, 2, 27), D(2026, 5, 4), D(2026, 3, 2), D(2026, 1, 10)]


def test_unused_categories_and_one_used_unit() -> None:
    pd = pytest.importorskip("pandas")
    accepted = pd.Series(pd.to_datetime(["2026-04-24", "2026-04-29"]))
    units = pd.Series(pd.Categorical(["calendar_day"] * 2, categories=list(CODES)))
    got = bulk.compute_due_dates(accepted, 7, units)
    assert isinstance(got, pd.Series)
    # 01/05/2026 a holiday -> 04/05; 29/04 + 7 = 06/05/2026, a Wednesday.
    assert [d.date() for d in got] == [D(2026, 5, 4), D(2026, 5, 6)]


def test_unit_column_broadcasts_a_single_date() -> None:
    got = bulk.compute_due_dates(D(2026, 4, 24), 7, np.array(["calendar_day", "working_day"]))
    # 7 working days after Friday 24/04/2026: 27/04 is the day off in lieu of Giỗ Tổ Hùng Vương
    # (26/04/2026, a Sunday; BLĐ 2019 Art. 112.3), 30/04 and 01/05 are holidays -> 08/05/2026.
    assert got.tolist() == [D(2026, 5, 4), D(2026, 5, 8)]
    same = bulk.compute_due_dates(D(2026, 4, 24), 7, np.array(["calendar_day"] * 2))
    assert same.tolist() == [D(2026, 5, 4), D(2026, 5, 4)]


def test_errors_name_the_row_of_the_whole_column() -> None:
    accepted = np.array(["2026-01-05", "2035-12-20", "2035-12-30"], dtype="datetime64[D]")
    units = np.array(["working_day", "working_day", "calendar_day"])
    with pytest.raises(CalendarRangeError) as caught:
        bulk.compute_due_dates(accepted, np.array([1, 1, 5]), units)
    assert caught.value.context["position"] == 2  # 30/12/2035 + 5 days is after the range
    assert caught.value.context["argument"] == "due date"
    mixed = np.array(["working_day", "calendar_day", "working_day"])
    with pytest.raises(CalendarRangeError, match="counting from 2035-12-30") as counted:
        bulk.compute_due_dates(accepted, np.array([1, 1, 5]), mixed)  # 5 working days: 2036
    assert counted.value.context["position"] == 2
    with pytest.raises(ProvisionalCalendarError) as late:
        bulk.compute_due_dates(accepted[:2], 1, units[:2], calendar=STRICT)
    assert late.value.context["position"] == 1


def test_missing_dates_propagate_with_a_unit_column() -> None:
    accepted = np.array(["2026-04-24", "NaT", "2026-01-31"], dtype="datetime64[D]")
    units = np.array(["calendar_day", "month", "month"])
    got = bulk.compute_due_dates(accepted, np.array([7, 100_000, 1]), units, nat="propagate")
    assert got.tolist() == [D(2026, 5, 4), None, D(2026, 3, 2)]
    # a missing date with a huge count is missing, not out of range (nor an IndexError)
    mixed = np.array(["calendar_day", "working_day", "month"])
    got = bulk.compute_due_dates(accepted, np.array([7, 100_000, 1]), mixed, nat="propagate")
    assert got.tolist() == [D(2026, 5, 4), None, D(2026, 3, 2)]
    added = bulk.add_working_days(accepted[1:], np.array([100_000, 1]), nat="propagate")
    assert added.tolist() == [None, D(2026, 2, 2)]  # Monday 02/02/2026


# --- refused --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "units",
    [
        np.array(["working_day", 3], dtype=object),
        np.array(["month", b"month"], dtype=object),
        np.array(["working_day", ["working_day"]], dtype=object),
        ["working_day", 2.5],
        np.array(["working_day", "ngày làm việc"]),
        np.array([1, 2]),
    ],
    ids=["int", "bytes", "unhashable", "float", "vietnamese-name", "int-array"],
)
def test_mixed_or_unknown_units_are_refused(units: object) -> None:
    accepted = np.array(["2026-04-24", "2026-04-29"], dtype="datetime64[D]")
    with pytest.raises(InputTypeError) as caught:
        bulk.compute_due_dates(accepted, 3, units)
    assert caught.value.code == "input.wrong_type"
    assert caught.value.context["argument"] == "unit"


def test_dataframe_mixed_types_and_missing_units_are_refused() -> None:
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    accepted = np.array(["2026-04-24", "2026-04-29"], dtype="datetime64[D]")
    with pytest.raises(InputTypeError, match="got 7"):
        bulk.compute_due_dates(accepted, 3, pd.Series(["working_day", 7], dtype=object))
    for column in (
        pd.Series(["working_day", None]),
        pd.Series(["working_day", None], dtype="category"),
        pa.array(["working_day", None]),
        pa.array(["working_day", None]).dictionary_encode(),
        pl.Series(["working_day", None]),
    ):
        with pytest.raises(InputTypeError, match="got None") as caught:
            bulk.compute_due_dates(accepted, 3, column)
        assert caught.value.context["position"] == 1
    with pytest.raises(InputTypeError):
        bulk.compute_due_dates(accepted, 3, pl.Series([1, 2]))
    with pytest.raises(InputTypeError):
        bulk.compute_due_dates(accepted, 3, pa.array([[1], [2]]))


def test_unit_of_the_wrong_container_is_refused() -> None:
    accepted = np.array(["2026-04-24"], dtype="datetime64[D]")
    with pytest.raises(InputTypeError, match="unit must be a unit name"):
        bulk.compute_due_dates(accepted, 3, {"working_day"})
    pd = pytest.importorskip("pandas")
    with pytest.raises(InputTypeError, match="pandas Series"):
        bulk.compute_due_dates(accepted, 3, pd.DataFrame({"u": ["working_day"]}))


# --- empty columns --------------------------------------------------------------------------------


def test_empty_unit_columns() -> None:
    empty = np.array([], dtype="datetime64[D]")
    none = np.array([], dtype=np.int64)
    for units in (np.array([], dtype="U12"), np.array([], dtype=object), []):
        got = bulk.compute_due_dates(empty, none, units)
        assert got.dtype == np.dtype("datetime64[D]")
        assert got.shape == (0,)
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    assert len(bulk.compute_due_dates(pd.Series(empty), 1, pd.Series([], dtype="category"))) == 0
    assert len(bulk.compute_due_dates(pl.Series(empty), 1, pl.Series([], dtype=pl.String))) == 0
    arrow = bulk.compute_due_dates(pa.array(empty), 1, pa.array([], type=pa.string()))
    assert len(arrow) == 0
