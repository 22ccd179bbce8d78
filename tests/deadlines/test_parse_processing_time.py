"""parse_processing_time: every wording of the shapes catalogue and of the procedure sample.

Sources: tests/data/processing_time_shapes.json (texts quoted from the shapes catalogue of the
national Public Service Portal, June 2026, plus constructed variants) and
tests/data/procedures_sample_times.json (every processing-time text of 30 real procedure records).
"""

from __future__ import annotations

import json
import time
from datetime import time as dtime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.deadlines import (
    MAX_TEXT_LENGTH,
    AlternativeKind,
    CaseKind,
    CutoffRule,
    Duration,
    DurationUnit,
    ProcessingTime,
    parse_processing_time,
)
from tthc.errors import DurationError, InputTypeError, ProcessingTimeParseError

DATA = Path(__file__).parents[1] / "data"
SHAPES = json.loads((DATA / "processing_time_shapes.json").read_text(encoding="utf-8"))["texts"]
SAMPLE = json.loads((DATA / "procedures_sample_times.json").read_text(encoding="utf-8"))["texts"]


def _refusal(text: str) -> ProcessingTimeParseError | None:
    try:
        parse_processing_time(text)
    except ProcessingTimeParseError as err:
        return err
    return None


def _summary(text: str) -> dict[str, Any]:
    err = _refusal(text)
    if err is not None:
        assert err.code == "deadline.unparsable"
        assert err.context["fragment"]
        return {"refuse": err.context["reason"]}
    r = parse_processing_time(text)
    assert r.source == text
    out: dict[str, Any] = {"base": str(r.base) if r.base else None}
    if r.bound:
        out["bound"] = r.bound
    if r.minimum:
        out["minimum"] = str(r.minimum)
    if r.alternatives:
        out["alternatives"] = [
            [a.kind.value, str(a.duration), a.additional] for a in r.alternatives
        ]
    if r.cases:
        out["cases"] = [
            [c.kind.value, c.label, str(c.time.base) if c.time.base else None] for c in r.cases
        ]
    if r.agencies:
        out["agencies"] = [[a.agency, str(a.duration)] for a in r.agencies]
    if r.cutoff:
        assert r.cutoff_rule is not None
        out["cutoff"] = [r.cutoff.strftime("%H:%M"), r.cutoff_rule.value]
    if r.start_anchor:
        out["start_anchor"] = r.start_anchor
    if r.no_limit:
        out["no_limit"] = True
    if r.refers_to:
        out["refers_to"] = r.refers_to
    if r.per_unit:
        out["per_unit"] = r.per_unit
    if r.extension_by_agreement:
        out["extension_by_agreement"] = True
    if r.exclusions:
        out["exclusions"] = len(r.exclusions)
    if r.clock_conditions:
        out["clock_conditions"] = len(r.clock_conditions)
    if r.ignored:
        out["ignored"] = len(r.ignored)
    return out


@pytest.mark.parametrize("entry", SHAPES, ids=[e["text"][:40] for e in SHAPES])
def test_every_shape_of_the_catalogue(entry: dict[str, Any]) -> None:
    assert _summary(entry["text"]) == entry["expect"]


@pytest.mark.parametrize(
    "entry", SAMPLE, ids=[f"{e['code']}-{e['field'][-11:]}-{i}" for i, e in enumerate(SAMPLE)]
)
def test_every_text_of_the_procedure_sample(entry: dict[str, Any]) -> None:
    assert _summary(entry["text"]) == entry["expect"]


def test_sample_covers_every_record_and_refuses_bare_numbers() -> None:
    # procedures_sample.json notes: "Cột 'Thời gian' trên Cổng chỉ hiện số, không có đơn vị ...
    # không được tự suy ra 'ngày làm việc'" — bare numbers must be refused, never guessed.
    bare = [e for e in SAMPLE if e["text"].strip().isdigit()]
    assert bare
    assert all(e["expect"] == {"refuse": "missing_unit"} for e in bare)
    assert len({e["code"] for e in SAMPLE}) == 30


# --- focused readings (values from the wording itself) ------------------------------------------


def test_structured_column_units() -> None:
    assert parse_processing_time("5 Ngày làm việc").base == Duration.working_days(5)
    assert parse_processing_time("10 Ngày").base == Duration.calendar_days(10)
    assert parse_processing_time("1 Giờ").base == Duration.clock_hours(1)
    assert parse_processing_time("3 Tháng").base == Duration.months(3)
    # dot and comma decimals (1.013097: "1.5" in the column, "1,5" in the prose)
    assert parse_processing_time("1.5 Ngày làm việc").base == Duration.working_days(Decimal("1.5"))
    assert parse_processing_time("1,5 ngày làm việc").base == Duration.working_days("1.5")


def test_same_day_with_cutoff_is_read_from_the_text() -> None:
    # Luật Hộ tịch 2014 Điều 5.3 wording (1.001193)
    pt = parse_processing_time(
        "Ngay trong ngày tiếp nhận yêu cầu, trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết "
        "được ngay thì trả kết quả trong ngày làm việc tiếp theo."
    )
    assert pt.base == Duration.same_day(dtime(15))
    assert pt.cutoff == dtime(15)
    assert pt.cutoff_rule is CutoffRule.RESULT_NEXT_WORKING_DAY
    other = parse_processing_time(
        "Trong ngày; nhận hồ sơ sau 15 giờ 30 thì trả kết quả trong ngày làm việc tiếp theo"
    )
    assert other.base == Duration.same_day(dtime(15, 30))
    assert parse_processing_time(
        "nhận hồ sơ sau 16:00 thì trả kết quả trong ngày làm việc tiếp theo"
    ).cutoff == dtime(16)


def test_start_shift_cutoff_and_words_in_brackets() -> None:
    # 3.000722: "Ba (03) ... năm (05) ... Nếu tiếp nhận hồ sơ sau 15 giờ thì thời gian được tính
    # bắt đầu từ ngày làm việc tiếp theo."
    description = next(
        e["text"] for e in SAMPLE if e["code"] == "3.000722" and e["field"].endswith("description")
    )
    pt = parse_processing_time(description)
    assert pt.base == Duration.working_days(3)
    assert pt.cutoff == dtime(15)
    assert pt.cutoff_rule is CutoffRule.START_NEXT_WORKING_DAY
    assert pt.alternative(AlternativeKind.VERIFICATION).duration == Duration.working_days(5)
    # the prose adds "Bước 3 … Bước 5" of a longer procedure (steps 1-2 unstated): once read as
    # step cases (24 giờ, 2 and 5 ngày làm việc) beside the base; now refused, not guessed
    prose = next(
        e["text"] for e in SAMPLE if e["field"] == "processing_time_prose" and "Bước" in e["text"]
    )
    with pytest.raises(ProcessingTimeParseError) as info:
        parse_processing_time(prose)
    assert info.value.context["reason"] == "unsupported"
    assert CaseKind.STEP.value == "step"  # kept in the enum for hand-built processing times


def test_verification_cap_keeps_its_own_unit() -> None:
    # 1.004873: "The base is in working days and the cap in plain days."
    pt = parse_processing_time(
        "03 ngày làm việc; trường hợp phải xác minh thì thời hạn giải quyết không quá 23 ngày."
    )
    alt = pt.alternative()
    assert pt.base == Duration.working_days(3)
    assert alt.duration == Duration.calendar_days(23)
    assert alt.condition == "phải xác minh"
    assert not alt.additional


def test_additional_extension_totals() -> None:
    pt = parse_processing_time(
        "Trong thời hạn 04 tháng kể từ ngày nhận đủ hồ sơ; trường hợp xét thấy cần phải thẩm tra "
        "bổ sung thì có thể kéo dài thêm nhưng không quá 02 tháng."
    )
    alt = pt.alternative(AlternativeKind.VERIFICATION)
    assert alt.additional
    assert alt.total(pt.base) == Duration.months(6)
    with pytest.raises(DurationError):
        alt.total(None)
    with pytest.raises(DurationError):
        pt.alternative(AlternativeKind.REMOTE_AREA)


def test_cases_and_require_base() -> None:
    pt = parse_processing_time(
        "- Nhận hồ sơ từ đơn vị SDLĐ: Tối đa 06 ngày làm việc kể từ ngày cơ quan BHXH nhận đủ hồ "
        "sơ theo quy định.\n- Nhận hồ sơ từ NLĐ, người tham gia BHXH tự nguyện: Tối đa 03 ngày "
        "làm việc kể từ ngày cơ quan BHXH nhận đủ hồ sơ theo quy định."
    )
    assert pt.base is None
    assert pt.case("NLĐ").time.base == Duration.working_days(3)
    with pytest.raises(DurationError, match="differs by case"):
        pt.require_base()
    with pytest.raises(DurationError):
        pt.case("hồ sơ")  # matches both
    with pytest.raises(DurationError, match="không quy định"):
        parse_processing_time("Không quy định").require_base()
    with pytest.raises(DurationError, match="elsewhere"):
        parse_processing_time("Theo quy định hiện hành.").require_base()
    # a verification limit with no general one: a case to name (issue 15 item 11), and an
    # extension alone is refused
    with pytest.raises(DurationError, match="differs by case"):
        parse_processing_time("Trường hợp cần xác minh thì không quá 30 ngày.").require_base()
    with pytest.raises(DurationError, match="conditional"):
        ProcessingTime(source="x", alternatives=parse_processing_time(
            "03 ngày làm việc; trường hợp phải xác minh thì không quá 05 ngày làm việc"
        ).alternatives).require_base()  # fmt: skip
    # a limit per item is refused when read (it was read with per_unit and refused by require_base)
    with pytest.raises(ProcessingTimeParseError) as info:
        parse_processing_time("Tối đa 07 ngày làm việc/tờ")
    assert info.value.context["reason"] == "per_unit"


def test_applicant_side_limits_are_not_picked_up() -> None:
    pt = parse_processing_time(
        "Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai "
        "sinh. Ngay sau khi nhận đủ giấy tờ theo quy định, công chức tư pháp - hộ tịch cập nhật "
        "vào Sổ đăng ký khai sinh."
    )
    assert pt.base == Duration.immediate()
    assert pt.ignored
    assert "60 ngày" in pt.ignored[0]


def test_numbers_in_words() -> None:
    assert parse_processing_time("mười lăm ngày").base == Duration.calendar_days(15)
    assert parse_processing_time("hai mươi mốt (21) ngày").base == Duration.calendar_days(21)
    assert parse_processing_time("bốn mươi lăm ngày").base == Duration.calendar_days(45)
    assert parse_processing_time("một trăm linh năm ngày").base == Duration.calendar_days(105)
    assert parse_processing_time("một trăm hai mươi ngày").base == Duration.calendar_days(120)
    assert parse_processing_time("hai trăm ngày").base == Duration.calendar_days(200)
    with pytest.raises(ProcessingTimeParseError) as info:
        parse_processing_time("mười mốt ngày")
    assert info.value.context["reason"] == "ambiguous_number"
    for text in ("lăm ngày", "trăm ngày", "hai mươi ba bốn ngày", "năm trăm linh ngày"):
        with pytest.raises(ProcessingTimeParseError):
            parse_processing_time(text)


def test_dates_and_times_of_day_are_not_durations() -> None:
    # "ngày 15 tháng 3 năm 2026" is a date, not 15 months or 3 years
    pt = parse_processing_time("Từ ngày 15 tháng 3 năm 2026, 05 ngày làm việc")
    assert pt.base == Duration.working_days(5)
    assert parse_processing_time("chậm nhất sau 24 giờ").base == Duration.clock_hours(24)


# --- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # issue 15 (new reader): where the old reason is gone, it is in the comment
        ("3", "missing_unit"),
        ("1.5", "missing_unit"),
        ("5 OTHER", "no_duration"),  # unknown_unit: no unit means no amount is read
        ("Không có thông tin", "no_information"),
        ("Xem phần mô tả", "see_description"),
        ("Phí: 50.000 đồng", "no_duration"),
        ("", "empty"),
        (" . ", "empty"),
        ("05 ngày làm việc; 10 ngày làm việc", "conflicting_durations"),
        ("Ba (05) ngày làm việc", "number_mismatch"),
        ("Từ 15 - 10 ngày", "range"),  # bad_range: every range is refused now
        ("1,5 ngày", "unsupported"),  # invalid_amount: a fraction of a calendar day
        ("0 ngày làm việc", "invalid_amount"),
        ("nửa ngày", "no_duration"),  # ambiguous_half_day: no amount is read
        # bad_cutoff: an hour past 23 is no time of day
        ("nhận hồ sơ sau 25 giờ thì trả kết quả trong ngày làm việc tiếp theo", "unsupported"),
    ],
)
def test_refusals_have_stable_reasons(text: str, reason: str) -> None:
    with pytest.raises(ProcessingTimeParseError) as info:
        parse_processing_time(text)
    err = info.value
    assert err.code == "deadline.unparsable"
    assert err.context["reason"] == reason
    assert err.message.startswith("Thời hạn giải quyết (processing time) cannot be read")
    assert err.to_dict()["context"]["text"] == text[:200]


def test_non_string_is_refused() -> None:
    with pytest.raises(InputTypeError):
        parse_processing_time(5)  # type: ignore[arg-type]


def test_length_is_bounded_and_large_inputs_are_fast() -> None:
    start = time.perf_counter()
    with pytest.raises(ProcessingTimeParseError) as info:
        parse_processing_time("1" * 100_000)
    assert info.value.context["reason"] == "too_long"
    with pytest.raises(ProcessingTimeParseError):
        parse_processing_time("ngày " * 20_000)
    assert time.perf_counter() - start < 0.5
    # adversarial inputs just under the bound stay fast (no catastrophic backtracking)
    for text in (
        "hai " * 2_400,
        "1 " * 4_900,
        "(" * 9_999,
        "trường hợp " * 900,
        "- " * 4_900,
        "1," * 4_900,
        "sau 15 giờ " * 900,
        "năm (" * 1_900,
    ):
        assert len(text) <= MAX_TEXT_LENGTH
        t0 = time.perf_counter()
        _refusal(text)
        assert time.perf_counter() - t0 < 2.0, text[:20]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_either_parses_or_refuses_cleanly(text: str) -> None:
    err = _refusal(text)
    if err is not None:
        assert err.context["reason"]
    else:
        result = parse_processing_time(text)
        assert isinstance(result, ProcessingTime)
        assert result.source == text


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from(
        [
            ("ngày làm việc", DurationUnit.WORKING_DAY),
            ("Ngày", DurationUnit.CALENDAR_DAY),
            ("giờ làm việc", DurationUnit.WORKING_HOUR),
            ("Giờ", DurationUnit.CLOCK_HOUR),
            ("tháng", DurationUnit.MONTH),
            ("phút", DurationUnit.CLOCK_MINUTE),
        ]
    ),
    st.sampled_from(["", "Không quá ", "Tối đa ", "Trong thời hạn ", "trong vòng "]),
    st.booleans(),
)
def test_number_and_unit_round_trip(
    n: int, unit: tuple[str, DurationUnit], bound: str, zero_pad: bool
) -> None:
    number = f"{n:02d}" if zero_pad else str(n)
    pt = parse_processing_time(f"{bound}{number} {unit[0]}")
    assert pt.base == Duration(n, unit[1])
    assert pt.bound == (bound.strip().lower() or None)
