"""One command-line language (issue 21, item 1): what a person types, and what the CLI answers.

Every hint names a command or an option; a unit or a procedure is asked for by code or by name;
dates are DD/MM/YYYY or ISO everywhere, and a date where a time is needed is refused; accent-free
and abbreviated names ("P.", "TP", "X.", "Q.", "H.") are read alike in every command, with "did
you mean" for near misses; every subcommand and option has Vietnamese and English help; ``tthc``
alone prints an overview; every misuse is one ``error[...]`` line with exit status 2.

Units: QĐ 19/2025/QĐ-TTg codes; Phường Ninh Kiều (31135) was formed from phường Thới Bình, Tân
An and Xuân Khánh of quận Ninh Kiều (NQ 1668/NQ-UBTVQH15, Điều 1 khoản 1); Cống Vị (Hà Nội) was
split between Ngọc Hà and Giảng Võ (NQ 1656/NQ-UBTVQH15, Điều 1 khoản 4, 5); Cần Thơ, Hậu Giang
and Sóc Trăng formed the new Cần Thơ (NQ 202/2025/QH15). The due date of "5 ngày làm việc" from
29/04/2026 is 08/05/2026 (NĐ 118/2025/NĐ-CP Điều 17; 30/4, 1/5 and the weekend skipped).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tthc._text import has_diacritics
from tthc._time import VN_TZ
from tthc.cli import _hints, build_parser, main
from tthc.cli._common import parse_instant_arg
from tthc.errors import TthcError, UnknownUnit

_EXAMPLE_WORKFLOWS = Path(__file__).parents[2] / "examples" / "data" / "wrong_workflows.csv"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def _error(capsys: pytest.CaptureFixture[str], code: str, *argv: str) -> str:
    """Run a command that must fail with one ``error[code]`` line; return that line."""
    status, out, err = _run(capsys, *argv)
    assert status == 2, (out, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error[{code}]: "), err
    assert "usage:" not in err
    return lines[0]


# Python in a hint: a call, a dotted module, a keyword argument, the library's function names.
_PYTHON = re.compile(r"[A-Za-z_]\w*\(|tthc\.\w+\.|\b(?:on|province|facts|case|channel)=|find_units")


def _hint(line: str) -> str:
    return line[line.rfind(" (") :] if line.endswith(")") else ""


# --- every hint names a command or an option --------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "code", "expected"),
    [
        # pre-reform name in 2025: the library says find_units(...)/successors(code)
        (["unit", "Quận Ninh Kiều"], "unit.unknown", 'tthc unit successors "Quận Ninh Kiều"'),
        # a pre-reform code on a 2025 date: the library says tthc.units.successors('31117')
        (
            ["authority", "1.001193", "--unit", "31117", "--on", "2026-03-01"],
            "unit.not_in_force",
            "tthc unit successors 31117",
        ),
        # a missing case fact: the library says facts={'plan_scope': ...}
        (
            ["authority", "quy-hoach.phe-duyet", "--unit", "31135", "--on", "2026-03-01"],
            "authority.no_rule",
            "--fact plan_scope=VALUE",
        ),
        # an unknown code: the library says Catalog.search(name)
        (["procedure", "show", "9.999999"], "procedure.unknown", "tthc procedure search"),
        # a year not yet announced with --strict: the library says "a non-strict calendar"
        (["calendar", "2030", "--strict"], "calendar.provisional", "without --strict"),
        # a 2025 code given for successors: the library says predecessors('06978')
        (["unit", "successors", "06978"], "unit.unknown", "tthc unit predecessors 06978"),
        # a name of several units where a single one is needed
        (
            ["authority", "1.001193", "--unit", "Tân Thành", "--on", "2026-03-01"],
            "unit.ambiguous",
            "05923",
        ),
    ],
)
def test_hints_name_a_command_or_an_option(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: str, expected: str
) -> None:
    line = _error(capsys, code, *argv)
    assert expected in line
    assert not _PYTHON.search(_hint(line)), line


def test_the_library_keeps_its_python_hints() -> None:
    from tthc import units

    with pytest.raises(UnknownUnit) as err:
        units.unit_by_name("Quận Ninh Kiều")
    assert "successors(code)" in (err.value.hint or "")


def test_a_python_hint_without_a_rule_becomes_the_command_help() -> None:
    err = TthcError("Thông báo (message)", hint="use Duration.same_day() for same-day limits")
    assert _hints.cli_hint(err, "deadline") == "xem / see: tthc deadline --help"
    assert _hints.cli_hint(TthcError("m", hint="write YYYY-MM-DD")) == "write YYYY-MM-DD"
    assert _hints.cli_hint(TthcError("m")) is None
    assert _hints.looks_like_python("pass on= the date")
    assert not _hints.looks_like_python("e.g. --fact plan_scope=multi_commune")


def test_a_wrong_fact_value_names_the_fact_option() -> None:
    err = TthcError(
        "Không có quy tắc thẩm quyền (no competence rule)",
        hint="check the values of the facts: plan_scope='a'; plan_scope='b'",
    )
    err.code = "authority.no_rule"  # type: ignore[misc]
    assert _hints.cli_hint(err, "authority") == (
        "give the facts of one rule: --fact plan_scope=a | --fact plan_scope=b"
    )


def test_a_file_too_large_names_max_bytes_where_it_exists() -> None:
    err = TthcError(
        "Tệp quá lớn (file too large)", hint="split the file, or pass a larger max_bytes"
    )
    err.code = "data.invalid"  # type: ignore[misc]
    assert _hints.cli_hint(err, "workload") == "split the file, or give a larger --max-bytes"
    assert _hints.cli_hint(err, "dossier") == "split the file"


# --- units and procedures by code or by name --------------------------------------------------


def test_unit_by_code(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "unit", "31135")
    assert status == 0
    assert "31135  Phường Ninh Kiều" in out
    status, out, _ = _run(capsys, "unit", "31135", "--on", "30/06/2025")
    assert status == 0
    assert "Phường Tân An" in out  # the code's pre-reform unit


def test_a_pre_reform_district_shows_its_successors(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["unit", "916"], ["unit", "Quận Ninh Kiều", "--on", "30/06/2025"]):
        status, out, _ = _run(capsys, *argv)
        assert status == 0
        assert "916  Quận Ninh Kiều" in out
        assert "Phường Thới Bình (31123) → Phường Ninh Kiều (31135) [toàn bộ / whole]" in out
        assert "1668/NQ-UBTVQH15" in out


@pytest.mark.parametrize("unit", ["916", "Quận Ninh Kiều", "Q. Ninh Kiều", "quan ninh kieu"])
def test_unit_successors(capsys: pytest.CaptureFixture[str], unit: str) -> None:
    status, out, _ = _run(capsys, "unit", "successors", unit)
    assert status == 0, out
    assert out.startswith("Quận Ninh Kiều (916)")
    assert "Phường Tân An (31135) → Phường Ninh Kiều (31135)" in out
    assert "01/07/2025" in out  # the date the 2025 unit took over
    assert "khoản 1 Điều 1, Nghị quyết 1668/NQ-UBTVQH15" in out


def test_unit_successors_of_a_split_commune_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "unit", "successors", "Cống Vị", "--province", "Hà Nội", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["unit"]["full_name"] == "Phường Cống Vị"
    pairs = [(s["new"]["code"], s["share"], s["effective"]) for s in data["successions"]]
    assert pairs == [("00008", "part", "2025-07-01"), ("00025", "part", "2025-07-01")]
    assert data["successions"][0]["legal_ref"]["document"] == "1656/NQ-UBTVQH15"


@pytest.mark.parametrize("unit", ["31135", "P. Ninh Kiều", "phuong ninh kieu"])
def test_unit_predecessors(capsys: pytest.CaptureFixture[str], unit: str) -> None:
    status, out, _ = _run(capsys, "unit", "predecessors", unit, "--json")
    assert status == 0
    data = json.loads(out)
    assert data["unit"]["code"] == "31135"
    assert [s["old"]["code"] for s in data["successions"]] == ["31123", "31135", "31144"]


def test_unit_predecessors_of_a_province(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "unit", "predecessors", "TP Cần Thơ")
    assert status == 0
    assert "← Tỉnh Hậu Giang (93)" in out
    assert "← Tỉnh Sóc Trăng (94)" in out
    assert "202/2025/QH15" in out


def test_unit_successors_refuses_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    line = _error(capsys, "unit.not_in_force", "unit", "predecessors", "916")
    assert "tthc unit successors 916" in line
    _error(capsys, "cli.usage", "unit", "successors")


def test_authority_by_names(capsys: pytest.CaptureFixture[str]) -> None:
    status, by_code, _ = _run(
        capsys, "authority", "1.001193", "--unit", "31135", "--on", "2026-03-01", "--json"
    )
    assert status == 0
    status, by_name, _ = _run(
        capsys,
        "authority",
        "đăng ký khai sinh",
        "--unit",
        "P. Ninh Kiều",
        "--on",
        "01/03/2026",
        "--json",
    )
    assert status == 0
    assert json.loads(by_name) == json.loads(by_code)


def test_procedure_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "procedure", "show", "dang ky khai sinh")
    assert status == 0
    assert out.startswith("1.001193  ")
    line = _error(capsys, "procedure.unknown", "procedure", "show", "khai sinh")
    assert "1.001193" in line  # the candidates are listed
    assert 'tthc procedure search "khai sinh"' in line
    _error(capsys, "procedure.unknown", "procedure", "show", "không có thủ tục này")


def test_deadline_procedure_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["deadline", "--accepted", "2026-04-29 10:00", "--json", "--procedure"]
    status, by_code, _ = _run(capsys, *argv, "1.001193")
    assert status == 0
    status, by_name, _ = _run(capsys, *argv, "Thủ tục đăng ký khai sinh")
    assert status == 0
    assert json.loads(by_name) == json.loads(by_code)


def test_workflow_check_unit_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["workflow", "check", str(_EXAMPLE_WORKFLOWS), "--on", "2026-07-01", "--unit"]
    status, by_code, _ = _run(capsys, *argv, "31135")
    assert status == 1  # the example has errors on purpose
    status, by_name, _ = _run(capsys, *argv, "P. Ninh Kiều")
    assert status == 1
    assert by_name == by_code


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iso", "vietnamese"),
    [
        (["workdays", "2026-04-29", "2026-05-08"], ["workdays", "29/04/2026", "8/5/2026"]),
        (
            ["authority", "1.001193", "--unit", "31135", "--on", "2026-03-01"],
            ["authority", "1.001193", "--unit", "31135", "--on", "01/03/2026"],
        ),
        (["unit", "Ninh Kiều", "--on", "2025-06-30"], ["unit", "Ninh Kiều", "--on", "30/06/2025"]),
        (
            ["deadline", "--accepted", "2026-04-29 16:00", "--time", "5 ngày làm việc"],
            ["deadline", "--accepted", "29/04/2026 16:00", "--time", "5 ngày làm việc"],
        ),
        (
            ["deadline", "--accepted", "2026-04-29 07:30", "--time", "5 ngày làm việc"],
            ["deadline", "--accepted", "29/4/2026 7:30", "--time", "5 ngày làm việc"],
        ),
        (
            ["workflow", "check", str(_EXAMPLE_WORKFLOWS), "--on", "2026-07-01"],
            ["workflow", "check", str(_EXAMPLE_WORKFLOWS), "--on", "01/07/2026"],
        ),
    ],
)
def test_dd_mm_yyyy_and_iso_everywhere(
    capsys: pytest.CaptureFixture[str], iso: list[str], vietnamese: list[str]
) -> None:
    first = _run(capsys, *iso)
    assert first[0] in (0, 1), first
    assert _run(capsys, *vietnamese) == first


def test_deadline_accepts_dd_mm_yyyy_with_a_time(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["deadline", "--accepted", "29/04/2026 16:00", "--time", "5 ngày làm việc", "--json"]
    status, out, _ = _run(capsys, *argv)
    assert status == 0
    assert json.loads(out)["due_date"] == "2026-05-08"


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("29/04/2026 16:00", dt.timedelta(hours=7)),  # no offset: Vietnam time
        ("2026-04-29T16:00+07:00", dt.timedelta(hours=7)),
        ("2026-04-29T09:00+00:00", dt.timedelta(0)),
    ],
)
def test_an_instant_argument_is_read_as_tthc_reads_stored_instants(
    text: str, offset: dt.timedelta
) -> None:
    # the one reader of instants (tthc._time.read_instant): +07:00 is VN_TZ, other offsets kept
    value = parse_instant_arg(text, "--accepted", "Thời điểm tiếp nhận (acceptance)")
    assert value.utcoffset() == offset
    assert (value.tzinfo is VN_TZ) == (offset == dt.timedelta(hours=7))
    assert value == dt.datetime(2026, 4, 29, 9, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("when", ["2026-04-29", "29/04/2026", "29/4/2026 "])
def test_a_date_where_a_time_is_required_is_refused(
    capsys: pytest.CaptureFixture[str], when: str
) -> None:
    line = _error(
        capsys, "input.wrong_type", "deadline", "--accepted", when, "--time", "5 ngày làm việc"
    )
    assert "without a time of day" in line
    assert "'29/04/2026 16:00' or '2026-04-29 16:00'" in line  # the expected form


def test_as_of_needs_a_time_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    line = _error(
        capsys,
        "input.wrong_type",
        "dossier",
        "show",
        str(tmp_path / "x.json"),
        "--as-of",
        "2026-04-13",
    )
    assert "--as-of '2026-04-13' is a date without a time of day" in line


def test_calendar_year_out_of_range_names_the_year(capsys: pytest.CaptureFixture[str]) -> None:
    line = _error(capsys, "calendar.out_of_range", "calendar", "20266")
    assert "20266 is not one of the years 2015–2035" in line
    assert "9999" not in line


@pytest.mark.parametrize(
    "text", ["31/02/2026", "2026-02-30", "1/3/26", "١/٣/٢٠٢٦", "1/3/2026 10:00"]
)
def test_not_a_date(capsys: pytest.CaptureFixture[str], text: str) -> None:
    line = _error(capsys, "input.wrong_type", "workdays", text, "2026-03-10")
    assert "DD/MM/YYYY or YYYY-MM-DD" in line


# --- accents and abbreviations ----------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["unit", "P. Ninh Kiều"],
        ["unit", "p.ninh kieu"],
        ["unit", "Phường Ninh Kiều"],
        ["unit", "Ninh Kiều", "--province", "TP Cần Thơ"],
        ["unit", "Ninh Kieu", "--province", "Tp. Can Tho"],
        ["unit", "ninh kieu", "--province", "thanh pho can tho"],
    ],
)
def test_abbreviated_and_accent_free_names(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, _ = _run(capsys, *argv)
    assert status == 0
    assert out.startswith("31135  Phường Ninh Kiều")


def test_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    line = _error(capsys, "unit.unknown", "unit", "Nin Kieu")
    assert "did you mean Phường Ninh Kiều (31135)?" in line
    line = _error(
        capsys, "unit.unknown", "authority", "1.001193", "--unit", "Nin Kieu", "--on", "2026-03-01"
    )
    assert "did you mean Phường Ninh Kiều (31135)?" in line


def test_accent_free_processing_time(capsys: pytest.CaptureFixture[str]) -> None:
    base = ["deadline", "--accepted", "29/04/2026 10:00", "--json", "--time"]
    status, accented, _ = _run(capsys, *base, "5 ngày làm việc")
    assert status == 0
    status, plain, _ = _run(capsys, *base, "5 ngay lam viec")
    assert status == 0
    keys = ("duration", "due_date", "due_at", "skipped")
    assert [json.loads(plain)[k] for k in keys] == [json.loads(accented)[k] for k in keys]


def test_accent_free_time_refused_by_the_reader_says_how_to_type_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # "ngay" alone may be ngay (immediately) or ngày (day): the reader refuses it on purpose
    # (docs/fundamentals/reading-processing-times.md, step 1).
    line = _error(
        capsys,
        "deadline.unparsable",
        "deadline",
        "--accepted",
        "29/04/2026 10:00",
        "--time",
        "5 ngay",
    )
    assert "'ngay' may be 'ngay' (immediately) or 'ngày' (day)" in line
    assert 'type the Vietnamese diacritics, e.g. --time "5 ngày làm việc"' in line


@pytest.fixture
def counts(tmp_path: Path) -> tuple[Path, Path]:
    # Xã Sóc Sơn (00376) and Phường Ninh Kiều (31135), QĐ 19/2025/QĐ-TTg.
    dossiers = tmp_path / "counts.csv"
    dossiers.write_text(
        "unit_code,procedure_code,month,count\n00376,1.001193,2026-01,100\n"
        "31135,1.001193,2026-01,50\n",
        encoding="utf-8",
    )
    efforts = tmp_path / "effort.csv"
    efforts.write_text(
        "procedure_code,role,minutes\n1.001193,reception,10\n1.001193,processing,20\n",
        encoding="utf-8",
    )
    return dossiers, efforts


@pytest.mark.parametrize(("kind", "code"), [("xa", "00376"), ("X.", "00376"), ("phuong", "31135")])
def test_workload_unit_kind_accent_free(
    capsys: pytest.CaptureFixture[str], counts: tuple[Path, Path], kind: str, code: str
) -> None:
    dossiers, efforts = counts
    argv = ["workload", "plan", str(dossiers), "--effort", str(efforts), "--csv", "--unit-kind"]
    status, out, _ = _run(capsys, *argv, kind)
    assert status == 0
    rows = out.strip().splitlines()[1:]
    assert [row.split(",")[0] for row in rows] == [code]
    accented = {"xa": "xã", "X.": "xã", "phuong": "phường"}[kind]
    assert _run(capsys, *argv, accented) == (status, out, "")


def test_workload_unknown_unit_kind_is_refused(
    capsys: pytest.CaptureFixture[str], counts: tuple[Path, Path]
) -> None:
    dossiers, _ = counts
    line = _error(
        capsys, "input.wrong_type", "workload", "plan", str(dossiers), "--unit-kind", "xaa"
    )
    assert "--unit-kind 'xaa' is not a kind of unit" in line


# --- help, overview and misuse ----------------------------------------------------------------


def _bilingual(text: str | None, *, description: bool = False) -> bool:
    if text is None or text == argparse.SUPPRESS:
        return True
    vietnamese, sep, _ = text.partition(" / ")
    if description and not sep:  # the top description: Vietnamese lines, then English lines
        return has_diacritics(text) and "\n" in text
    return bool(sep) and has_diacritics(vietnamese)


def _parsers(
    parser: argparse.ArgumentParser, path: str = "tthc"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{path} {name}")


def test_every_subcommand_and_option_has_vietnamese_and_english_help() -> None:
    missing = []
    for path, parser in _parsers(build_parser()):
        if not _bilingual(parser.description, description=True):
            missing.append(f"{path}: description")
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                missing += [
                    f"{path} {choice.dest}: help"
                    for choice in action._choices_actions
                    if not _bilingual(choice.help)
                ]
            elif not _bilingual(action.help):
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    assert missing == []


def test_subcommand_help_is_bilingual(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "unit", "successors", "--help")
    assert status == 0
    assert out.startswith("usage: tthc unit successors")
    assert "hướng dẫn này / show this help and exit" in out
    assert "show this help message and exit" not in out


def test_no_arguments_prints_a_short_overview(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys)
    assert (status, err) == (0, "")
    assert "Lệnh / commands:" in out
    assert "  deadline " in out
    assert "hạn giải quyết hồ sơ / due date" in out
    assert "options:" not in out  # not the whole help
    assert len(out.splitlines()) < 30


@pytest.mark.parametrize(
    "argv",
    [
        ["nosuch"],
        ["calendar"],
        ["calendar", "abc"],
        ["calendar", "2026", "--bad"],
        ["workload"],
        ["procedure"],
        ["unit"],
        ["dossier"],
        ["deadline", "--accepted", "2026-04-29 10:00"],
        ["deadline", "--accepted", "2026-04-29 10:00", "--time", "5 ngày", "--procedure", "1"],
    ],
)
def test_every_misuse_is_one_error_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    line = _error(capsys, "cli.usage", *argv)
    assert "--help" in line


def _coded(error_code: str, hint: str | None = None, **context: object) -> TthcError:
    err = TthcError("Thông báo (message)", hint=hint, **context)
    err.code = error_code  # type: ignore[misc]
    return err


@pytest.mark.parametrize(
    ("err", "command", "expected"),
    [
        # a 2025 unit on a date before 1/7/2025 (UnitNotInForce of a 2025 unit)
        (
            _coded("unit.not_in_force", code="06978", on="2025-06-30", legacy=False),
            "authority",
            'before 1/7/2025 the pre-reform units apply: tthc unit "NAME" --on 2025-06-30 finds '
            "their codes",
        ),
        (
            _coded("unit.ambiguous", candidates=("05923", "06445"), name="Tân Thành"),
            "unit",
            "give --province (92 or Cần Thơ) or one of the codes: 05923, 06445",
        ),
        (
            _coded("deadline.case_required", reason="channel_required", cases=("a", "b")),
            "deadline",
            "give --channel with one of: a, b",
        ),
        (
            _coded("deadline.case_required", cases=("một", "hai")),
            "deadline",
            "give --case with one of: một, hai",
        ),
        (
            _coded("deadline.unparsable", "read the text yourself and pass a Duration, or name it"),
            "deadline",
            'give --time with the limit that applies, e.g. --time "5 ngày làm việc", or --case '
            "WORDS when the text has several cases",
        ),
        (
            _coded("deadline.unparsable", "write the number in digits"),
            "deadline",
            "write the number in digits",
        ),
        (
            _coded("authority.no_rule", "tthc.authorities.procedure_keys() lists them"),
            "authority",
            "tthc covers the competence of its own rules only; tthc procedure show CODE prints "
            "the authority as published",
        ),
        (
            _coded("authority.no_rule", "tthc will not guess: check the decree"),
            "authority",
            "tthc will not guess: check the decree",
        ),
        (
            _coded("unit.unknown", "did you mean X (1)?", name="Y", suggestions=("1",)),
            None,
            "did you mean X (1)?",
        ),
        (_coded("data.invalid", "check the separators"), "migrate", "check the separators"),
        (_coded("tthc.error", "use Month.parse('2026-01')"), None, "xem / see: tthc --help"),
    ],
)
def test_cli_hint_rules(err: TthcError, command: str | None, expected: str) -> None:
    assert _hints.cli_hint(err, command) == expected


def test_unknown_names_and_provinces(capsys: pytest.CaptureFixture[str]) -> None:
    line = _error(capsys, "unit.unknown", "unit", "Ninh Kiều", "--province", "Atlantis")
    assert 'give the province code or name, e.g. --province 92 or --province "TP Cần Thơ"' in line
    line = _error(capsys, "unit.unknown", "unit", "Zzzz Qqqq")
    assert line.endswith(
        "(check the spelling (accents optional; kinds may be abbreviated: P., X., TP))"
    )
    line = _error(
        capsys, "unit.unknown", "authority", "1.001193", "--unit", "Zzzz Qqqq", "--on", "2026-03-01"
    )
    assert 'or give the unit code (tthc unit "NAME" finds it)' in line


def test_instant_and_unit_argument_errors(capsys: pytest.CaptureFixture[str]) -> None:
    base = ["deadline", "--time", "5 ngày làm việc", "--accepted"]
    line = _error(capsys, "input.wrong_type", *base, "29/04/2026 25:00")
    assert "is not a date and time" in line
    line = _error(capsys, "input.wrong_type", *base, "9999-12-31 23:59-05:00")
    assert "outside the years 1–9999" in line
    line = _error(
        capsys, "input.wrong_type", "authority", "1.001193", "--unit", " ", "--on", "2026-03-01"
    )
    assert "--unit is empty" in line


def test_no_succession_is_said(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tthc.cli import _unit_succession

    monkeypatch.setattr(_unit_succession, "_predecessors_of", lambda _unit: ())
    status, out, _ = _run(capsys, "unit", "predecessors", "31135")
    assert status == 0
    assert out.splitlines()[-1] == "  không có / none recorded"
