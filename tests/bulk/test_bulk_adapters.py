"""tthc.bulk adapters: pandas Series, polars Series/expressions and pyarrow arrays in and out."""

from __future__ import annotations

import datetime as dt

import pytest

from tthc.errors import InputTypeError, InvalidArrayError

np = pytest.importorskip("numpy")

from tthc import bulk  # noqa: E402 - after the importorskip on purpose

D = dt.date
# Expected values: Tết 2026 16–20/02 off (Thông báo 9441/TB-BNV); 30/04–01/05 holidays (Bộ luật
# Lao động 2019, Điều 112.1); Saturday 10/01/2026 worked for 02/01 (Công văn 12729/VPCP-KGVX).
ACCEPTED = [D(2026, 4, 29), D(2026, 2, 13), D(2026, 1, 9)]
DUE_5 = [D(2026, 5, 8), D(2026, 2, 27), D(2026, 1, 15)]  # 10/01 counts


# --- pandas --------------------------------------------------------------------------------------


def test_pandas_series_keep_their_index() -> None:
    pd = pytest.importorskip("pandas")
    index = pd.Index([7, 3, 11], name="dossier")
    accepted = pd.Series(pd.to_datetime(ACCEPTED), index=index, name="accepted")
    due = bulk.add_working_days(accepted, 5)
    assert isinstance(due, pd.Series)
    assert due.index.equals(index)
    assert due.name == "accepted"
    assert [t.date() for t in due] == DUE_5
    counts = pd.Series([5, 1, 1], index=index)
    assert [t.date() for t in bulk.add_working_days(accepted, counts)] == [
        D(2026, 5, 8),
        D(2026, 2, 23),
        D(2026, 1, 10),
    ]
    between = bulk.working_days_between(accepted, due)
    assert between.index.equals(index)
    assert between.tolist() == [5, 5, 5]
    assert bulk.is_working_day(accepted).tolist() == [True, True, True]
    due_dates = bulk.compute_due_dates(accepted, counts, "working_day")
    assert due_dates.index.equals(index)


def test_pandas_classify_is_categorical() -> None:
    pd = pytest.importorskip("pandas")
    index = pd.Index(["a", "b", "c", "d"])
    due = pd.Series(pd.to_datetime(["2026-05-08"] * 4), index=index)
    finished = pd.Series(pd.to_datetime(["2026-05-07", "2026-05-08", "2026-05-11", None]), index)
    result = bulk.classify(due, finished, as_of=D(2026, 5, 12))
    assert result.index.equals(index)
    assert list(result.cat.categories) == list(bulk.TIMELINESS_LABELS)
    assert result.tolist() == ["early", "on_time", "late", "overdue"]


def test_pandas_object_dates_and_nullable_ints() -> None:
    pd = pytest.importorskip("pandas")
    accepted = pd.Series(ACCEPTED, dtype=object)
    assert [t.date() for t in bulk.add_working_days(accepted, 5)] == DUE_5
    counts = pd.Series([5, 5, 5], dtype="Int64")
    assert [t.date() for t in bulk.add_working_days(accepted, counts)] == DUE_5
    with pytest.raises(InvalidArrayError):
        bulk.add_working_days(accepted, pd.Series([5, None, 5], dtype="Int64"))


def test_pandas_errors() -> None:
    pd = pytest.importorskip("pandas")
    accepted = pd.Series(pd.to_datetime(ACCEPTED))
    with pytest.raises(InvalidArrayError):
        bulk.add_working_days(accepted, pd.Series([1, 2, 3], index=[5, 6, 7]))
    with pytest.raises(InputTypeError):
        bulk.add_working_days(accepted.dt.tz_localize("Asia/Ho_Chi_Minh"), 1)
    with pytest.raises(InputTypeError):
        bulk.add_working_days(pd.DataFrame({"a": accepted}), 1)
    with pytest.raises(InvalidArrayError):  # a time of day is the caller's decision
        bulk.add_working_days(accepted + pd.Timedelta(hours=9), 1)
    with_nat = pd.Series(pd.to_datetime(["2026-04-29", None]))
    with pytest.raises(InvalidArrayError):
        bulk.add_working_days(with_nat, 5)
    got = bulk.add_working_days(with_nat, 5, nat="propagate")
    assert got.isna().tolist() == [False, True]


# --- polars --------------------------------------------------------------------------------------


def test_polars_series_in_and_out() -> None:
    pl = pytest.importorskip("polars")
    accepted = pl.Series("accepted", ACCEPTED)
    due = bulk.add_working_days(accepted, 5)
    assert isinstance(due, pl.Series)
    assert due.dtype == pl.Date
    assert due.to_list() == DUE_5
    assert bulk.working_days_between(accepted, due).to_list() == [5, 5, 5]
    labels = bulk.classify(
        due, pl.Series([D(2026, 1, 30), None, D(2026, 1, 19)]), as_of=D(2026, 2, 27)
    )
    assert labels.dtype == pl.Enum(list(bulk.TIMELINESS_LABELS))
    assert labels.to_list() == ["early", "in_time", "late"]
    with_null = pl.Series("accepted", [D(2026, 4, 29), None])
    assert bulk.add_working_days(with_null, 5, nat="propagate").to_list() == [D(2026, 5, 8), None]
    with pytest.raises(InvalidArrayError):
        bulk.add_working_days(with_null, 5)
    with pytest.raises(InvalidArrayError):
        bulk.add_working_days(accepted, pl.Series([1, None, 1]))
    with pytest.raises(InputTypeError):
        bulk.add_working_days(pl.DataFrame({"a": ACCEPTED}), 1)


def test_polars_expression() -> None:
    pl = pytest.importorskip("polars")
    df = pl.DataFrame({"accepted": ACCEPTED, "days": [5, 1, 1]})
    out = df.lazy().with_columns(
        due=bulk.polars_add_working_days("accepted", "days"),
        due_5=bulk.polars_add_working_days(pl.col("accepted"), 5),
    )
    result = out.collect()
    assert result["due"].to_list() == [D(2026, 5, 8), D(2026, 2, 23), D(2026, 1, 10)]
    assert result["due_5"].to_list() == DUE_5
    plain = df.select(bulk.polars_add_working_days("accepted", pl.col("days")))
    assert plain.columns == ["accepted"]
    with pytest.raises(InputTypeError):
        bulk.polars_add_working_days("accepted", 1.5)


# --- pyarrow -------------------------------------------------------------------------------------


def test_pyarrow_arrays_in_and_out() -> None:
    pa = pytest.importorskip("pyarrow")
    accepted = pa.array(ACCEPTED, type=pa.date32())
    due = bulk.add_working_days(accepted, 5)
    assert isinstance(due, pa.Array)
    assert due.type == pa.date32()
    assert due.to_pylist() == DUE_5
    chunked = pa.chunked_array([ACCEPTED[:1], ACCEPTED[1:]], type=pa.date32())
    assert bulk.add_working_days(chunked, 5).to_pylist() == DUE_5
    assert bulk.working_days_between(accepted, due).to_pylist() == [5, 5, 5]
    labels = bulk.classify(due, due)
    assert labels.dictionary.to_pylist() == list(bulk.TIMELINESS_LABELS)
    assert labels.to_pylist() == ["on_time"] * 3
    with_null = pa.array([D(2026, 4, 29), None], type=pa.date32())
    assert bulk.add_working_days(with_null, 5, nat="propagate").to_pylist() == [
        D(2026, 5, 8),
        None,
    ]
    with pytest.raises(InvalidArrayError):
        bulk.add_working_days(accepted, pa.array([1, None, 1]))
    with pytest.raises(InputTypeError):
        bulk.add_working_days(pa.array([0], type=pa.timestamp("s", tz="UTC")), 1)
    with pytest.raises(InputTypeError):
        bulk.add_working_days(pa.table({"a": accepted}), 1)
