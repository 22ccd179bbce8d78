"""A whole column at once: pandas, polars, Arrow and lists; every row marked, none raising."""

from __future__ import annotations

import datetime as dt

import pytest

from tthc.errors import InputTypeError
from tthc.migrate import (
    RESULT_COLUMNS,
    MigratedRow,
    MigrationStatus,
    convert_addresses,
    convert_codes,
    migrate_rows,
)

ADDRESSES = [
    "P. Tân An, Q. Ninh Kiều, TP Cần Thơ",  # NQ 1668 Điều 1 khoản 1 → 31135
    "Phường Bùi Hữu Nghĩa, Quận Bình Thủy, Thành phố Cần Thơ",  # khoản 2 and 6: split
    "Phường Tân An, TP Cần Thơ",  # old Tân An or new Tân An: ambiguous
    None,
    "Phường Thảo Điền, Quận 2, TP.HCM",  # Quận 2 is not in the 2024 list: unknown
    "Phường Ninh Kiều, Thành phố Cần Thơ",  # already new (khoản 1)
    "P. Tân An, Q. Ninh Kiều, TP Cần Thơ",
]
STATUSES = ["whole", "split", "ambiguous", "unknown", "unknown", "already_new", "whole"]


def test_pandas_series_gives_a_frame_on_its_index() -> None:
    pd = pytest.importorskip("pandas")
    series = pd.Series(ADDRESSES, index=range(10, 17), name="dia_chi")
    out = convert_addresses(series)
    assert list(out.columns) == list(RESULT_COLUMNS)
    assert list(out.index) == list(range(10, 17))
    assert list(out["status"]) == STATUSES
    assert out.loc[10, "new_code"] == "31135"
    assert out.loc[16, "new_code"] == "31135"
    assert out.loc[11, "new_code"] is None
    assert out.loc[11, "candidates"] == "31120;31168"
    assert "khoản 6 Điều 1, Nghị quyết 1668/NQ-UBTVQH15" in out.loc[11, "clause"]
    assert out.loc[12, "candidates"] == "31135;31147"
    assert out.loc[14, "candidates"].split(";")[0] == "27088"
    assert "near misses" in out.loc[14, "note"]
    assert out.loc[13, "note"].startswith("Giá trị trống")


def test_polars_and_arrow_and_lists() -> None:
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    frame = convert_addresses(pl.Series("dia_chi", ADDRESSES))
    assert frame.columns == list(RESULT_COLUMNS)
    assert frame["status"].to_list() == STATUSES
    table = convert_codes(pa.chunked_array([["00007", "31135"], [None, "916"]]))
    assert table.column_names == list(RESULT_COLUMNS)
    assert table.column("status").to_pylist() == ["split", "whole", "unknown", "unknown"]
    assert table.column("candidates").to_pylist()[0] == "00008;00025"
    plain = convert_codes(["31135", "31135"], on=dt.date(2025, 7, 1))
    assert plain["status"] == ["already_new", "already_new"]
    assert plain["old_code"] == [None, None]


def test_codes_must_be_text() -> None:
    with pytest.raises(InputTypeError) as caught:
        convert_codes(["00007", 7])
    assert "dtype=str" in (caught.value.hint or "")
    with pytest.raises(InputTypeError):
        convert_addresses("Phường 1, Quận 3, TP.HCM")  # one string is not a column
    with pytest.raises(InputTypeError):
        convert_addresses(12)
    with pytest.raises(InputTypeError):
        migrate_rows(["x"], kind="names")


def test_rows_carry_source_and_street() -> None:
    rows = migrate_rows(["54 Nguyễn Văn Cừ, phường An Hòa, quận Ninh Kiều", "", float("nan")])
    assert all(isinstance(r, MigratedRow) for r in rows)
    first = rows[0]
    assert (first.source, first.street, first.new_code, first.old_code) == (
        "54 Nguyễn Văn Cừ, phường An Hòa, quận Ninh Kiều",
        "54 Nguyễn Văn Cừ",
        "31120",
        "31120",
    )
    assert first.new_name == "Phường Cái Khế"
    assert [r.status for r in rows[1:]] == [MigrationStatus.UNKNOWN, MigrationStatus.UNKNOWN]
    codes = migrate_rows(["00007", "99999"], kind="codes")
    assert codes[0].candidate_names[0].startswith("Phường Ngọc Hà")
    assert codes[1].status is MigrationStatus.UNKNOWN
    assert "99999" in codes[1].note


def test_repeated_values_are_converted_once_and_agree() -> None:
    many = ADDRESSES[:3] * 500
    rows = migrate_rows(many)
    assert [r.status.value for r in rows[:3]] == STATUSES[:3]
    assert rows[0] is rows[3]  # the same text gives the same row object (converted once)


def test_unhashable_values_are_refused() -> None:
    with pytest.raises(InputTypeError):
        convert_codes([["00007"]])


def test_pandas_string_dtype_with_missing_values() -> None:
    pd = pytest.importorskip("pandas")
    series = pd.Series(["00007", None, "31135"], dtype="string")
    out = convert_codes(series)
    assert list(out["status"]) == ["split", "unknown", "whole"]
