"""Issue 15's hostile list through the PUBLIC API: parse_processing_time, compute_deadline, Duration.

One test (or parametrised group) per numbered item, plus how compute_deadline applies each shape
of the reading (sequence, cases, channels, alternatives, shares, excluded parts, years, cut-offs).
Dates: the civil-service calendar of 2026 (Labour Code 2019 Art. 112; 30/4 and 1/5 are days off).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc import VN_TZ
from tthc.deadlines import (
    AlternativeKind,
    CutoffRule,
    Duration,
    ProcessingTime,
    compute_deadline,
    parse_processing_time,
)
from tthc.errors import CaseRequired, DurationError, InputTypeError, ProcessingTimeParseError

WD = Duration.working_days
MON = dt.datetime(2026, 3, 9, 10, tzinfo=VN_TZ)  # Monday 9/3/2026, a working week


def refusal(text: str) -> str:
    with pytest.raises(ProcessingTimeParseError) as caught:
        parse_processing_time(text)
    return str(caught.value.context["reason"])


def due(text: str, at: dt.datetime = MON, **options: object) -> dt.date:
    return compute_deadline(at, parse_processing_time(text), **options).due_date  # type: ignore[arg-type]


# 1. line breaks, invisible characters, bracketed and hyphenated unit words
@pytest.mark.parametrize(
    "text",
    [
        "05 ngày\nlàm việc",
        "05 ngày\u200blàm việc",
        "05 ngày\u00adlàm việc",
        "05\u200dngày làm việc",
        "\ufeff05 ngày làm việc",
        "05 ngày (làm việc)",
        "05 ngày làm-việc",
    ],
)
def test_1_noise_keeps_working_days(text: str) -> None:
    assert parse_processing_time(text).base == WD(5)
    assert due(text) == dt.date(2026, 3, 16)


# 2. afternoon cut-offs
@pytest.mark.parametrize(
    ("hour", "cutoff"), [("3 giờ chiều", dt.time(15)), ("2 giờ chiều", dt.time(14))]
)
def test_2_afternoon_cutoffs(hour: str, cutoff: dt.time) -> None:
    text = f"nhận sau {hour} thì trả kết quả trong ngày làm việc tiếp theo"
    pt = parse_processing_time(text)
    assert pt.base == Duration.same_day(cutoff)
    assert (pt.cutoff, pt.cutoff_rule) == (cutoff, CutoffRule.RESULT_NEXT_WORKING_DAY)
    before = MON.replace(hour=cutoff.hour - 1)
    after = MON.replace(hour=cutoff.hour, minute=30)
    assert due(text, before) == dt.date(2026, 3, 9)
    assert due(text, after) == dt.date(2026, 3, 10)


# 3. "15g" keeps its cut-off; "nộp" / "tiếp nhận" start the next working day like "nhận"
def test_3_cutoff_in_g_form() -> None:
    pt = parse_processing_time(
        "Trong ngày; nhận hồ sơ sau 15g thì trả kết quả trong ngày làm việc tiếp theo"
    )
    assert pt.base == Duration.same_day(dt.time(15))


@pytest.mark.parametrize("verb", ["nộp", "nhận", "tiếp nhận"])
def test_3_start_next_working_day_for_every_verb(verb: str) -> None:
    text = f"05 ngày làm việc; {verb} sau 15 giờ thì tính từ ngày làm việc tiếp theo"
    pt = parse_processing_time(text)
    assert (pt.base, pt.cutoff, pt.cutoff_rule) == (
        WD(5),
        dt.time(15),
        CutoffRule.START_NEXT_WORKING_DAY,
    )
    # at 14:00 the count starts Monday (10-13, 16/3); at 16:00 it starts Tue 10/3 07:30
    assert due(text, MON.replace(hour=14)) == dt.date(2026, 3, 16)
    late = compute_deadline(MON.replace(hour=16), pt)
    assert late.start == dt.datetime(2026, 3, 10, 7, 30, tzinfo=VN_TZ)
    assert late.due_date == dt.date(2026, 3, 17)


# 4. compound durations; years count as 12 months (Bộ luật Dân sự 2015 Điều 148.4: a limit in
# years ends on the corresponding day and month of the last year)
def test_4_compound_durations_and_years() -> None:
    assert parse_processing_time("2 năm 6 tháng").base == Duration.months(30)
    assert parse_processing_time("02 năm").base == Duration.months(24)
    assert refusal("3 ngày làm việc 5 giờ") == "mixed_units"
    one_year = compute_deadline(MON, parse_processing_time("01 năm"))
    assert one_year.due_date == dt.date(2027, 3, 9)  # Tuesday 9/3/2027
    assert "Điều 148.4" in one_year.explain()


# 5. Vietnamese number words
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hai trăm ba ngày", Duration.calendar_days(230)),
        ("hai trăm linh ba ngày", Duration.calendar_days(203)),
        ("một trăm năm ngày", Duration.calendar_days(150)),
        ("1 ngày rưỡi làm việc", WD(Decimal("1.5"))),
        ("mười lăm ngày làm việc", WD(15)),
    ],
)
def test_5_number_words(text: str, expected: Duration) -> None:
    assert parse_processing_time(text).base == expected


def test_5_ambiguous_number_words_are_refused() -> None:
    assert refusal("mười năm ngày làm việc") == "ambiguous_number"
    assert refusal("ba tháng rưỡi") == "unsupported"


# 6. thousands separators; "1,000" is ambiguous everywhere
def test_6_thousands_and_ambiguous_commas() -> None:
    assert parse_processing_time("1.440 phút").base == Duration.clock_minutes(1440)
    assert parse_processing_time("1.200 giờ").base == Duration.clock_hours(1200)
    assert refusal("1,000 ngày") == "ambiguous_number"
    with pytest.raises(DurationError) as caught:
        Duration.working_days("1,000")
    assert caught.value.context["reason"] == "ambiguous_number"
    assert Duration.working_days("1,5") == WD(Decimal("1.5"))


# 7. minimums, next working day, weeks, bracketed alternatives
def test_7_minimums_are_not_limits() -> None:
    assert refusal("Tối thiểu 05 ngày làm việc") == "minimum_only"
    assert refusal("ít nhất 10 ngày") == "minimum_only"


def test_7_same_day_or_at_latest_the_next_working_day() -> None:
    text = "Ngay trong ngày làm việc hoặc chậm nhất trong ngày làm việc tiếp theo"
    assert parse_processing_time(text).base == WD(1)
    assert due(text) == dt.date(2026, 3, 10)


def test_7_working_weeks_and_weeks() -> None:
    assert parse_processing_time("2 tuần làm việc").base == WD(10)
    assert parse_processing_time("2 tuần").base == Duration.calendar_days(14)


@pytest.mark.parametrize(
    ("text", "kind", "limit", "with_it"),
    [
        (
            "05 ngày làm việc (trường hợp xác minh: 10 ngày làm việc)",
            AlternativeKind.VERIFICATION,
            WD(10),
            dt.date(2026, 3, 23),
        ),
        (
            "07 ngày làm việc (trường hợp cấp lại: 03 ngày làm việc)",
            AlternativeKind.REISSUE,
            WD(3),
            dt.date(2026, 3, 12),
        ),
    ],
)
def test_7_bracketed_cases_are_alternatives_not_shares(
    text: str, kind: AlternativeKind, limit: Duration, with_it: dt.date
) -> None:
    pt = parse_processing_time(text)
    assert pt.agencies == ()
    alternative = pt.alternative(kind)
    assert (alternative.duration, alternative.additional) == (limit, False)
    # the base applies unless the caller names the alternative; then it replaces the base
    assert compute_deadline(MON, pt).duration == pt.base
    assert due(text, alternative=kind) == with_it


def test_7_extension_adds_to_the_base() -> None:
    text = (
        "Trong thời hạn 04 tháng kể từ ngày nhận đủ hồ sơ; trường hợp xét thấy cần phải thẩm tra "
        "bổ sung thì có thể kéo dài thêm nhưng không quá 02 tháng."
    )
    deadline = compute_deadline(MON, parse_processing_time(text), alternative="verification")
    assert deadline.duration == Duration.months(6)
    assert deadline.due_date == dt.date(2026, 9, 9)


# 8. a channel with no time is never given another channel's time
def test_8_empty_channel_is_not_borrowed() -> None:
    pt = parse_processing_time("Trực tuyến: ; Trực tiếp: 10 ngày")
    assert pt.base is None
    assert pt.case("trực tuyến").time.base is None
    with pytest.raises(DurationError):
        pt.case("trực tuyến").time.require_base()
    with pytest.raises(ProcessingTimeParseError) as caught:
        compute_deadline(MON, pt, channel="trực tuyến")
    assert caught.value.context["reason"] == "channel_without_time"
    with pytest.raises(CaseRequired) as required:
        compute_deadline(MON, pt)
    assert required.value.code == "deadline.case_required"
    assert required.value.context["cases"] == ["trực tuyến", "trực tiếp"]
    assert due("Trực tuyến: ; Trực tiếp: 10 ngày", channel="counter") == dt.date(2026, 3, 19)


# 9. shares inside a total; posting kept apart from the limit
def test_9_shares_keep_the_total() -> None:
    pt = parse_processing_time("45 ngày, trong đó Sở TNMT 30 ngày, UBND tỉnh 15 ngày")
    assert pt.base == Duration.calendar_days(45)
    assert [(a.agency, a.duration) for a in pt.agencies] == [
        ("Sở TNMT", Duration.calendar_days(30)),
        ("UBND tỉnh", Duration.calendar_days(15)),
    ]
    assert due("45 ngày, trong đó Sở TNMT 30 ngày, UBND tỉnh 15 ngày") == dt.date(2026, 4, 23)
    assert refusal("45 ngày, trong đó Sở TNMT 30 ngày, UBND tỉnh 10 ngày") == "shares_mismatch"


def test_9_posting_is_explained_not_counted() -> None:
    text = "20 ngày làm việc (không kể thời gian niêm yết 7 ngày)"
    pt = parse_processing_time(text)
    assert pt.base == WD(20)
    assert pt.exclusions == ("(không kể thời gian niêm yết 7 ngày)",)
    deadline = compute_deadline(MON, pt)
    assert deadline.due_date == dt.date(2026, 4, 6)  # 20 working days from Mon 9/3/2026
    assert "niêm yết" in deadline.explain()


# 10. no RecursionError up to the length cap
def test_10_repeated_labels_do_not_recurse() -> None:
    text = "Trực tuyến: " * 248 + "5 ngày làm việc"
    assert len(text) < 3_000
    # the labels are read as channels, one named many times: refused with a reason
    with pytest.raises(ProcessingTimeParseError) as caught:
        parse_processing_time(text)
    assert caught.value.context["reason"]


# 11. cases with no default: refused until the caller names one (never case 1)
def test_11_cases_without_default_are_refused_until_named() -> None:
    text = "35 ngày đối với thành lập chi nhánh; 28 ngày đối với thành lập phòng giao dịch"
    pt = parse_processing_time(text)
    assert pt.base is None
    with pytest.raises(CaseRequired) as caught:
        compute_deadline(MON, pt)
    assert caught.value.context["cases"] == ["thành lập chi nhánh", "thành lập phòng giao dịch"]
    assert isinstance(caught.value, ProcessingTimeParseError)
    deadline = compute_deadline(MON, pt, case="phong giao dich")  # accents optional
    assert deadline.duration == Duration.calendar_days(28)
    assert "thành lập phòng giao dịch" in deadline.explain()
    with pytest.raises(CaseRequired) as unknown:
        compute_deadline(MON, pt, case="thành lập")  # matches both
    assert unknown.value.context["reason"] == "ambiguous_case"


# --- how the engine applies each shape -------------------------------------------------------------


SEQUENCE = (
    "- Trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ hồ sơ, Bộ Xây dựng gửi văn bản lấy ý "
    "kiến của Bộ Quốc phòng, Bộ Công an, Bộ Tài chính, Bộ Y tế.\n- Trong thời hạn 07 ngày kể từ "
    "ngày nhận được văn bản lấy ý kiến của Bộ Xây dựng, các bộ ngành có văn bản trả lời.\n- "
    "Trong thời hạn 05 ngày làm việc kể từ ngày nhận được ý kiến thống nhất của các bộ ngành, Bộ "
    "Xây dựng quyết định công bố."
)  # procedure 1.009436 (corpus c206), shortened


def test_sequence_in_different_units_is_applied_step_by_step() -> None:
    pt = parse_processing_time(SEQUENCE)
    assert pt.base is None
    assert [a.duration for a in pt.agencies] == [WD(3), Duration.calendar_days(7), WD(5)]
    deadline = compute_deadline(MON, pt)
    # 3 working days → Thu 12/3; 7 days → Thu 19/3; 5 working days → Thu 26/3/2026
    assert (deadline.duration, deadline.then) == (WD(3), (Duration.calendar_days(7), WD(5)))
    assert deadline.due_date == dt.date(2026, 3, 26)
    text = deadline.explain()
    for fragment in ("«03 ngày làm việc»", "«07 ngày»", "«05 ngày làm việc»"):
        assert fragment in text
    assert deadline.to_dict()["then"] == [Duration.calendar_days(7).to_dict(), WD(5).to_dict()]


def test_sequence_in_one_unit_is_summed() -> None:
    text = (
        "Trong thời hạn 04 ngày làm việc, Cảng vụ thẩm định hồ sơ; trong thời hạn 04 ngày làm "
        "việc kể từ ngày nhận được báo cáo của Cảng vụ, Cục Hàng hải cấp giấy phép."
    )
    assert parse_processing_time(text).base == WD(8)


def test_a_duration_takes_no_case_or_channel() -> None:
    with pytest.raises(InputTypeError):
        compute_deadline(MON, WD(5), case="x")


def test_named_options_the_text_does_not_give_are_refused() -> None:
    with pytest.raises(DurationError):
        compute_deadline(MON, parse_processing_time("05 ngày làm việc"), case="x")
    with pytest.raises(DurationError):
        compute_deadline(MON, parse_processing_time("05 ngày làm việc"), alternative="verification")
    with pytest.raises(DurationError):
        compute_deadline(MON, parse_processing_time("05 ngày làm việc"), alternative="nope")


def test_hand_built_processing_time_uses_its_attributes() -> None:
    # a ProcessingTime built by hand (or read back from JSON) whose attributes differ from the
    # reading of its source has no reading; its attributes are applied as they are
    built = ProcessingTime(source="05 ngày làm việc", base=WD(7))
    assert built.reading is None
    assert compute_deadline(MON, built).duration == WD(7)
    same = ProcessingTime(source="05 ngày làm việc", base=WD(5))
    assert same.reading is not None
    assert same == parse_processing_time("05 ngày làm việc")


def test_cached_reading_is_the_same_object_and_refusals_are_fresh() -> None:
    first = parse_processing_time("07 ngày làm việc kể từ ngày nhận đủ hồ sơ")
    assert parse_processing_time("07 ngày làm việc kể từ ngày nhận đủ hồ sơ") is first
    errors = []
    for _ in range(2):
        with pytest.raises(ProcessingTimeParseError) as caught:
            parse_processing_time("Phí: 50.000 đồng")
        errors.append(caught.value)
    assert errors[0] is not errors[1]
    assert errors[0].context == errors[1].context
    assert errors[0].context["reader_reason"] == "no_authority_time"


# --- properties through the public API ---------------------------------------------------------

_NOISE = st.sampled_from(["", " ", "\n", "\u200b", "\u00a0", "\ufeff", "\t", "  "])


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=1, max_value=90),
    st.sampled_from(["ngày làm việc", "ngày", "tháng", "giờ làm việc"]),
    _NOISE,
    _NOISE,
    _NOISE,
)
def test_noise_around_a_plain_wording_changes_nothing(
    amount: int, unit: str, before: str, middle: str, after: str
) -> None:
    plain = parse_processing_time(f"Không quá {amount} {unit}")
    noisy = parse_processing_time(f"{before}Không quá{middle} {amount} {unit}{after}")
    assert noisy.base == plain.base
    assert noisy.reading is not None
    assert plain.reading is not None
    assert noisy.reading.to_label() == plain.reading.to_label()
