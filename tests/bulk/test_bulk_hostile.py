"""tthc.bulk on hostile input (issue 17, item 3): each gives a tthc error or the right answer.

Time-zone aware polars columns are refused like pandas and pyarrow ones (they were read as UTC
instants); a ``datetime64`` scalar of a fine unit is read; picosecond, femtosecond and
attosecond units (a day in them overflows int64) are refused as a wrong dtype; an empty column
classifies to an empty result (empty Dask partitions); a unit column of mixed types names the
first bad row.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from tthc import bulk
from tthc.errors import InputTypeError

ACCEPTED = "2026-04-29"  # Wed; 30/4 and 1/5 are holidays, so the next working day is Mon 4/5


def test_a_zoned_polars_column_is_refused_not_read_as_utc() -> None:
    pl = pytest.importorskip("polars")
    for zone in ("Asia/Ho_Chi_Minh", "UTC"):
        column = pl.Series("accepted", [dt.datetime(2026, 4, 29, 7, 0)]).dt.replace_time_zone(zone)
        with pytest.raises(InputTypeError, match="time-zone aware") as caught:
            bulk.add_working_days(column, 1)
        assert caught.value.context["argument"] == "dates"
        assert "convert_time_zone" in (caught.value.hint or "")
    # naive local dates and datetimes at midnight are read as they are
    naive = pl.Series("accepted", [dt.datetime(2026, 4, 29)])
    assert bulk.add_working_days(naive, 1).to_list() == [dt.date(2026, 5, 4)]


def test_datetime64_scalars_are_read() -> None:
    for value in (np.datetime64(ACCEPTED), np.datetime64(ACCEPTED + "T00:00:00")):
        assert bulk.add_working_days(value, 1) == dt.date(2026, 5, 4)
    day = np.datetime64(ACCEPTED)
    assert bulk.classify(day, day).tolist() == ["on_time"]
    assert bulk.working_days_between(day, np.datetime64("2026-05-29")) == 20


@pytest.mark.parametrize("unit", ["ps", "fs", "as"])
def test_units_finer_than_a_nanosecond_are_refused(unit: str) -> None:
    column = np.array([ACCEPTED], dtype=f"datetime64[{unit}]")
    with pytest.raises(InputTypeError, match=rf"datetime64\[{unit}\]"):
        bulk.add_working_days(column, 1)


def test_empty_columns_classify_to_empty_results() -> None:
    empty = np.array([], dtype="datetime64[D]")
    assert bulk.classify(empty).tolist() == []
    assert bulk.classify(empty, empty).tolist() == []
    assert bulk.classify(empty, as_of=dt.date(2026, 1, 1)).tolist() == []
    assert bulk.classify(empty, codes=True).dtype == np.int8
    pd = pytest.importorskip("pandas")
    assert len(bulk.classify(pd.Series(empty), None, as_of=pd.Series(empty))) == 0


def test_a_unit_column_of_mixed_types_names_the_bad_value() -> None:
    accepted = np.array([ACCEPTED, ACCEPTED], dtype="datetime64[D]")
    for bad, units in ((5, ["working_day", 5]), (None, ["working_day", None])):
        with pytest.raises(InputTypeError, match="unit must be one of") as caught:
            bulk.compute_due_dates(accepted, 3, np.array(units, dtype=object))
        assert repr(bad) in caught.value.message
    mixed = np.array(["working_day", "calendar_day"], dtype=object)
    assert bulk.compute_due_dates(accepted, 3, mixed).tolist() == [
        dt.date(2026, 5, 6),
        dt.date(2026, 5, 4),
    ]
