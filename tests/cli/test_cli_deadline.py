"""``tthc deadline --procedure CODE``: the processing time comes from the bundled catalogue."""

from __future__ import annotations

import json

import pytest

from tthc.cli import main


def test_birth_registration_after_cut_off(capsys: pytest.CaptureFixture[str]) -> None:
    # 1.001193 (đăng ký khai sinh): same day, next working day when received after 15 giờ (Luật
    # Hộ tịch 2014 Art. 5.3). Accepted Wed 29/4/2026 16:00: 30/4, 1/5 and the weekend are days
    # off (Bộ luật Lao động 2019 Art. 112.1), so the result is due Monday 4/5/2026.
    assert main(["deadline", "--accepted", "2026-04-29 16:00", "--procedure", "1.001193"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Thủ tục (procedure): Thủ tục đăng ký khai sinh [1.001193]")
    assert "Ngày hẹn trả (due date): 04/05/2026" in out


def test_before_cut_off_json(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["deadline", "--accepted", "2026-04-29 15:00", "--procedure", "1.001193", "--json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["procedure"] == "1.001193"
    assert data["due_date"] == "2026-04-29"  # 15:00:00 itself is not "sau 15 giờ"


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["--procedure", "9.999999"], "procedure.unknown"),
        (["--procedure", "1.001193", "--channel", "Fax"], "input.wrong_type"),
    ],
)
def test_errors(argv: list[str], code: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--accepted", "2026-04-29 16:00", *argv]) == 2
    assert capsys.readouterr().err.startswith(f"error[{code}]:")


def test_time_and_procedure_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(
            [
                "deadline",
                "--accepted",
                "2026-04-29 16:00",
                "--procedure",
                "1.001193",
                "--time",
                "1 ngày",
            ]
        )
    assert info.value.code == 2
    assert "error[cli.usage]" in capsys.readouterr().err


def test_channel_and_case_are_options(capsys: pytest.CaptureFixture[str]) -> None:
    from tthc.cli import main

    text = "Trực tuyến: 5 ngày làm việc; Trực tiếp: 10 ngày làm việc"
    assert main(["deadline", "--accepted", "2026-04-29 16:00", "--time", text]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[deadline.case_required]")
    assert "give --channel with one of: trực tuyến, trực tiếp" in err
    # Online: 5 working days after Wed 29/4/2026, 30/4-3/5 off: due Fri 8/5.
    args = ["--time", text, "--channel", "truc tuyen"]
    assert main(["deadline", "--accepted", "2026-04-29 16:00", *args]) == 0
    assert "08/05/2026" in capsys.readouterr().out
