"""What people file: Biểu 07a as XLSX (laid out like the official form), HTML and a chart."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_form07a import FIELDS, OCTOBER, SEPTEMBER, fully_online, scenario

from tthc.errors import InputTypeError, MissingExtraError
from tthc.reports import Form07aRow, form_07a, on_time_rate, plot_on_time_rates, to_html, write_xlsx


@pytest.fixture(scope="module")
def september() -> object:
    return form_07a(scenario().values(), SEPTEMBER, fields=FIELDS, online_full=fully_online)


def test_xlsx_is_laid_out_like_the_form(tmp_path: Path, september: object) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "07a.xlsx"
    write_xlsx(
        september, path, reporter="UBND phường Ninh Kiều", recipient="UBND thành phố Cần Thơ"
    )  # type: ignore[arg-type]
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value.startswith("Biểu số 07a/BTP/KSTT")
    assert sheet["A2"].value == "Kỳ báo cáo: Tháng 9 năm 2026"
    assert sheet["A3"].value == "(Từ ngày 15/08/2026 đến ngày 14/09/2026)"
    assert sheet["A4"].value == "Đơn vị báo cáo: UBND phường Ninh Kiều"
    assert sheet["C8"].value == "Số lượng hồ sơ tiếp nhận"
    assert "C8:H8" in {str(r) for r in sheet.merged_cells.ranges}
    assert [sheet.cell(10, c).value for c in range(4, 8)] == [
        "Trực tuyến toàn trình",
        "Trực tuyến một phần",
        "Qua dịch vụ bưu chính",
        "Trực tiếp",
    ]
    assert sheet["C11"].value == "(3)=(4)+(5)+(6)+(7)+(8)"
    assert [sheet.cell(12, c).value for c in range(1, 16)] == [
        1,
        "Chứng thực",
        1,
        1,
        0,
        0,
        0,
        0,
        1,
        1,
        0,
        0,
        0,
        0,
        0,
    ]
    assert [sheet.cell(14, c).value for c in range(2, 16)] == [
        "TỔNG CỘNG",
        9,
        1,
        0,
        0,
        7,
        1,
        6,
        3,
        2,
        1,
        3,
        3,
        0,
    ]


def test_html_is_printable_and_escaped(september: object) -> None:
    page = to_html(september, reporter="UBND <phường>")  # type: ignore[arg-type]
    assert page.startswith("<!DOCTYPE html>")
    assert "Tháng 9 năm 2026" in page
    assert "UBND &lt;phường&gt;" in page
    assert "<td>TỔNG CỘNG</td><td>9</td>" in page
    assert "http" not in page  # no external resource: prints offline


def test_on_time_rate() -> None:
    assert (
        on_time_rate(
            Form07aRow(
                "x", received_counter=4, resolved_early=1, resolved_on_time=2, resolved_late=1
            )
        )
        == 0.75
    )
    assert on_time_rate(Form07aRow("x")) is None


def test_chart(tmp_path: Path, september: object) -> None:
    pytest.importorskip("matplotlib")
    october = form_07a(scenario().values(), OCTOBER, fields=FIELDS, online_full=fully_online)
    path = tmp_path / "rates.png"
    plot_on_time_rates([september, october], path)  # type: ignore[list-item]
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(InputTypeError, match="Form07a"):
        plot_on_time_rates([], path)


def test_missing_extra_names_the_install_command(
    tmp_path: Path, september: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError, match="openpyxl") as info:
        write_xlsx(september, tmp_path / "x.xlsx")  # type: ignore[arg-type]
    assert info.value.hint == 'pip install "tthc[reports]"'
