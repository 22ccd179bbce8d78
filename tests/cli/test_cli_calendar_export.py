"""``tthc calendar-export``: one row per date, and due dates by a SQL join on it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest

import tthc.cli
from tthc.bulk import CALENDAR_COLUMNS as COLUMNS
from tthc.bulk import calendar_rows
from tthc.calendar import civil_service_calendar
from tthc.errors import InputTypeError

D = dt.date
CAL = civil_service_calendar()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = tthc.cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_csv_2026(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calendar-export", "--from", "2026", "--to", "2026")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 365
    by_date = {row["date"]: row for row in rows}
    # Saturday 10/01/2026 is a make-up working day for Friday 02/01/2026 (Công văn
    # 12729/VPCP-KGVX, Văn phòng Chính phủ, 25/12/2025).
    saturday = by_date["2026-01-10"]
    assert saturday["is_working_day"] == "true"
    assert saturday["kind"] == "make_up_working_day"
    assert "12729/VPCP-KGVX" in saturday["legal_ref"]
    assert by_date["2026-01-02"]["is_working_day"] == "false"
    # Tết 2026: 16–20/02 (Thông báo 9441/TB-BNV, Bộ Nội vụ).
    assert by_date["2026-02-17"]["kind"] == "public_holiday"
    assert by_date["2026-02-17"]["name_vi"] == "Tết Nguyên đán (mùng 1)"
    assert {row["data_version"] for row in rows} == {CAL.data_version}
    assert {row["provisional"] for row in rows} == {"false"}
    for row in rows:
        day = D.fromisoformat(row["date"])
        assert int(row["working_day_ordinal"]) == CAL.working_day_ordinal(day)
    # 261 weekdays - 14 weekday days off + 2 make-up Saturdays (10/01, 22/08) = 249 (official
    # overlay 2026: Công văn 12729/VPCP-KGVX, Thông báo 9441/TB-BNV).
    assert sum(row["is_working_day"] == "true" for row in rows) == 249


def test_calendar_export_spelled_as_two_words(capsys: pytest.CaptureFixture[str]) -> None:
    # `tthc calendar export ...` is routed to `calendar-export` (`calendar` takes a YEAR).
    code, out, _ = run(capsys, "calendar", "export", "--from", "2026", "--to", "2026")
    assert code == 0
    assert out.splitlines()[0] == ",".join(COLUMNS)
    assert len(out.splitlines()) == 366


def test_rows_refuse_a_year_that_is_not_an_integer() -> None:
    with pytest.raises(InputTypeError):
        list(calendar_rows(CAL, True))  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        list(calendar_rows(CAL, 2026, "2027"))  # type: ignore[arg-type]


def test_alias_json_to_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "cal.json"
    code, out, _ = run(
        capsys, "export-calendar", "--from", "2027", "--to", "2027", "--format", "json",
        "-o", str(target), "--json",
    )  # fmt: skip
    assert code == 0
    summary = json.loads(out)
    assert summary["rows"] == 365
    assert summary["first_day"] == "2027-01-01"
    rows = json.loads(target.read_text(encoding="utf-8"))
    assert rows[0]["date"] == "2027-01-01"
    assert rows[0]["provisional"] is True  # 2027 is not yet announced: projected
    assert rows[0]["is_working_day"] is False


def test_whole_range_to_csv_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "cal.csv"
    code, out, _ = run(capsys, "calendar-export", "--output", str(target))
    assert code == 0
    assert "7,670" in out
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("2015-01-01,")
    assert lines[-1].startswith("2035-12-31,")


def test_parquet(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "cal.parquet"
    code, _, _ = run(capsys, "calendar-export", "--from", "2026", "--to", "2026",
                     "--format", "parquet", "--output", str(target))  # fmt: skip
    assert code == 0
    table = pq.read_table(target)
    assert table.column_names == list(COLUMNS)
    assert table.num_rows == 365
    assert table.schema.metadata[b"data_version"] == CAL.data_version.encode()
    assert table.column("date")[9].as_py() == D(2026, 1, 10)
    assert table.column("is_working_day")[9].as_py() is True


def test_parquet_needs_output_and_pyarrow(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, "calendar-export", "--format", "parquet")
    assert code == 2
    assert err.startswith("error[cli.usage]")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    code, _, err = run(
        capsys, "calendar-export", "--format", "parquet", "-o", str(tmp_path / "x.parquet")
    )
    assert code == 2
    assert err.startswith("error[install.missing_extra]")
    assert "tthc[pyarrow]" in err


@pytest.mark.parametrize(
    ("argv", "code_name"),
    [
        (["--from", "2014"], "calendar.out_of_range"),
        (["--to", "2036"], "calendar.out_of_range"),
        (["--from", "2030", "--to", "2020"], "calendar.out_of_range"),
    ],
)
def test_bad_years(capsys: pytest.CaptureFixture[str], argv: list[str], code_name: str) -> None:
    code, out, err = run(capsys, "calendar-export", *argv)
    assert code == 2
    assert out == ""
    assert err.startswith(f"error[{code_name}]")
    assert len(err.strip().splitlines()) == 1


def test_unwritable_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "calendar-export", "-o", str(tmp_path / "missing" / "cal.csv"))
    assert code == 2
    assert err.startswith("error[cli.output]")


def test_rows_starting_on_a_working_day() -> None:
    # A local decision making 01/01/2026 a working day (test-only calendar).
    from tthc.calendar import DayKind
    from tthc.legal import LegalRef

    local = CAL.with_working_days(
        [D(2026, 1, 1)],
        name_vi="Làm việc (thử)",
        name_en="Working (test)",
        legal_ref=LegalRef("1/QĐ-UBND", kind="Quyết định", issuer="UBND tỉnh (test)"),
    )
    rows = list(calendar_rows(local, 2026, 2026))
    assert rows[0]["kind"] == DayKind.LOCAL_WORKING_DAY.value
    for row in rows[:15]:
        assert row["working_day_ordinal"] == local.working_day_ordinal(row["date"])


def test_sql_join_gives_the_scalar_due_dates() -> None:
    """The export lets a SQL engine count working days with a join (here: sqlite3)."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE cal (date TEXT, is_working_day INT, working_day_ordinal INT)")
    db.executemany(
        "INSERT INTO cal VALUES (?, ?, ?)",
        [
            (row["date"].isoformat(), int(row["is_working_day"]), row["working_day_ordinal"])
            for row in calendar_rows(CAL, 2024, 2027)
        ],
    )
    cases = [(D(2026, 2, 13), 5), (D(2026, 1, 9), 1), (D(2024, 5, 3), 1), (D(2026, 12, 30), 3)]
    db.execute("CREATE TABLE dossiers (accepted TEXT, days INT)")
    db.executemany("INSERT INTO dossiers VALUES (?, ?)", [(d.isoformat(), n) for d, n in cases])
    due = db.execute(
        """
        SELECT d.accepted, due.date
        FROM dossiers d
        JOIN cal a ON a.date = d.accepted
        JOIN cal due ON due.working_day_ordinal = a.working_day_ordinal + d.days
                    AND due.is_working_day = 1
        ORDER BY d.rowid
        """
    ).fetchall()
    assert [D.fromisoformat(row[1]) for row in due] == [
        CAL.add_working_days(d, n) for d, n in cases
    ]
