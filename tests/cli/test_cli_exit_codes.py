"""The CLI's exit statuses (issue 17, item 4) and the hostile inputs of item 3 on the command line.

0 ok; 1 problems found (workflow findings); 2 bad usage or bad input, one line
``error[<code>]: ...`` on stderr; 3 an internal error, one line with where to report it and no
traceback unless ``--debug``.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import pytest

from tthc import cli
from tthc.cli import _calendar

_NOT_FOUND = 2


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = cli.main(list(argv))
    except SystemExit as exc:  # argparse
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def _one_error_line(err: str, code: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error[{code}]: "), err
    assert "Traceback" not in err


def test_ok_is_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "workdays", "2026-01-01", "2026-03-01")
    assert status == 0
    assert out


def test_bad_usage_is_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "workdays")
    assert status == _NOT_FOUND
    _one_error_line(err, "cli.usage")
    assert "tthc workdays --help" in err


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        # a year in 10000 once in Vietnam time (was OverflowError)
        (
            ("deadline", "--accepted", "9999-12-31 23:59-05:00", "--time", "05 ngày làm việc"),
            "input.wrong_type",
        ),
        # a year beyond a C long (was OverflowError)
        (("workdays", "99999999999999999999/1/2026", "2026-03-01"), "input.wrong_type"),
        (("workdays", "1/1/2026/7", "2026-03-01"), "input.wrong_type"),
    ],
)
def test_extreme_dates_are_bad_input(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], code: str
) -> None:
    status, _, err = _run(capsys, *argv)
    assert status == _NOT_FOUND
    _one_error_line(err, code)


def _dossier_file(tmp_path: Path) -> Path:
    """A dossier accepted Fri 2/10/2026 09:00 with a limit of 3 working days, saved."""
    import datetime as dt

    from tthc import serde
    from tthc._time import VN_TZ
    from tthc.deadlines import parse_processing_time
    from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind

    one_stop = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Ninh Kiều")
    dossier = Dossier(
        "CT-261002-0001",
        "1.001193",
        Channel.COUNTER,
        one_stop.unit,
        "UBND phường Ninh Kiều",
        parse_processing_time("03 ngày làm việc"),
    ).apply(
        DossierEvent(
            EventKind.ACCEPTED,
            "CT-261002-0001",
            dt.datetime(2026, 10, 2, 9, 0, tzinfo=VN_TZ),
            one_stop,
        )
    )
    path = tmp_path / "d.json"
    path.write_text(serde.to_json(dossier), encoding="utf-8")
    return path


def test_dossier_show_refuses_an_as_of_outside_vietnam_years(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _dossier_file(tmp_path)
    status, _, err = _run(capsys, "dossier", "show", str(path), "--as-of", "0001-01-01T00:00+14:00")
    assert status == _NOT_FOUND
    _one_error_line(err, "input.wrong_type")
    assert "Vietnam time" in err


def test_an_illegal_event_in_a_dossier_file_is_reported_at_its_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _dossier_file(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    delivered = dict(data["events"][0], kind="result_delivered", at="2026-10-02T11:00:00+07:00")
    data["events"] += [
        dict(
            delivered,
            at="2026-10-02T10:00:00+07:00",
            kind="forwarded",
            to_unit="UBND phường Ninh Kiều",
        ),
        delivered,
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    status, _, err = _run(capsys, "dossier", "show", str(path))
    assert status == _NOT_FOUND
    _one_error_line(err, "serde.invalid")
    assert "$.events[2]" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_or_a_device_is_refused_without_blocking(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo, counts = tmp_path / "d.json", tmp_path / "counts.csv"
    os.mkfifo(fifo)
    os.mkfifo(counts)
    sources = [str(fifo)] + (["/dev/zero"] if Path("/dev/zero").exists() else [])
    commands = [("dossier", "show", source) for source in sources] + [
        ("workflow", "check", str(fifo)),
        ("workload", "plan", str(counts)),
    ]
    for command in commands:
        status, _, err = _run(capsys, *command)
        assert status == _NOT_FOUND, command
        _one_error_line(err, "data.invalid")
        assert "not a regular file" in err


def test_an_integer_of_5000_digits_in_a_workflow_is_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tthc import workflows

    text = workflows.to_json(workflows.examples()[0])
    huge = text.replace('"schema_version": 1', '"schema_version": ' + "9" * 5000, 1)
    path = tmp_path / "w.json"
    path.write_text(huge, encoding="utf-8")
    status, _, err = _run(capsys, "workflow", "check", str(path))
    assert status == _NOT_FOUND
    _one_error_line(err, "serde.invalid")
    assert "number too long" in err
    bom = tmp_path / "bom.json"
    bom.write_text(text, encoding="utf-8-sig")  # a BOM is accepted, as by every reader
    assert _run(capsys, "workflow", "check", str(bom))[0] in (0, 1)


def _crash(_: argparse.Namespace) -> int:
    raise RuntimeError("boom")


def test_an_internal_error_is_3_with_one_line_and_where_to_report_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_calendar, "_workdays", _crash)
    original = _calendar.register

    def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        original(subparsers)
        subparsers.choices["workdays"].set_defaults(func=_crash)

    monkeypatch.setattr(_calendar, "register", register)
    status, out, err = _run(capsys, "workdays", "2026-01-01", "2026-03-01")
    assert status == 3
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("internal-error[RuntimeError]: boom")
    assert "report" in lines[0]
    assert "Traceback" not in err
    with pytest.raises(RuntimeError, match="boom"):
        cli.main(["workdays", "2026-01-01", "2026-03-01", "--debug"])


def test_the_exit_codes_are_documented(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--help")
    assert status == 0
    for text in (
        "0 thành công",
        "1 có vấn đề",
        "2 lệnh hoặc đầu vào sai",
        "3 lỗi nội bộ",
        "--debug",
    ):
        assert text in out
    reference = Path(__file__).parents[2] / "docs" / "reference" / "cli.md"
    if reference.exists():
        page = reference.read_text(encoding="utf-8")
        assert "internal error" in page
        assert "--debug" in page


@pytest.mark.parametrize("option", ["--utilisation", "--in-person-share", "--annual-leave"])
def test_a_decimal_option_that_is_not_a_number_is_bad_usage(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, option: str
) -> None:
    counts = tmp_path / "counts.csv"
    counts.write_text(
        "unit_code,procedure_code,month,count\n31135,1.001193,2026-03,10\n", encoding="utf-8"
    )
    # Decimal("x") raises decimal.InvalidOperation, which argparse does not catch by itself
    status, _, err = _run(capsys, "workload", "plan", str(counts), option, "x")
    assert status == _NOT_FOUND
    _one_error_line(err, "cli.usage")
    assert f"invalid value 'x' for {option}" in err
