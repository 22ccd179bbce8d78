"""Issue 15's numbered list of hostile inputs, one test (or parametrised group) per item."""

from __future__ import annotations

import contextlib
from decimal import Decimal
from typing import Any

import pytest

from tthc.deadlines import Duration
from tthc.deadlines._reader import (
    MAX_LENGTH,
    Amount,
    ByChannel,
    Cases,
    Limit,
    Sequence,
    WithAlternatives,
    read_processing_time,
)
from tthc.errors import InputTypeError, ProcessingTimeParseError

FIVE_WORKING_DAYS = {"limit": "5 working_day", "bound": "exact"}


def label(text: str) -> dict[str, Any]:
    return read_processing_time(text).to_label()


def reason(text: str) -> str:
    with pytest.raises(ProcessingTimeParseError) as caught:
        read_processing_time(text)
    return str(caught.value.context["reason"])


# 1. whitespace and invisible characters, bracketed and hyphenated unit words
@pytest.mark.parametrize(
    "text",
    [
        "05 ngày\nlàm việc",
        "05 ngày\r\n làm việc",
        "05 ngày\u200blàm việc",
        "05 ngày\u00adlàm việc",
        "05\u200dngày làm việc",
        "\ufeff05 ngày làm việc",
        "05\u00a0ngày\tlàm việc",
        "05 ngày (làm việc)",
        "05 ngày làm-việc",
        "05 NGÀY LÀM VIỆC",
    ],
)
def test_1_noise_inside_the_unit_keeps_working_days(text: str) -> None:
    assert label(text) == FIVE_WORKING_DAYS


# 2. afternoon cut-offs
@pytest.mark.parametrize(("hour", "expected"), [("3 giờ chiều", "15:00"), ("2 giờ chiều", "14:00")])
def test_2_afternoon_cutoff(hour: str, expected: str) -> None:
    text = f"nhận sau {hour} thì trả kết quả trong ngày làm việc tiếp theo"
    assert label(text) == {"limit": "same_day", "bound": "exact", "cutoff": expected}


# 3. every cut-off form; the start-next-day rule for nộp / nhận / tiếp nhận
@pytest.mark.parametrize(
    ("form", "expected"),
    [("15g", "15:00"), ("15h", "15:00"), ("15 giờ", "15:00"), ("15 giờ 30", "15:30")],
)
def test_3_cutoff_forms(form: str, expected: str) -> None:
    text = f"Ngay trong ngày; nhận hồ sơ sau {form} thì trả kết quả trong ngày làm việc tiếp theo"
    assert label(text)["cutoff"] == expected


@pytest.mark.parametrize("verb", ["nộp", "nhận", "tiếp nhận"])
def test_3_start_next_day_for_every_verb(verb: str) -> None:
    text = f"05 ngày làm việc; {verb} sau 15 giờ thì tính từ ngày làm việc tiếp theo"
    assert label(text) == {**FIVE_WORKING_DAYS, "cutoff": "15:00", "start": "next_working_day"}


# 4. compound durations
def test_4_years_and_months_add() -> None:
    assert label("2 năm 6 tháng") == {"limit": "30 month", "bound": "exact"}
    assert label("1 giờ 30 phút") == {"limit": "90 clock_minute", "bound": "exact"}


def test_4_working_days_and_clock_hours_do_not_add() -> None:
    assert reason("3 ngày làm việc 5 giờ") == "mixed_units"


# 5. Vietnamese number words
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hai trăm ba ngày", "230 calendar_day"),
        ("hai trăm linh ba ngày", "203 calendar_day"),
        ("hai trăm lẻ ba ngày", "203 calendar_day"),
        ("một trăm năm ngày", "150 calendar_day"),
        ("mười lăm ngày làm việc", "15 working_day"),
        ("hai mươi mốt ngày", "21 calendar_day"),
        ("hai mươi tư giờ", "24 clock_hour"),
        ("ba mươi nhăm ngày", "35 calendar_day"),
        ("1 ngày rưỡi làm việc", "1.5 working_day"),
        ("mười (10) ngày làm việc", "10 working_day"),
        ("05 (năm) ngày", "5 calendar_day"),
    ],
)
def test_5_number_words(text: str, expected: str) -> None:
    assert label(text)["limit"] == expected


def test_5_ambiguous_or_inexpressible_words_are_refused() -> None:
    assert reason("mười năm ngày làm việc") == "ambiguous_number"
    assert reason("ba tháng rưỡi") == "unsupported"
    assert reason("năm (06) ngày") == "number_mismatch"


# 6. thousands separators and comma decimals
def test_6_thousands_and_decimals() -> None:
    assert label("1.440 phút")["limit"] == "1440 clock_minute"
    assert label("1.200 giờ")["limit"] == "1200 clock_hour"
    assert label("1,5 ngày làm việc")["limit"] == "1.5 working_day"
    assert reason("1,000 ngày") == "ambiguous_number"


# 7. minimums, next working day, weeks, verification and reissue alternatives
def test_7_minimums_are_not_limits() -> None:
    assert reason("Tối thiểu 05 ngày làm việc") == "minimum_only"
    assert reason("ít nhất 10 ngày") == "minimum_only"


def test_7_same_day_or_at_latest_next_working_day() -> None:
    text = "Ngay trong ngày làm việc hoặc chậm nhất trong ngày làm việc tiếp theo"
    assert label(text) == {"limit": "1 working_day", "bound": "max"}


def test_7_weeks() -> None:
    assert label("2 tuần làm việc")["limit"] == "10 working_day"
    assert label("2 tuần")["limit"] == "14 calendar_day"


@pytest.mark.parametrize(
    ("text", "kind", "amount"),
    [
        ("05 ngày làm việc (trường hợp xác minh: 10 ngày làm việc)", "verification", "10"),
        ("07 ngày làm việc (trường hợp cấp lại: 03 ngày làm việc)", "reissue", "3"),
    ],
)
def test_7_bracketed_cases_are_alternatives_not_shares(text: str, kind: str, amount: str) -> None:
    root = read_processing_time(text).root
    assert isinstance(root, WithAlternatives)
    (alternative,) = root.alternatives
    assert alternative.kind == kind
    assert alternative.mode == "replaces"
    assert alternative.reading.to_label()["limit"] == f"{amount} working_day"


# 8. an empty channel is empty, never borrowed
def test_8_empty_channel_is_not_borrowed() -> None:
    root = read_processing_time("Trực tuyến: ; Trực tiếp: 10 ngày").root
    assert isinstance(root, ByChannel)
    assert dict(root.channels)["online"] is None
    counter = dict(root.channels)["counter"]
    assert counter is not None
    assert counter.to_label() == {"limit": "10 calendar_day", "bound": "exact"}


# 9. shares inside a total, posting kept apart
def test_9_shares_are_checked_against_the_total() -> None:
    assert label("45 ngày, trong đó Sở TNMT 30 ngày, UBND tỉnh 15 ngày") == {
        "total": {"limit": "45 calendar_day", "bound": "exact"},
        "shares": [
            {"who": "Sở TNMT", "reading": {"limit": "30 calendar_day", "bound": "exact"}},
            {"who": "UBND tỉnh", "reading": {"limit": "15 calendar_day", "bound": "exact"}},
        ],
    }
    assert reason("45 ngày, trong đó Sở TNMT 30 ngày, UBND tỉnh 10 ngày") == "shares_mismatch"


def test_9_posting_is_kept_apart_from_the_limit() -> None:
    assert label("20 ngày làm việc (không kể thời gian niêm yết 7 ngày)") == {
        "limit": "20 working_day",
        "bound": "exact",
        "excluded": [{"kind": "posting", "reading": {"limit": "7 calendar_day", "bound": "exact"}}],
    }


# 10. no RecursionError up to the length cap
@pytest.mark.parametrize(
    "text",
    [
        "Trực tuyến: " * 248 + "5 ngày làm việc",
        "Trực tuyến: " * 830 + "5 ngày làm việc",
        "(" * 9_990 + "5 ngày",
        "- " * 4_990 + "5 ngày",
        "Trường hợp A: " * 700 + "5 ngày",
        "+ 5 ngày; " * 990,
    ],
)
def test_10_long_nested_input_never_overflows(text: str) -> None:
    assert len(text) <= MAX_LENGTH
    with contextlib.suppress(ProcessingTimeParseError):
        read_processing_time(text)


def test_10_too_long_is_refused() -> None:
    assert reason("5 ngày " * 2_000) == "too_long"


# 11. cases without a default have no base
def test_11_cases_without_default_name_no_base() -> None:
    root = read_processing_time("- Trường hợp A: 05 ngày; - Trường hợp B: 10 ngày").root
    assert isinstance(root, Cases)
    assert root.default is None
    assert [case.label for case in root.cases] == ["A", "B"]
    assert not hasattr(root, "base")


# the fee schedule of the issue, and other refusals
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lệ phí: 50.000 đồng; nộp lệ phí ngay sau khi nhận được kết quả", "no_authority_time"),
        ("5", "bare_number"),
        ("Không có thông tin", "no_information"),
        ("", "no_information"),
        ("Cap ngay", "accent_free_ambiguous"),
        ("10 - 15 ngày", "range"),
        ("Tối đa 07 ngày làm việc/tờ", "per_unit"),
        ("Trước ngày 30/11", "fixed_date"),
        ("Không quy định thời hạn giải quyết", "no_limit"),
        ("Thời hạn giải quyết: theo Quy chế làm việc của Chính phủ.", "by_reference"),
        ("kể từ ngày nhận đủ hồ sơ hợp lệ.", "no_amount"),
        ("Trong thời hạn không quá 06 làm việc", "missing_unit"),
    ],
)
def test_refusals_carry_a_stable_reason(text: str, expected: str) -> None:
    assert reason(text) == expected


def test_accent_free_text_is_read_where_unambiguous() -> None:
    assert label("5 ngay lam viec") == FIVE_WORKING_DAYS
    assert label("khong qua 3 thang") == {"limit": "3 month", "bound": "max"}


def test_applicant_time_is_kept_apart() -> None:
    got = label("người nộp hồ sơ phải bổ sung trong vòng 90 ngày; 10 ngày làm việc")
    assert got["limit"] == "10 working_day"
    assert got["excluded"][0]["kind"] == "applicant"


def test_non_text_is_an_input_type_error() -> None:
    with pytest.raises(InputTypeError):
        read_processing_time(5)  # type: ignore[arg-type]


def test_sequence_total_only_when_units_agree() -> None:
    root = read_processing_time("06 ngày làm việc và 30 ngày").root
    assert isinstance(root, Sequence)
    assert root.total is None
    assert read_processing_time("03 ngày làm việc; sau đó 02 ngày làm việc").to_label()[
        "total"
    ] == ("5 working_day")


def test_amounts_convert_to_durations() -> None:
    root = read_processing_time("Không quá 05 ngày làm việc").root
    assert isinstance(root, Limit)
    assert root.amount.duration() == Duration.working_days(5)
    assert Amount(Decimal(2), "year").duration() is None
    assert Amount(Decimal(0), "immediate").duration() == Duration.immediate()


def test_explain_lists_fragments_and_what_was_ignored() -> None:
    reading = read_processing_time(
        "Nộp hồ sơ trực tiếp tại Sở. Trong thời hạn 05 ngày làm việc (trường hợp xác minh: "
        "10 ngày làm việc)."
    )
    text = reading.explain()
    assert "base: limit: at most 5 working_day ← «05 ngày làm việc»" in text
    assert "verification (replaces): limit: 10 working_day ← «10 ngày làm việc»" in text, text
    assert "ignored: «Nộp hồ sơ trực tiếp tại Sở.» — no time of the authority in it" in text
