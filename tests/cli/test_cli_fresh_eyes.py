"""Defects a new user met trying the documented commands (issue 21, "tried as a new user would").

Each test runs a command exactly as README.md, docs/reference/cli.md or a guide shows it, or a
near miss of it, and failed before its fix.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tthc.cli import main
from tthc.cli._schema import command_schema


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse refusals
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _valid(command: str, document: Any) -> None:
    schema = command_schema(command)
    jsonschema.Draft202012Validator(schema).validate(document)


@pytest.mark.parametrize("case", ["7 Ngày làm việc", "7 ngay lam viec"])
def test_case_listed_by_the_refusal_is_accepted(
    case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # 1.013076 (sang tên xe, Bộ Công an, QĐ 1383/QĐ-BCA) publishes three times for "Trực tiếp":
    # 2 and 7 ngày làm việc and 1 giờ. Without --case the command names them; giving one of the
    # names it printed (accents optional) must choose it. Before: CaseRequired, a subclass of
    # ProcessingTimeParseError, was caught by the wrong handler and re-raised, so no --case
    # ever worked for a catalogue record. 7 working days from Wed 29/04/2026: 30/4, 1/5
    # (Bộ luật Lao động 2019, khoản 1 Điều 112) and two weekends skipped → Tue 12/05/2026.
    base = ["deadline", "--accepted", "2026-04-29 10:00", "--procedure", "1.013076"]
    code, _, err = _run(base, capsys)
    assert code == 2
    assert err.startswith("error[deadline.case_required]")
    assert "7 Ngày làm việc" in err
    code, out, err = _run([*base, "--case", case], capsys)
    assert (code, err) == (0, "")
    assert "Ngày hẹn trả (due date): 12/05/2026" in out
    code, out, _ = _run([*base, "--case", case, "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    _valid("deadline", data)
    assert data["due_date"] == "2026-05-12"


def test_unit_of_a_district_prints_shares_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    # Quận Ninh Kiều (916) was dissolved on 01/07/2025 (Nghị quyết 1668/NQ-UBTVQH15): its
    # communes' successors are printed like `tthc unit successors`, the share as a Vietnamese
    # label, not the enum value "whole".
    code, out, _ = _run(["unit", "916"], capsys)
    assert code == 0
    assert "(whole;" not in out
    assert "Phường Tân An (31135) → Phường Ninh Kiều (31135) [toàn bộ / whole]" in out
    code, out, _ = _run(["unit", "An Binh"], capsys)
    assert code == 0
    assert "thêm --province" in out  # the advice in Vietnamese too


def test_procedure_show_speaks_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    # 1.001193 (đăng ký khai sinh, QĐ 163/QĐ-BTP) publishes a bare "1" per channel, which the
    # reader refuses (a number is never given a unit): the refusal is labelled in Vietnamese,
    # with its stable reason in brackets, and the snapshot date is DD/MM/YYYY (10/06/2026).
    code, out, _ = _run(["procedure", "show", "1.001193"], capsys)
    assert code == 0
    assert "từ chối (refused): số không có đơn vị thời gian (missing_unit)" in out
    assert "refused): missing_unit" not in out
    assert "Nguồn (source, 10/06/2026;" in out
    assert "2026-06-10;" not in out


def test_procedure_search_names_the_publishing_body(capsys: pytest.CaptureFixture[str]) -> None:
    # 1.003583 (đăng ký khai sinh lưu động) is published by the Ministry of Justice: the text
    # says "Bộ Tư pháp", not the portal folder "bo-tu-phap".
    code, out, _ = _run(["procedure", "search", "khai sinh luu dong"], capsys)
    assert code == 0
    assert "1.003583  Thủ tục đăng ký khai sinh lưu động  [Hộ tịch; Cấp xã; Bộ Tư pháp]" in out
    assert "bo-tu-phap" not in out


def test_authority_by_an_ambiguous_name_names_the_argument(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `tthc authority CODE|NAME`: the refusal of a name of several procedures names the
    # argument as documented, not "CODE".
    argv = ["authority", "khai sinh", "--unit", "P. Ninh Kiều", "--on", "1/3/2026"]
    code, _, err = _run(argv, capsys)
    assert code == 2
    assert err.startswith("error[procedure.unknown]:")
    assert "CODE|NAME 'khai sinh'" in err


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        # the calendar covers 2015–2035 (data/calendar: first and last announced ranges)
        (["workdays", "2035-12-01", "2036-01-10"], "give dates from 01/01/2015 to 31/12/2035"),
        (
            ["deadline", "--accepted", "30/12/2014 10:00", "--time", "1 ngày làm việc"],
            "cho ngày từ 01/01/2015 đến 31/12/2035",
        ),
        (["calendar-export", "--from", "2010"], "cho --from, --to từ 2015 đến 2035"),
    ],
)
def test_a_date_outside_the_calendar_names_the_range_as_a_form_does(
    argv: list[str], hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: "(tthc only answers for dates its calendar covers; pass dates inside the range)",
    # a library hint naming no range and no option.
    code, _, err = _run(argv, capsys)
    assert code == 2
    assert err.startswith("error[calendar.out_of_range]:")
    assert hint in err
    assert "pass dates inside the range" not in err


def test_workflow_check_counts_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The bundled example of đăng ký khai sinh (1.001193) checked on 01/03/2026 in Phường Ninh
    # Kiều: no finding of severity error. The summary line counts in Vietnamese first, as the
    # rest of the text does, not "(0 error, 0 warning, 1 info)".
    from tthc.workflows import example, to_csv

    path = str(tmp_path / "khai-sinh.csv")
    Path(path).write_text(to_csv(example("ho-tich.khai-sinh")), encoding="utf-8")
    code, out, _ = _run(
        ["workflow", "check", path, "--on", "01/03/2026", "--unit", "31135"], capsys
    )
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("1.001193 ")
    assert "0 lỗi / errors, 0 cảnh báo / warnings" in first
    assert " error," not in first


@pytest.mark.parametrize(
    ("argv", "see"),
    [
        (["calendar", "2026", "--bogus"], "(see: tthc calendar --help)"),
        (["unit", "successors", "916", "--on", "2026-01-01"], "(see: tthc unit successors --help)"),
        (["workflow", "diagram", "f.csv", "--bogus"], "(see: tthc workflow diagram --help)"),
        (["--bogus"], "(see: tthc --help)"),
    ],
)
def test_an_unknown_option_points_to_the_help_of_its_command(
    argv: list[str], see: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: every unrecognized argument was reported by the top-level parser, "(see: tthc
    # --help)", which does not list the options of `tthc calendar`.
    code, out, err = _run(argv, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("error[cli.usage]: unrecognized arguments: ")
    assert err.rstrip("\n").endswith(see)
    assert len(err.splitlines()) == 1


def test_catalogue_lint_summary_reads_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    # The report a provincial TTHC-control office sends back to the ministries: bodies by name,
    # kinds and reasons with Vietnamese labels (the CSV and JSON keep the stable values). The
    # Ministry of Justice's records include bare numbers, which the reader refuses.
    code, out, _ = _run(["catalogue", "lint", "--publisher", "Bộ Tư pháp"], capsys)
    assert code == 1  # findings
    assert out.startswith("Cơ quan công bố / publisher")
    assert "\nBộ Tư pháp " in out
    assert "bo-tu-phap" not in out
    assert "từ chối    Bộ Tư pháp: Hộ tịch" in out
    assert "số không có đơn vị thời gian — missing_unit (structured)" in out
    code, out, _ = _run(["catalogue", "lint", "--publisher", "Bộ Tư pháp", "--json"], capsys)
    data = json.loads(out)
    _valid("catalogue lint", data)
    assert "bo-tu-phap" in data["summary"]["by_publisher"]  # JSON: the stable values


def test_an_unpublished_channel_lists_the_published_ones_as_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 1.013076 publishes "Trực tiếp" and "Trực tuyến" only (QĐ 1383/QĐ-BCA): the hint lists
    # them as a person writes them, not as a Python list "['Trực tiếp', 'Trực tuyến']".
    argv = ["deadline", "--accepted", "2026-04-29 10:00", "--procedure", "1.013076"]
    code, _, err = _run([*argv, "--channel", "buu chinh"], capsys)
    assert code == 2
    assert err.startswith("error[input.wrong_type]:")
    assert "(choose --channel among 'Trực tiếp', 'Trực tuyến')" in err
    assert "['" not in err


def test_an_unreadable_catalogue_time_says_why_and_what_to_do(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 1.004859 (thay đổi, cải chính, bổ sung thông tin hộ tịch, QĐ 163/QĐ-BTP) publishes bare
    # numbers, which tthc never gives a unit (issue 16, item 3): the refusal names the reason
    # in Vietnamese and points to `tthc procedure show` and --time, not "reasons: missing_unit".
    argv = ["deadline", "--accepted", "2026-04-29 10:00", "--procedure", "1.004859"]
    code, out, err = _run(argv, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("error[deadline.unparsable]:")
    assert "lý do / reasons: số không có đơn vị thời gian (missing_unit)" in err
    assert "tthc procedure show 1.004859" in err
    assert "--time TEXT" in err
