"""Duration: constructors, validation, units that never mix."""

from __future__ import annotations

from datetime import time
from decimal import Decimal

import pytest

from tthc.deadlines import Duration, DurationUnit
from tthc.errors import DurationError, InputTypeError


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
