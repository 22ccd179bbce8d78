"""The migration report: counts, the rows to review with candidates and clause, CSV/XLSX, summary."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from tthc.errors import InputTypeError, MissingExtraError
from tthc.migrate import REPORT_COLUMNS, MigrationReport, migration_report

ADDRESSES = [
    "P. Tân An, Q. Ninh Kiều, TP Cần Thơ",
    "Phường Bùi Hữu Nghĩa, Quận Bình Thủy, Thành phố Cần Thơ",
    "Phường Tân An, TP Cần Thơ",
    "Phường Thảo Điền, Quận 2, TP.HCM",
    "Phường Ninh Kiều, Thành phố Cần Thơ",
]


def test_counts_and_rows_to_review() -> None:
    report = migration_report(ADDRESSES)
    assert report.counts == {"whole": 1, "split": 1, "ambiguous": 1, "unknown": 1, "already_new": 1}
    assert [number for number, _ in report.to_review] == [2, 3, 4]
    assert not report.done
    assert migration_report(ADDRESSES[:1]).done
    assert report.on == dt.date(2025, 6, 30)
    assert report.kind == "addresses"


def test_csv_has_the_candidates_and_the_clause() -> None:
    report = migration_report(ADDRESSES)
    buffer = io.StringIO()
    text = report.to_csv(buffer)
    assert buffer.getvalue() == text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(REPORT_COLUMNS)
    split = rows[0]
    assert (split["row"], split["status"], split["candidates"]) == ("2", "split", "31120;31168")
    assert "khoản 2 Điều 1" in split["clause"]
    assert "khoản 6 Điều 1" in split["clause"]
    assert split["old_name"] == "Phường Bùi Hữu Nghĩa, Quận Bình Thuỷ, Thành phố Cần Thơ"
    everything = list(csv.DictReader(io.StringIO(report.to_csv(everything=True))))
    assert len(everything) == 5
    assert everything[0]["new_code"] == "31135"


def test_csv_to_a_path(tmp_path: Path) -> None:
    target = tmp_path / "review.csv"
    migration_report(["00007", "31135"], kind="codes").to_csv(target)
    assert (
        target.read_text(encoding="utf-8").splitlines()[1].startswith("1,00007,split,00008;00025")
    )


def test_summary_says_what_to_do() -> None:
    text = migration_report(ADDRESSES).summary(limit=2)
    lines = text.splitlines()
    assert lines[0] == (
        "Báo cáo chuyển đổi (migration report): 5 địa chỉ / addresses, lập ngày (made on) "
        "30/06/2025"
    )
    assert "  chia tách (split: several candidate new units): 1" in lines
    assert any(line.startswith("  chia tách (split): chọn một đơn vị") for line in lines)
    assert "Cần xử lý (to review): 3 dòng (rows)" in lines
    assert lines[-1] == "  … còn 1 dòng (1 more: see the CSV or XLSX report)"
    done = migration_report(["31135"], kind="codes")
    assert done.explain().splitlines()[-1].startswith("Không có dòng cần xử lý")


def test_xlsx_has_summary_review_and_every_row(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "review.xlsx"
    migration_report(ADDRESSES).to_xlsx(target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Tóm tắt", "Cần xử lý", "Tất cả"]
    assert [c.value for c in book["Tóm tắt"][3]] == [
        "split",
        "chia tách (split: several candidate new units)",
        1,
    ]
    assert book["Cần xử lý"].max_row == 4
    assert book["Tất cả"].max_row == 6
    assert book["Cần xử lý"]["D2"].value == "31120;31168"


def test_xlsx_without_openpyxl(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError) as caught:
        migration_report(ADDRESSES[:1]).to_xlsx(tmp_path / "x.xlsx")
    assert "openpyxl" in (caught.value.hint or "")


def test_report_validates_its_fields() -> None:
    with pytest.raises(InputTypeError):
        MigrationReport(rows=("x",), kind="addresses", on=dt.date(2025, 6, 30))  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        MigrationReport(rows=(), kind="names", on=dt.date(2025, 6, 30))
    with pytest.raises(InputTypeError):
        migration_report(ADDRESSES, kind="names")
