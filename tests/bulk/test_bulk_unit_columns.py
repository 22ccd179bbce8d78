"""Unit columns of text, matched by name without a hash per row: the same answers in every container.

A unit column of text (numpy ``str``/``object``, pandas ``object``/``str``, polars ``String``,
Arrow ``string``/``large_string``) is matched against the unit names with vectorised comparisons
(``tthc.bulk._units``); whatever they do not match goes the general way (factorize, then a check of
each distinct value), which refuses the column naming the bad value and its row. The counting
rule (design §3): the acceptance date is not counted (BLDS 2015 Art. 147.2); "working_day" counts
working days; "calendar_day" adds days and moves a due date on a day off to the next working day
(Art. 148.5); "month" takes the same day N months later or the month's last day (Art. 148.3).
"""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.calendar import civil_service_calendar
from tthc.errors import CalendarRangeError, InputTypeError, InvalidArrayError

np = pytest.importorskip("numpy")

from tthc import bulk  # noqa: E402 - after the importorskip on purpose
from tthc.bulk._units import UNIT_NAMES, unit_rows  # noqa: E402

D = dt.date
CAL = civil_service_calendar()


def scalar_due(day: dt.date, amount: int, unit: str) -> dt.date:
    """The counting rule on the scalar calendar, row by row."""
    if unit == "working_day":
        return CAL.add_working_days(day, amount)
    shift = dt.timedelta(days=amount) if unit == "calendar_day" else relativedelta(months=amount)
    return CAL.add_working_days(day + shift, 0)


def text_columns(names: list[str]) -> dict[str, object]:
    """The same unit names in every text container tthc.bulk reads."""
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    half = len(names) // 2
    columns: dict[str, object] = {
        "numpy str": np.array(names),  # fixed width: the longest name
        "numpy object": np.array(names, dtype=object),
        "list": list(names),
        "pandas object": pd.Series(names, dtype=object),
        "pandas str (Arrow)": pd.Series(names, dtype="string[pyarrow]"),
        "pandas string (Python)": pd.Series(names, dtype="string[python]"),
        "polars String": pl.Series(names, dtype=pl.String),
        "Arrow string": pa.array(names, type=pa.string()),
        "Arrow large_string": pa.array(names, type=pa.large_string()),
        "Arrow chunked": pa.chunked_array(
            [pa.array(names[:half], type=pa.string()), pa.array(names[half:], type=pa.string())],
            type=pa.string(),
        ),
    }
    string_dtype = getattr(getattr(np, "dtypes", None), "StringDType", None)
    if string_dtype is not None:  # numpy >= 2: variable-width strings
        columns["numpy StringDType"] = np.array(names, dtype=string_dtype())
    return columns


rows = st.lists(
    st.tuples(
        st.dates(D(2020, 1, 1), D(2030, 12, 31)), st.integers(1, 40), st.sampled_from(UNIT_NAMES)
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=40, deadline=None)
@given(data=rows)
def test_every_text_container_matches_the_scalar_rule(data: list[tuple[dt.date, int, str]]) -> None:
    accepted = np.array([d for d, _, _ in data], dtype="datetime64[D]")
    amounts = np.array([n for _, n, _ in data], dtype=np.int64)
    expected = [scalar_due(d, n, u) for d, n, u in data]
    for label, column in text_columns([u for _, _, u in data]).items():
        got = bulk.compute_due_dates(accepted, amounts, column, calendar=CAL)
        assert np.asarray(got, dtype="datetime64[D]").tolist() == expected, label


@pytest.mark.parametrize("first", UNIT_NAMES)
def test_large_columns_in_any_order_of_frequency(first: str) -> None:
    """More rows than one block of the rows left after the first comparison (65,536)."""
    rng = np.random.default_rng(20)
    size = 300_000
    others = [name for name in UNIT_NAMES if name != first]
    picked = rng.choice(3, size=size, p=[0.4, 0.35, 0.25])  # ``first`` is the most frequent
    names = np.array([first, *others])[picked]
    accepted = (np.datetime64("2024-01-01") + rng.integers(0, 700, size)).astype("M8[D]")
    amounts = rng.integers(1, 30, size)
    expected = np.empty(size, dtype="datetime64[D]")
    for name in UNIT_NAMES:  # the split by hand: one single-unit call per unit
        where = names == name
        expected[where] = bulk.compute_due_dates(accepted[where], amounts[where], name)
    for column in (names, names.astype(object)):
        got = bulk.compute_due_dates(accepted, amounts, column)
        assert (got == expected).all()
        rows_of = unit_rows(np, column)
        assert rows_of.kinds == frozenset({0, 1, 2})
        assert (rows_of.working == (names == "working_day")).all()
        assert rows_of.months.tolist() == np.flatnonzero(names == "month").tolist()


def test_two_dimensional_unit_columns() -> None:
    accepted = np.array([["2026-01-31", "2026-01-30"], ["2026-01-31", "2026-01-30"]], "M8[D]")
    units = np.array([["month", "calendar_day"], ["working_day", "month"]])
    got = bulk.compute_due_dates(accepted, 1, units)
    # 31/01 + 1 month -> 28/02/2026 (Art. 148.3), a Saturday -> Monday 02/03 (Art. 148.5);
    # 30/01 + 1 day = Saturday 31/01 -> Monday 02/02; the working day after Saturday 31/01 is
    # Monday 02/02; 30/01 + 1 month -> 28/02 -> 02/03.
    assert got.tolist() == [[D(2026, 3, 2), D(2026, 2, 2)], [D(2026, 2, 2), D(2026, 3, 2)]]


def test_one_date_and_one_amount_for_calendar_days_and_months() -> None:
    got = bulk.compute_due_dates(D(2026, 1, 31), 1, np.array(["calendar_day", "month"]))
    # 01/02/2026 is a Sunday -> Monday 02/02; 31/01 + 1 month -> 28/02, a Saturday -> 02/03.
    assert got.tolist() == [D(2026, 2, 2), D(2026, 3, 2)]


def test_a_single_unit_column_counts_that_unit() -> None:
    accepted = np.array(["2026-04-24", "2026-04-29"], dtype="datetime64[D]")
    for column in text_columns(["calendar_day", "calendar_day"]).values():
        rows_of = unit_rows(np, column)
        assert rows_of.kinds == frozenset({1})
        assert rows_of.working is None
        assert rows_of.months is None
        # 24/04 + 7 = 01/05/2026, a holiday, then a weekend -> 04/05; 29/04 + 7 = 06/05.
        got = bulk.compute_due_dates(accepted, 7, column)
        assert np.asarray(got, dtype="datetime64[D]").tolist() == [D(2026, 5, 4), D(2026, 5, 6)]


# --- refusals name the value and its row ----------------------------------------------------------


@pytest.mark.parametrize("bad", ["ngày làm việc", "working_days", "Month", ""])
def test_an_unknown_unit_is_named_with_its_row(bad: str) -> None:
    accepted = np.array(["2026-04-24"] * 3, dtype="datetime64[D]")
    for label, column in text_columns(["working_day", "month", bad]).items():
        with pytest.raises(InputTypeError) as caught:
            bulk.compute_due_dates(accepted, 3, column)
        error = caught.value
        assert error.code == "input.wrong_type", label
        assert error.context["argument"] == "unit", label
        assert error.context["position"] == 2, label
        assert f"got {bad!r} at position 2" in error.message, label
        assert "unit must be one of ['calendar_day', 'month', 'working_day']" in error.message
        assert "compute_deadline" in error.hint


def test_a_missing_unit_is_named_with_its_row() -> None:
    pd = pytest.importorskip("pandas")
    accepted = np.array(["2026-04-24"] * 3, dtype="datetime64[D]")
    for column in (
        np.array(["month", "working_day", None], dtype=object),
        np.array(["month", "working_day", float("nan")], dtype=object),
        pd.Series(["month", "working_day", pd.NA], dtype="string[python]"),
        pd.Series(["month", "working_day", None], dtype="string[pyarrow]"),
    ):
        with pytest.raises(InputTypeError, match="got None") as caught:
            bulk.compute_due_dates(accepted, 3, column)
        assert caught.value.context["position"] == 2
        assert "fill the unit of every row" in caught.value.hint


def test_a_bad_category_is_named_used_or_not() -> None:
    pd = pytest.importorskip("pandas")
    accepted = np.array(["2026-04-24", "2026-04-29"], dtype="datetime64[D]")
    used = pd.Series(pd.Categorical(["month", "tuần"], categories=["month", "tuần"]))
    with pytest.raises(InputTypeError, match="got 'tuần' at position 1") as caught:
        bulk.compute_due_dates(accepted, 3, used)
    assert caught.value.context["position"] == 1
    unused = pd.Series(pd.Categorical(["month", "month"], categories=["month", "tuần"]))
    with pytest.raises(InputTypeError, match=r"got 'tuần' \(a category no row uses\)") as caught:
        bulk.compute_due_dates(accepted, 3, unused)
    assert "position" not in caught.value.context


def test_odd_objects_go_the_general_way() -> None:
    accepted = np.array(["2026-04-24", "2026-04-29"], dtype="datetime64[D]")
    odd = np.empty(2, dtype=object)
    odd[:] = ["working_day", np.arange(2)]  # an array compares element by element
    with pytest.raises(InputTypeError, match="not comparable"):
        bulk.compute_due_dates(accepted, 3, odd)
    numbers = np.array(["working_day", 3], dtype=object)
    with pytest.raises(InputTypeError, match="got 3 at position 1"):
        bulk.compute_due_dates(accepted, 3, numbers)


class _RaisesAgainstMonth:
    """An object compared without error with any text but "month" (then ``TypeError``)."""

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str) and other == "month":
            raise TypeError("not comparable with 'month'")
        return False

    __hash__ = object.__hash__


def test_an_object_that_fails_a_later_comparison_is_refused() -> None:
    accepted = np.array(["2026-04-24"] * 3, dtype="datetime64[D]")
    column = np.empty(3, dtype=object)
    column[:] = ["working_day", "working_day", _RaisesAgainstMonth()]
    with pytest.raises(InputTypeError) as caught:
        bulk.compute_due_dates(accepted, 3, column)
    assert caught.value.context["argument"] == "unit"
    assert caught.value.context["position"] == 2  # the general way names the odd value's row
    assert "_RaisesAgainstMonth object" in caught.value.message


def test_missing_dates_do_not_hide_a_target_out_of_range() -> None:
    accepted = np.array(["NaT", "2035-12-30", "2035-12-01"], dtype="datetime64[D]")
    units = np.array(["working_day", "calendar_day", "working_day"])
    with pytest.raises(CalendarRangeError) as caught:
        # 30/12/2035 + 5 days is after the calendar's last day (31/12/2035)
        bulk.compute_due_dates(accepted, 5, units, nat="propagate")
    assert caught.value.context["position"] == 1
    assert caught.value.context["argument"] == "due date"
    got = bulk.compute_due_dates(accepted, 1, units, nat="propagate")
    # 31/12/2035 is a Monday, a working day; the working day after Saturday 01/12/2035 is
    # Monday 03/12/2035.
    assert got.tolist() == [None, D(2035, 12, 31), D(2035, 12, 3)]


# --- dates of a finer unit: NaT and a time of day -------------------------------------------------


def test_a_time_of_day_is_named_after_missing_rows() -> None:
    stamps = np.array(["NaT", "2026-04-24T00:00", "NaT", "2026-04-24T12:00"], "datetime64[s]")
    with pytest.raises(InvalidArrayError, match="position 3") as caught:
        bulk.add_working_days(stamps, 1, nat="propagate")
    assert caught.value.context["position"] == 3
    whole = stamps[:3]
    got = bulk.add_working_days(whole, 1, nat="propagate")
    # Friday 24/04/2026 + 1 working day: 27/04 is the day off in lieu of Giỗ Tổ Hùng Vương
    # (26/04/2026, a Sunday; BLĐ 2019 Art. 112.3) -> Tuesday 28/04.
    assert got.tolist() == [None, D(2026, 4, 28), None]
    nanoseconds = whole.astype("datetime64[ns]")
    assert bulk.add_working_days(nanoseconds, 1, nat="propagate").tolist() == got.tolist()
