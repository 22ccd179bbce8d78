"""Duration and ProcessingTime, the value types.

Constructors, validation, units that never mix; then the exact errors and text forms (found by
mutation testing, see docs/quality.md).
"""

from __future__ import annotations

import datetime as dt
from datetime import time
from decimal import Decimal

import pytest

from tthc import VN_TZ
from tthc.deadlines import (
    Alternative,
    AlternativeKind,
    Duration,
    DurationUnit,
    ProcessingTime,
    parse_processing_time,
)
from tthc.errors import (
    DurationError,
    InputTypeError,
)


def test_constructors() -> None:
    assert Duration.working_days(5) == Duration(Decimal(5), DurationUnit.WORKING_DAY)
    assert Duration.working_days("1,5").amount == Decimal("1.5")
    assert Duration.calendar_days(10).unit is DurationUnit.CALENDAR_DAY
    assert Duration.months(3).unit is DurationUnit.MONTH
    assert Duration.working_hours(8).unit is DurationUnit.WORKING_HOUR
    assert Duration.working_minutes(30).unit is DurationUnit.WORKING_MINUTE
    assert Duration.clock_hours(24).unit is DurationUnit.CLOCK_HOUR
    assert Duration.clock_minutes(60).unit is DurationUnit.CLOCK_MINUTE
    assert Duration.same_day().cutoff == time(15)  # Luật Hộ tịch 2014 Điều 5.3: "sau 15 giờ"
    assert Duration.same_day(None).cutoff is None
    assert Duration.immediate().amount == 0


def test_text_forms() -> None:
    assert str(Duration.working_days(5)) == "5 ngày làm việc"
    assert str(Duration.working_days(Decimal("1.5"))) == "1,5 ngày làm việc"
    assert str(Duration.calendar_days(10)) == "10 ngày"
    assert str(Duration.same_day()).startswith("trong ngày (nhận sau 15:00")
    assert str(Duration.same_day(None)) == "trong ngày"
    assert str(Duration.immediate()) == "ngay"
    assert Duration.working_days(5).describe_en() == "5 working days"
    assert Duration.same_day(None).describe_en() == "same day"
    assert "15:00" in Duration.same_day().describe_en()
    assert Duration.immediate().describe_en() == "immediately"
    assert Duration.same_day().to_dict() == {
        "amount": "0",
        "unit": "same_day",
        "cutoff": "15:00:00",
    }
    assert DurationUnit.MONTH.name_vi == "tháng"
    assert DurationUnit.MONTH.name_en == "months"


def test_same_unit_arithmetic_and_order() -> None:
    assert Duration.working_days(3) + Duration.working_days(2) == Duration.working_days(5)
    assert Duration.working_days(3) < Duration.working_days(5)
    assert Duration.working_days(5) <= Duration.working_days(5)
    assert Duration.calendar_days(30) > Duration.calendar_days(15)
    assert Duration.months(2) >= Duration.months(2)
    assert Duration.working_days(5) == Duration.working_days(Decimal("5.0"))
    assert hash(Duration.working_days(5)) == hash(Duration.working_days(Decimal("5.0")))


def test_distinct_units_never_mix() -> None:
    wd, cd = Duration.working_days(5), Duration.calendar_days(5)
    assert wd != cd
    for op in (
        lambda: wd + cd,
        lambda: wd < cd,
        lambda: wd <= cd,
        lambda: wd > cd,
        lambda: wd >= cd,
        lambda: Duration.same_day() + Duration.same_day(),
    ):
        with pytest.raises(DurationError):
            op()
    with pytest.raises(InputTypeError):
        wd + 5  # type: ignore[operator]


@pytest.mark.parametrize(
    "make",
    [
        lambda: Duration.working_days(-1),
        lambda: Duration.working_days(0),
        lambda: Duration.calendar_days(Decimal("1.5")),  # BLDS 147-148 count whole days
        lambda: Duration.months("0,5"),
        lambda: Duration.working_days(100_001),
        lambda: Duration.working_days("abc"),
        lambda: Duration.working_days("NaN"),
        lambda: Duration(1, DurationUnit.SAME_DAY),
        lambda: Duration(5, DurationUnit.WORKING_DAY, time(15)),
    ],
)
def test_meaningless_durations_are_refused(make: object) -> None:
    with pytest.raises(DurationError) as info:
        make()  # type: ignore[operator]
    assert info.value.code == "deadline.invalid_duration"


@pytest.mark.parametrize(
    "make",
    [
        lambda: Duration.working_days(1.5),  # type: ignore[arg-type]
        lambda: Duration.working_days(True),  # type: ignore[arg-type]
        lambda: Duration(5, "working_day"),  # type: ignore[arg-type]
        lambda: Duration.same_day(
            time(15, tzinfo=None).replace(tzinfo=__import__("datetime").timezone.utc)
        ),
        lambda: Duration(0, DurationUnit.SAME_DAY, "15:00"),  # type: ignore[arg-type]
    ],
)
def test_wrong_types_are_refused(make: object) -> None:
    with pytest.raises(InputTypeError):
        make()  # type: ignore[operator]


# --- exact errors and text forms ------------------------------------------------------------------


WD = Duration.working_days


INVALID = "deadline.invalid_duration"


WRONG_TYPE = "input.wrong_type"


WHOLE = "Civil Code 2015 Art. 147–148 count whole days and months"


FRACTION_HINT = "fractions are only meaningful for working days and hours (e.g. 1,5 ngày làm việc)"


AMOUNT_HINT = (
    "pass an int, a Decimal such as Decimal('1.5') or a str such as '1,5' (a float is refused "
    "because it cannot hold 1.1 exactly)"
)


MIX_HINT = "convert explicitly; a working day is not a calendar day"


@pytest.mark.parametrize(
    ("make", "code", "message", "context", "hint"),
    [
        (lambda: WD(1.5), WRONG_TYPE, "Thời hạn (duration): the amount must be an int, Decimal or str, got float", {"argument": "amount", "got": "float"}, AMOUNT_HINT),
        (lambda: WD(True), WRONG_TYPE, "Thời hạn (duration): the amount must be an int, Decimal or str, got bool", {"argument": "amount", "got": "bool"}, AMOUNT_HINT),
        (lambda: WD("abc"), INVALID, "Thời hạn (duration): amount 'abc' is not a number", {"argument": "amount", "value": "abc"}, None),
        (lambda: WD("NaN"), INVALID, "Thời hạn (duration): amount 'NaN' is not a finite number", {"argument": "amount", "value": "NaN"}, None),
        (lambda: WD(Decimal("-Infinity")), INVALID, "Thời hạn (duration): amount Decimal('-Infinity') is not a finite number", {"argument": "amount", "value": Decimal("-Infinity")}, None),
        (lambda: Duration(5, "working_day"), WRONG_TYPE, "Đơn vị thời hạn (duration unit): unit must be a DurationUnit, got 'working_day'", {"argument": "unit"}, None),
        (lambda: Duration(5, DurationUnit.WORKING_DAY, dt.time(15)), INVALID, "Giờ chốt (cut-off time): only a same-day limit (trong ngày) has a cut-off", {"unit": "working_day"}, None),
        (lambda: Duration(0, DurationUnit.SAME_DAY, "15:00"), WRONG_TYPE, "Giờ chốt (cut-off time): cutoff must be a naive datetime.time in Vietnam time, got '15:00'", {"argument": "cutoff"}, None),
        (lambda: Duration.same_day(dt.time(15, tzinfo=VN_TZ)), WRONG_TYPE, f"Giờ chốt (cut-off time): cutoff must be a naive datetime.time in Vietnam time, got {dt.time(15, tzinfo=VN_TZ)!r}", {"argument": "cutoff"}, None),
        (lambda: Duration(1, DurationUnit.SAME_DAY), INVALID, "Thời hạn (duration): 'trong ngày' (same day) has no amount, got 1", {"unit": "same_day", "amount": Decimal(1)}, None),
        (lambda: Duration("-0,5", DurationUnit.IMMEDIATE), INVALID, "Thời hạn (duration): 'ngay' (immediately) has no amount, got -0.5", {"unit": "immediate", "amount": Decimal("-0.5")}, None),
        (lambda: WD(-1), INVALID, "Thời hạn (duration): amount must not be negative, got -1 ngày làm việc", {"unit": "working_day", "amount": Decimal(-1)}, None),
        (lambda: Duration.working_hours(0), INVALID, "Thời hạn (duration): a limit of 0 giờ làm việc is meaningless", {"unit": "working_hour", "amount": Decimal(0)}, "use Duration.same_day() or Duration.immediate() for same-day results"),
        (lambda: WD(100_001), INVALID, "Thời hạn (duration): 100001 ngày làm việc is larger than any limit tthc can count (max 100000)", {"unit": "working_day", "amount": Decimal(100_001)}, None),
        (lambda: Duration.calendar_days(Decimal("1.5")), INVALID, f"Thời hạn (duration): 1,5 ngày — calendar days must be a whole number ({WHOLE})", {"unit": "calendar_day", "amount": Decimal("1.5")}, FRACTION_HINT),
        (lambda: Duration.months("0,5"), INVALID, f"Thời hạn (duration): 0,5 tháng — months must be a whole number ({WHOLE})", {"unit": "month", "amount": Decimal("0.5")}, FRACTION_HINT),
        (lambda: WD(1) + 5, WRONG_TYPE, "Thời hạn (duration): cannot add a Duration and an object of type int", {"argument": "other"}, None),
        (lambda: WD(1) < "2", WRONG_TYPE, "Thời hạn (duration): cannot compare a Duration and an object of type str", {"argument": "other"}, None),
        (lambda: WD(1) + Duration.calendar_days(2), INVALID, "Thời hạn (duration): cannot add 1 ngày làm việc and 2 ngày — different units (working days vs calendar days) do not mix", {"units": ("working_day", "calendar_day")}, MIX_HINT),
        (lambda: WD(1) <= Duration.working_hours(8), INVALID, "Thời hạn (duration): cannot compare 1 ngày làm việc and 8 giờ làm việc — different units (working days vs working hours) do not mix", {"units": ("working_day", "working_hour")}, MIX_HINT),
        (lambda: WD(1) > Duration.months(1), INVALID, "Thời hạn (duration): cannot compare 1 ngày làm việc and 1 tháng — different units (working days vs months) do not mix", {"units": ("working_day", "month")}, MIX_HINT),
        (lambda: WD(1) >= Duration.clock_hours(24), INVALID, "Thời hạn (duration): cannot compare 1 ngày làm việc and 24 giờ — different units (working days vs clock hours) do not mix", {"units": ("working_day", "clock_hour")}, MIX_HINT),
        (lambda: Duration.same_day() + Duration.same_day(), INVALID, "Thời hạn (duration): 'trong ngày' (same day) limits cannot be added", {"unit": "same_day"}, None),
        (lambda: Duration.immediate() + Duration.immediate(), INVALID, "Thời hạn (duration): 'ngay' (immediately) limits cannot be added", {"unit": "immediate"}, None),
        (lambda: parse_processing_time("05 ngày làm việc").alternative(), INVALID, "Thời hạn theo điều kiện (conditional limit): the text has no verification alternative", {"kind": "verification", "available": []}, None),
        (lambda: parse_processing_time("05 ngày làm việc").case("x"), INVALID, "Trường hợp (case): 0 cases match 'x'; exactly one is needed", {"argument": "label_contains", "labels": []}, None),
        (lambda: parse_processing_time("Không quy định").require_base(), INVALID, "Thời hạn giải quyết (processing time) has no single base limit: the text says there is no limit (không quy định)", {"source": "Không quy định"}, "pick a case (ProcessingTime.case(...)) or an alternative and pass its Duration"),
        # issue 15: a limit per item is now refused by parse_processing_time (reason per_unit,
        # tests/deadlines/test_parse_processing_time.py); a hand-built one still says why
        (lambda: ProcessingTime(source="x", alternatives=(Alternative(WD(2), AlternativeKind.EXTENSION),)).require_base(), INVALID, "Thời hạn giải quyết (processing time) has no single base limit: the text gives only conditional limits", {"source": "x"}, "pick a case (ProcessingTime.case(...)) or an alternative and pass its Duration"),
        (lambda: Alternative(WD(2), AlternativeKind.EXTENSION, "phức tạp", additional=True).total(None), INVALID, "Thời hạn kéo dài (extension): an additional limit needs a base limit to add to", {"condition": "phức tạp"}, None),
    ],
)  # fmt: skip
def test_duration_errors_are_exact(
    make: object, code: str, message: str, context: dict[str, object], hint: str | None
) -> None:
    with pytest.raises((DurationError, InputTypeError)) as info:
        make()  # type: ignore[operator]
    assert (info.value.code, info.value.message) == (code, message)
    assert info.value.context == context
    assert info.value.hint == hint


def test_duration_boundaries() -> None:
    # the largest amount tthc accepts, and the smallest positive one
    assert WD(100_000).amount == 100_000
    assert WD("0,5").amount == Decimal("0.5")
    assert Duration.calendar_days(Decimal("2.0")).amount == 2  # whole, written with a decimal
    assert Duration.same_day(None).cutoff is None
    assert Duration(0, DurationUnit.IMMEDIATE).amount == 0
    assert Duration(" 1,5 ", DurationUnit.WORKING_HOUR).amount == Decimal("1.5")
    assert Alternative(WD(2), AlternativeKind.EXTENSION, additional=True).total(WD(3)) == WD(5)
    assert Alternative(WD(10), AlternativeKind.VERIFICATION).total(None) == WD(10)
    assert Alternative(WD(10), AlternativeKind.VERIFICATION).total(WD(3)) == WD(10)


@pytest.mark.parametrize(
    ("duration", "vi", "en", "as_dict", "whole"),
    [
        (WD(1), "1 ngày làm việc", "1 working day", {"amount": "1", "unit": "working_day", "cutoff": None}, True),
        (WD(Decimal("10.0")), "10 ngày làm việc", "10 working days", {"amount": "10", "unit": "working_day", "cutoff": None}, True),
        (WD("0,5"), "0,5 ngày làm việc", "0.5 working days", {"amount": "0.5", "unit": "working_day", "cutoff": None}, False),
        (Duration.working_hours(Decimal("1.50")), "1,5 giờ làm việc", "1.5 working hours", {"amount": "1.5", "unit": "working_hour", "cutoff": None}, False),
        (Duration.working_minutes(30), "30 phút làm việc", "30 working minutes", {"amount": "30", "unit": "working_minute", "cutoff": None}, True),
        (Duration.calendar_days(1), "1 ngày", "1 calendar day", {"amount": "1", "unit": "calendar_day", "cutoff": None}, True),
        (Duration.months(12), "12 tháng", "12 months", {"amount": "12", "unit": "month", "cutoff": None}, True),
        (Duration.clock_hours(24), "24 giờ", "24 clock hours", {"amount": "24", "unit": "clock_hour", "cutoff": None}, True),
        (Duration.clock_minutes(60), "60 phút", "60 clock minutes", {"amount": "60", "unit": "clock_minute", "cutoff": None}, True),
        (Duration.same_day(dt.time(16, 30)), "trong ngày (nhận sau 16:30 thì ngày làm việc tiếp theo)", "same day (next working day if accepted after 16:30)", {"amount": "0", "unit": "same_day", "cutoff": "16:30:00"}, True),
        (Duration.same_day(None), "trong ngày", "same day", {"amount": "0", "unit": "same_day", "cutoff": None}, True),
        (Duration.immediate(), "ngay", "immediately", {"amount": "0", "unit": "immediate", "cutoff": None}, True),
    ],
)  # fmt: skip
def test_duration_text_forms(
    duration: Duration, vi: str, en: str, as_dict: dict[str, object], whole: bool
) -> None:
    assert str(duration) == vi
    assert duration.describe_en() == en
    assert duration.to_dict() == as_dict
    assert duration.is_whole is whole


def test_unit_and_alternative_names() -> None:
    assert [(u.value, u.name_vi, u.name_en, u.is_quantity) for u in DurationUnit] == [
        ("working_day", "ngày làm việc", "working days", True),
        ("calendar_day", "ngày", "calendar days", True),
        ("month", "tháng", "months", True),
        ("working_hour", "giờ làm việc", "working hours", True),
        ("working_minute", "phút làm việc", "working minutes", True),
        ("clock_hour", "giờ", "clock hours", True),
        ("clock_minute", "phút", "clock minutes", True),
        ("same_day", "trong ngày", "same day", False),
        ("immediate", "ngay", "immediately", False),
    ]
    assert [k.name_vi for k in AlternativeKind] == [
        "cần xác minh, thẩm tra",
        "vụ việc phức tạp",
        "vùng sâu, vùng xa, đi lại khó khăn",
        "kéo dài thêm",
        "tham vấn, lấy ý kiến",
        "thẩm định",
        "cấp lại",
    ]


def test_duration_order_within_a_unit() -> None:
    one, two = WD(1), WD(2)
    assert (one < two, one <= two, one > two, one >= two) == (True, True, False, False)
    assert (two < one, two <= one, two > one, two >= one) == (False, False, True, True)
    same = WD("1.0")
    assert (one < same, one <= same, one > same, one >= same) == (False, True, False, True)
    assert one + WD("0,5") == WD("1,5")


def test_processing_time_without_a_single_base_says_why() -> None:
    prefix = "Thời hạn giải quyết (processing time) has no single base limit: "
    texts = {
        "Theo Quy chế làm việc của Chính phủ": "the limit is set elsewhere (Quy chế làm việc "
        "của Chính phủ)",
        # issue 15: a verification limit with no general one is a case to name (was: "the text
        # gives only conditional limits"); that reason remains for a hand-built ProcessingTime
        "Trường hợp cần xác minh thì không quá 10 ngày làm việc": "the limit differs by case: "
        "cần xác minh: 10 ngày làm việc",
        "Nộp trực tiếp: 05 ngày làm việc; nộp trực tuyến: 03 ngày làm việc": "the limit differs "
        "by case: Nộp trực tiếp: 5 ngày làm việc; nộp trực tuyến: 3 ngày làm việc",
    }
    for text, reason in texts.items():
        with pytest.raises(DurationError) as info:
            parse_processing_time(text).require_base()
        assert info.value.message == prefix + reason
        assert info.value.context == {"source": text}
    long_text = "Theo Quy chế làm việc của Chính phủ" + " và các văn bản hướng dẫn" * 12
    with pytest.raises(DurationError) as info:
        parse_processing_time(long_text).require_base()
    assert info.value.context == {"source": long_text[:200]}


def test_picking_a_case_or_an_alternative() -> None:
    split = parse_processing_time(
        "Nộp trực tiếp: 05 ngày làm việc; nộp trực tuyến: 03 ngày làm việc"
    )
    assert split.case("TRỰC TUYẾN").time.base == WD(3)
    with pytest.raises(DurationError) as info:
        split.case("nộp")
    assert info.value.message == "Trường hợp (case): 2 cases match 'nộp'; exactly one is needed"
    assert info.value.context == {
        "argument": "label_contains",
        "labels": ["Nộp trực tiếp", "nộp trực tuyến"],
    }
    # issue 15: alone, the verification limit is a case to name; after a base, an alternative
    alone = parse_processing_time("Trường hợp cần xác minh thì không quá 10 ngày làm việc")
    assert alone.case("xác minh").time.base == WD(10)
    conditional = parse_processing_time(
        "03 ngày làm việc; trường hợp cần xác minh thì không quá 10 ngày làm việc"
    )
    assert conditional.alternative().duration == WD(10)
    with pytest.raises(DurationError) as info:
        conditional.alternative(AlternativeKind.REMOTE_AREA)
    assert info.value.message == (
        "Thời hạn theo điều kiện (conditional limit): the text has no remote_area alternative"
    )
    assert info.value.context == {"kind": "remote_area", "available": ["verification"]}
