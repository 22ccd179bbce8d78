"""Tests that kill mutants of src/tthc/deadlines.py (mutmut), see docs/quality.md.

They pin the exact errors and the recorded history of an extension (Decree 118/2025/NĐ-CP
Art. 19.6: asked at the latest one working day before the due date, at most once) and of
indicator 2.1 of Decision 766/QĐ-TTg (on time iff the end of processing, minus the citizen's
supplement time, falls on or before the due date; more than one supplement request is late).

Dates are those of the official 2026 calendar: Monday 9/3/2026 to Friday 20/3/2026 are all
working days (no holiday in March 2026; tests/data/vn_public_sector_calendar_reference.csv).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tthc._validate import VN_TZ
from tthc.calendar import civil_service_calendar
from tthc.deadlines import (
    ChangeKind,
    Duration,
    SupplementRequest,
    compute_deadline,
    extend,
    metric_766_on_time,
)
from tthc.errors import DurationError, ExtensionNotAllowed, InputTypeError, InvalidEvent

D = dt.date
ACCEPTED = dt.datetime(2026, 3, 9, 9, 0, tzinfo=VN_TZ)  # Monday


def _deadline():  # type: ignore[no-untyped-def]
    # 5 working days after Monday 9/3/2026: Monday 16/3/2026, by 17:00 (BLDS Art. 147.2)
    deadline = compute_deadline(ACCEPTED, Duration.working_days(5))
    assert deadline.due_date == D(2026, 3, 16)
    return deadline


def test_extension_by_a_duration_records_the_request_day_at_midnight() -> None:
    deadline = _deadline()
    moved = extend(
        deadline, requested_on=D(2026, 3, 13), new_duration_or_due=Duration.working_days(2)
    )
    assert moved.due_date == D(2026, 3, 18)
    assert moved.due_at == dt.datetime(2026, 3, 18, 17, 0, tzinfo=VN_TZ)
    assert moved.extended is True
    change = moved.history[-1]
    assert change.kind is ChangeKind.EXTENSION
    assert change.at == dt.datetime(2026, 3, 13, 0, 0, tzinfo=VN_TZ)
    assert change.at.utcoffset() == dt.timedelta(hours=7)
    assert change.previous_due_date == D(2026, 3, 16)
    assert change.new_due_date == D(2026, 3, 18)
    assert change.rule.id == "extension"
    assert change.reason == ""


def test_extension_to_a_date_and_a_late_request_when_allowed() -> None:
    deadline = _deadline()
    moved = extend(
        deadline, requested_on=D(2026, 3, 16), new_duration_or_due=D(2026, 3, 18), allow_late=True
    )
    assert moved.due_date == D(2026, 3, 18)
    assert moved.due_at == dt.datetime(2026, 3, 18, 17, 0, tzinfo=VN_TZ)
    assert moved.history[-1].reason == "thông báo muộn (late notice): 16/03/2026, latest 13/03/2026"
    assert moved.history[-1].at == dt.datetime(2026, 3, 16, 0, 0, tzinfo=VN_TZ)


def test_extension_refusals_are_exact() -> None:
    deadline = _deadline()
    moved = extend(deadline, requested_on=D(2026, 3, 13), new_duration_or_due=D(2026, 3, 17))
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(moved, requested_on=D(2026, 3, 13), new_duration_or_due=D(2026, 3, 18))
    assert info.value.message == (
        "Gia hạn (extension) not allowed: the return date was already re-set once "
        "(Decree 118/2025 Art. 19.6: không quá một lần)"
    )
    assert info.value.context == {"reason": "already_extended", "due_date": D(2026, 3, 17)}
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(deadline, requested_on=D(2026, 3, 14), new_duration_or_due=D(2026, 3, 18))
    assert info.value.message == (
        "Gia hạn (extension) not allowed: requested on 14/03/2026, later than 13/03/2026, one "
        "working day before the due date 16/03/2026 (Decree 118/2025 Art. 19.6: chậm nhất 01 "
        "ngày trước ngày hết hạn)"
    )
    assert info.value.context == {
        "reason": "too_late",
        "latest": D(2026, 3, 13),
        "due_date": D(2026, 3, 16),
    }
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(deadline, requested_on=D(2026, 3, 12), new_duration_or_due=D(2026, 3, 16))
    assert info.value.message == (
        "Gia hạn (extension): the new due date 16/03/2026 is not after the current one 16/03/2026"
    )
    assert info.value.context == {"reason": "not_later", "due_date": D(2026, 3, 16)}
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(deadline, requested_on=D(2026, 3, 12), new_duration_or_due=D(2026, 3, 21))
    assert info.value.message == (
        "Gia hạn (extension): the new due date 21/03/2026 is not a working day"
    )
    assert info.value.context == {"reason": "not_a_working_day", "new_due_date": D(2026, 3, 21)}
    with pytest.raises(DurationError) as info:
        extend(deadline, requested_on=D(2026, 3, 12), new_duration_or_due=Duration.same_day())
    assert info.value.context == {"unit": "same_day"}
    assert info.value.message.startswith("Gia hạn (extension): ")
    assert info.value.message.endswith(" is not an amount of extra time")
    with pytest.raises(InputTypeError) as info:
        extend(deadline, requested_on=D(2026, 3, 12), new_duration_or_due=ACCEPTED)  # type: ignore[arg-type]
    assert info.value.message == (
        "Gia hạn (extension): new_duration_or_due must be a Duration or a datetime.date, got "
        "datetime"
    )
    assert info.value.context == {"argument": "new_duration_or_due"}
    with pytest.raises(InputTypeError) as info:
        extend(deadline, requested_on="2026-03-12", new_duration_or_due=D(2026, 3, 18))  # type: ignore[arg-type]
    assert info.value.context["argument"] == "requested_on"


def test_extension_uses_the_calendar_passed() -> None:
    deadline = _deadline()
    closed = civil_service_calendar().with_days_off(
        [D(2026, 3, 17)],
        name_vi="Nghỉ",
        name_en="Closed",
        legal_ref=civil_service_calendar().day_info(D(2026, 4, 30)).legal_ref,  # type: ignore[arg-type]
    )
    moved = extend(
        deadline,
        requested_on=D(2026, 3, 13),
        new_duration_or_due=Duration.working_days(1),
        calendar=closed,
    )
    assert moved.due_date == D(2026, 3, 18)  # 17/3 closed on that calendar
    with pytest.raises(ExtensionNotAllowed):
        extend(
            deadline,
            requested_on=D(2026, 3, 13),
            new_duration_or_due=D(2026, 3, 17),
            calendar=closed,
        )


# --- indicator 766 ----------------------------------------------------------------------------------

PERIOD = D(2026, 3, 31)


def _req(day: int, done: int | None) -> SupplementRequest:
    return SupplementRequest(
        dt.datetime(2026, 3, day, 9, tzinfo=VN_TZ),
        None if done is None else dt.datetime(2026, 3, done, 9, tzinfo=VN_TZ),
    )


def test_metric_766_subtracts_every_completed_supplement() -> None:
    result = metric_766_on_time(
        accepted_at=ACCEPTED,
        due=_deadline(),
        ended_at=dt.datetime(2026, 3, 17, 10, tzinfo=VN_TZ),
        period_end=PERIOD,
        supplements=[_req(10, 11)],
    )
    assert result.on_time is True
    assert result.end_used == dt.datetime(2026, 3, 16, 10, tzinfo=VN_TZ)
    assert result.supplement_time == dt.timedelta(days=1)
    assert result.reason == "on or before the due date"
    assert result.rule.id == "indicator_766_2_1"
    late = metric_766_on_time(
        accepted_at=ACCEPTED,
        due=D(2026, 3, 16),
        ended_at=dt.datetime(2026, 3, 17, 10, tzinfo=VN_TZ),
        period_end=PERIOD,
    )
    assert late.on_time is False
    assert late.reason == "after the due date"


def test_metric_766_more_than_one_request_sums_all_citizen_time() -> None:
    result = metric_766_on_time(
        accepted_at=ACCEPTED,
        due=D(2026, 3, 16),
        ended_at=dt.datetime(2026, 3, 13, 10, tzinfo=VN_TZ),
        period_end=PERIOD,
        supplements=[_req(10, 11), _req(12, None), _req(11, 12)],
    )
    assert result.on_time is False
    assert result.reason == "more than one supplement request"
    assert result.supplement_time == dt.timedelta(days=2)  # the open request adds nothing
    assert result.end_used == dt.datetime(2026, 3, 11, 10, tzinfo=VN_TZ)
    assert result.rule.id == "indicator_766_2_1"


def test_metric_766_end_when_waiting_or_open() -> None:
    waiting = metric_766_on_time(
        accepted_at=ACCEPTED, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
        supplements=[_req(12, None)],
    )  # fmt: skip
    assert waiting.end_used == dt.datetime(2026, 3, 12, 9, tzinfo=VN_TZ)
    assert waiting.on_time is True
    still_open = metric_766_on_time(
        accepted_at=ACCEPTED, due=D(2026, 3, 16), ended_at=None, period_end=D(2026, 3, 16)
    )
    assert still_open.end_used == dt.datetime.combine(D(2026, 3, 16), dt.time.max, tzinfo=VN_TZ)
    assert still_open.end_used.utcoffset() == dt.timedelta(hours=7)
    assert still_open.on_time is True
    computed = metric_766_on_time(
        accepted_at=ACCEPTED, due=None, ended_at=dt.datetime(2026, 3, 17, 8, tzinfo=VN_TZ),
        period_end=PERIOD, limit=Duration.working_days(5),
        calendar=civil_service_calendar().with_days_off(
            [D(2026, 3, 16)], name_vi="Nghỉ", name_en="Closed",
            legal_ref=civil_service_calendar().day_info(D(2026, 4, 30)).legal_ref,  # type: ignore[arg-type]
        ),
    )  # fmt: skip
    assert computed.on_time is True  # due 17/3 on the calendar with 16/3 closed


def test_metric_766_refusals_are_exact() -> None:
    with pytest.raises(InputTypeError) as info:
        metric_766_on_time(
            accepted_at=ACCEPTED, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
            supplements=["x"],  # type: ignore[list-item]
        )  # fmt: skip
    assert info.value.message == (
        "Yêu cầu bổ sung (supplement request): expected SupplementRequest items, got str"
    )
    assert info.value.context == {"argument": "supplements"}
    with pytest.raises(InputTypeError) as info:
        metric_766_on_time(accepted_at=ACCEPTED, due=None, ended_at=None, period_end=PERIOD)
    assert info.value.message == (
        "Chỉ số 766 (indicator 766): pass the synced due date or the maximum limit"
    )
    assert info.value.context == {"argument": "due"}
    with pytest.raises(InvalidEvent) as info:
        metric_766_on_time(
            accepted_at=ACCEPTED, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
            supplements=[_req(12, 11)],
        )  # fmt: skip
    assert info.value.message == (
        "Yêu cầu bổ sung (supplement): completed 2026-03-11T09:00:00+07:00 before it was "
        "requested 2026-03-12T09:00:00+07:00"
    )
    assert info.value.context == {"argument": "supplements"}
    same = metric_766_on_time(
        accepted_at=ACCEPTED, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
        supplements=[_req(12, 12)],
    )  # fmt: skip
    assert same.supplement_time == dt.timedelta(0)
    naive = dt.datetime(2026, 3, 9, 9)
    for kwargs, argument in (
        ({"accepted_at": naive}, "accepted_at"),
        ({"ended_at": naive}, "ended_at"),
        ({"period_end": "2026-03-31"}, "period_end"),
        ({"supplements": [SupplementRequest(naive)]}, "requested_at"),
        ({"supplements": [SupplementRequest(ACCEPTED, naive)]}, "completed_at"),
    ):
        args = {
            "accepted_at": ACCEPTED,
            "due": D(2026, 3, 16),
            "ended_at": None,
            "period_end": PERIOD,
        }
        args.update(kwargs)
        with pytest.raises((InputTypeError, ValueError)) as failure:
            metric_766_on_time(**args)  # type: ignore[arg-type]
        assert failure.value.context["argument"] == argument  # type: ignore[union-attr]
    with pytest.raises(ValueError) as failure:  # noqa: PT011 - NaiveDatetimeError, a ValueError
        metric_766_on_time(
            accepted_at=ACCEPTED, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
            supplements=[SupplementRequest(naive)],
        )  # fmt: skip
    assert failure.value.context["argument"] == "requested_at"  # type: ignore[attr-defined]


# --- Duration and ProcessingTime (src/tthc/_durations.py): exact errors and text forms -----------

from decimal import Decimal  # noqa: E402

from tthc.deadlines import (  # noqa: E402
    Alternative,
    AlternativeKind,
    DurationUnit,
    parse_processing_time,
)

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
        (lambda: parse_processing_time("07 ngày làm việc/tờ").require_base(), INVALID, "Thời hạn giải quyết (processing time) 7 ngày làm việc is per 'tờ'; multiply it by the number of items first", {"source": "07 ngày làm việc/tờ"}, "e.g. Duration.working_days(7 * sheets)"),
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
        "Trường hợp cần xác minh thì không quá 10 ngày làm việc": "the text gives only "
        "conditional limits",
        "Nộp trực tiếp: 05 ngày làm việc; nộp trực tuyến: 03 ngày làm việc": "the limit differs "
        "by case: Nộp trực tiếp: 5 ngày làm việc; nộp trực tuyến: 3 ngày làm việc",
    }
    for text, reason in texts.items():
        with pytest.raises(DurationError) as info:
            parse_processing_time(text).require_base()
        assert info.value.message == prefix + reason
        assert info.value.context == {"source": text}
    long_text = "Theo Quy chế làm việc " + "x" * 300
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
    conditional = parse_processing_time("Trường hợp cần xác minh thì không quá 10 ngày làm việc")
    assert conditional.alternative().duration == WD(10)
    with pytest.raises(DurationError) as info:
        conditional.alternative(AlternativeKind.REMOTE_AREA)
    assert info.value.message == (
        "Thời hạn theo điều kiện (conditional limit): the text has no remote_area alternative"
    )
    assert info.value.context == {"kind": "remote_area", "available": ["verification"]}


# --- Deadline.to_dict / explain: the JSON the CLI prints, exactly --------------------------------


def test_deadline_to_dict_is_exact() -> None:
    # Accepted Wed 29/4/2026 10:00, 5 working days: 30/4 and 1/5 are public holidays (Labour
    # Code 2019 Art. 112.1), 2-3/5 a weekend, so the days counted are 4-8/5 and the due date is
    # Fri 8/5/2026. Extended on 6/5 to Tue 12/5 (Decree 118/2025 Art. 19.6).
    base = compute_deadline(dt.datetime(2026, 4, 29, 10, tzinfo=VN_TZ), WD(5))
    assert base.due_date == D(2026, 5, 8)
    moved = extend(base, requested_on=D(2026, 5, 6), new_duration_or_due=D(2026, 5, 12))
    labour_code = "Điều 112.1, Bộ luật Lao động 45/2019/QH14 (Quốc hội, 20/11/2019)"
    qd188 = "Điều 1, Quyết định 188/1999/QĐ-TTg (Thủ tướng Chính phủ, 17/09/1999)"
    nd118 = "Nghị định 118/2025/NĐ-CP (Chính phủ, 09/06/2025)"
    blds = "Bộ luật Dân sự 91/2015/QH13 (Quốc hội, 24/11/2015)"
    legal_basis = f"Điều 17.3, {nd118}; Điều 147.2, {blds}; Điều 148.1, {blds}"
    week = "Ngày nghỉ hằng tuần (Thứ Bảy, Chủ nhật)"
    week_en = "Weekly rest day (Saturday, Sunday)"

    def day(iso: str, kind: str, vi: str, en: str, ref: str) -> dict[str, object]:
        return {"date": iso, "kind": kind, "name_vi": vi, "name_en": en, "legal_ref": ref}

    skipped = [
        day("2026-04-30", "public_holiday", "Ngày Chiến thắng (30/4)", "Reunification Day", labour_code),
        day("2026-05-01", "public_holiday", "Ngày Quốc tế Lao động (1/5)", "International Labour Day", labour_code),
        day("2026-05-02", "weekend", f"Thứ Bảy ({week})", f"Saturday ({week_en})", qd188),
        day("2026-05-03", "weekend", f"Chủ nhật ({week})", f"Sunday ({week_en})", qd188),
        day("2026-05-09", "weekend", f"Thứ Bảy ({week})", f"Saturday ({week_en})", qd188),
        day("2026-05-10", "weekend", f"Chủ nhật ({week})", f"Sunday ({week_en})", qd188),
    ]  # fmt: skip
    explanation = [
        "Tiếp nhận (accepted): Thứ Tư 29/04/2026 10:00",
        "Thời hạn (limit): 5 ngày làm việc (5 working days)",
        "Quy tắc (rule): Thời hạn tính bằng ngày làm việc (Limit in working days) — Due on the "
        "N-th working day strictly after the acceptance date (the acceptance date is not "
        "counted), by the end of office hours of that day.",
        f"Căn cứ (legal basis): {legal_basis}",
        "Ngày nghỉ không tính (days off skipped): 6",
        *(
            f"  {d['date'][8:]}/{d['date'][5:7]}/{d['date'][:4]} — {d['name_vi']} ({d['name_en']})"  # type: ignore[index]
            f" — {d['legal_ref']}"
            for d in skipped
        ),
        "Hạn trả kết quả (due): Thứ Ba 12/05/2026 17:00",
        "Lịch sử (history): extension Thứ Tư 06/05/2026 00:00 — hạn cũ (previous due) 08/05/2026 "
        f"→ 12/05/2026 — Điều 19.6, {nd118}; Điều 12.5, {nd118}",
    ]
    assert moved.to_dict() == {
        "accepted_at": "2026-04-29T10:00:00+07:00",
        "start": "2026-04-29T10:00:00+07:00",
        "duration": {"amount": "5", "unit": "working_day", "cutoff": None},
        "due_date": "2026-05-12",
        "due_at": "2026-05-12T17:00:00+07:00",
        "provisional": False,
        "skipped": skipped,
        "rule": {"id": "working_days", "legal_basis": legal_basis},
        "history": [
            {
                "kind": "extension",
                "at": "2026-05-06T00:00:00+07:00",
                "previous_due_date": "2026-05-08",
                "new_due_date": "2026-05-12",
                "legal_basis": f"Điều 19.6, {nd118}; Điều 12.5, {nd118}",
            }
        ],
        "notes": [],
        "explanation": explanation,
    }
    assert moved.explain() == explanation
    assert (moved.original_due_date, moved.first_accepted_at) == (D(2026, 5, 8), base.accepted_at)
    assert (base.original_due_date, base.first_accepted_at) == (D(2026, 5, 8), base.accepted_at)


# --- the rest of the deadlines API: exact refusals ------------------------------------------------

from tthc.calendar import OfficeHours  # noqa: E402
from tthc.deadlines import (  # noqa: E402
    Timeliness,
    classify,
    counting_rule,
    latest_extension_request,
    pause_for_financial_obligation,
    restart_after_supplement,
    supplement_closing_date,
    switch_to_alternative,
    working_time_between,
)
from tthc.errors import CalendarRangeError, DataFileError, NaiveDatetimeError  # noqa: E402

NAIVE = dt.datetime(2026, 3, 9, 9)
EARLY = ACCEPTED - dt.timedelta(hours=1)
NAIVE_HINT = "attach the zone: value.replace(tzinfo=tthc.VN_TZ) for Vietnam time (UTC+7)"
DATE_HINT = "convert strings with datetime.date.fromisoformat('YYYY-MM-DD')"
BEFORE = "is before the clock started (2026-03-09T09:00:00+07:00)"


def _naive(name: str) -> tuple[type[Exception], str, dict[str, object], str]:
    return (
        NaiveDatetimeError,
        f"Thời điểm không có múi giờ (naive datetime): {name}=2026-03-09T09:00:00 has no time "
        "zone, and the time of day matters here",
        {"argument": name},
        NAIVE_HINT,
    )


def _pay(**kw: object) -> object:
    args: dict[str, object] = {
        "requested_at": ACCEPTED,
        "completed_at": ACCEPTED,
        "excluded_from_limit": True,
    }
    args.update(kw)
    return pause_for_financial_obligation(_deadline(), **args)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: compute_deadline(ACCEPTED, WD(5), calendar="VN"), (InputTypeError, "Lịch làm việc (calendar): expected a WorkCalendar, got str", {"argument": "calendar", "got": "str"}, None)),
        (lambda: compute_deadline(ACCEPTED, WD(5), office_hours=((7, 11),)), (InputTypeError, "Giờ làm việc (office hours): expected an OfficeHours, got tuple", {"argument": "office_hours", "got": "tuple"}, None)),
        (lambda: compute_deadline(ACCEPTED, "05 ngày làm việc"), (InputTypeError, "Thời hạn (duration): expected a Duration or a ProcessingTime, got str", {"argument": "duration", "got": "str"}, "parse text first: parse_processing_time('05 ngày làm việc')")),
        (lambda: compute_deadline(ACCEPTED, Duration.months(100_000)), (DurationError, "Thời hạn (duration): 100000 tháng from 2026-03-09 is beyond the year 9999", {"months": 100_000}, None)),
        (lambda: restart_after_supplement("H29", ACCEPTED), (InputTypeError, "Thời hạn (deadline): expected a Deadline, got str", {"argument": "deadline", "got": "str"}, None)),
        (lambda: restart_after_supplement(_deadline(), NAIVE), _naive("supplement_received_at")),
        (lambda: restart_after_supplement(_deadline(), EARLY), (InvalidEvent, f"Thời điểm (instant): supplement_received_at=2026-03-09T08:00:00+07:00 {BEFORE}", {"argument": "supplement_received_at"}, None)),
        (lambda: switch_to_alternative(_deadline(), WD(10), recorded_at=NAIVE), _naive("recorded_at")),
        (lambda: switch_to_alternative(_deadline(), WD(10), recorded_at=EARLY), (InvalidEvent, f"Thời điểm (instant): recorded_at=2026-03-09T08:00:00+07:00 {BEFORE}", {"argument": "recorded_at"}, None)),
        (lambda: switch_to_alternative(_deadline(), 10, recorded_at=ACCEPTED), (InputTypeError, "Thời hạn theo điều kiện (conditional limit): expected an Alternative or a Duration, got int", {"argument": "alternative"}, None)),
        (lambda: switch_to_alternative(_deadline(), WD(3), recorded_at=ACCEPTED), (DurationError, "Thời hạn theo điều kiện (conditional limit) 3 ngày làm việc ends 2026-03-12T17:00:00+07:00, before the current limit's due 2026-03-16T17:00:00+07:00", {"argument": "alternative", "alternative": "3 ngày làm việc", "current": "5 ngày làm việc"}, "a conditional limit replaces the base one only when it is longer")),
        (lambda: latest_extension_request("2026-03-16"), (InputTypeError, "Ngày (date): due must be a datetime.date, got str", {"argument": "due", "got": "str"}, DATE_HINT)),
        (lambda: _pay(requested_at=NAIVE), _naive("requested_at")),
        (lambda: _pay(completed_at=NAIVE), _naive("completed_at")),
        (lambda: _pay(requested_at=EARLY), (InvalidEvent, f"Thời điểm (instant): requested_at=2026-03-09T08:00:00+07:00 {BEFORE}", {"argument": "requested_at"}, None)),
        (lambda: _pay(requested_at=ACCEPTED + dt.timedelta(hours=2), completed_at=ACCEPTED + dt.timedelta(hours=1)), (InvalidEvent, "Nghĩa vụ tài chính (financial obligation): completed_at=2026-03-09T10:00:00+07:00 is before requested_at=2026-03-09T11:00:00+07:00", {"argument": "completed_at"}, None)),
        (lambda: supplement_closing_date(NAIVE), _naive("notified_at")),
        (lambda: supplement_closing_date("2026-03-10"), (InputTypeError, "Ngày (date): notified_at must be a datetime.date, got str", {"argument": "notified_at", "got": "str"}, DATE_HINT)),
        (lambda: supplement_closing_date(D(2026, 3, 10), days=0), (DurationError, "Thời hạn bổ sung (supplement period): days must be a positive integer, got 0", {"argument": "days"}, None)),
        (lambda: supplement_closing_date(D(2026, 3, 10), days=10**7), (DurationError, "Thời hạn (duration): 10000000 ngày from 2026-03-10 is beyond the calendar", {"days": 10**7}, None)),
        (lambda: classify(_deadline()), (InputTypeError, "Phân loại (classification): an open dossier needs as_of (the report date)", {"argument": "as_of"}, "pass finished_at for a finished dossier, or as_of for an open one")),
        (lambda: classify(_deadline(), NAIVE), _naive("finished_at")),
        (lambda: classify(_deadline(), as_of=NAIVE), _naive("as_of")),
        (lambda: classify(NAIVE, as_of=ACCEPTED), _naive("due")),
        (lambda: classify("2026-03-16", as_of=ACCEPTED), (InputTypeError, "Ngày (date): due must be a datetime.date, got str", {"argument": "due", "got": "str"}, DATE_HINT)),
        (lambda: working_time_between(NAIVE, ACCEPTED), _naive("start")),
        (lambda: working_time_between(ACCEPTED, NAIVE), _naive("end")),
        (lambda: working_time_between(ACCEPTED, ACCEPTED, calendar=1), (InputTypeError, "Lịch làm việc (calendar): expected a WorkCalendar, got int", {"argument": "calendar", "got": "int"}, None)),
        (lambda: working_time_between(ACCEPTED, ACCEPTED, office_hours=1), (InputTypeError, "Giờ làm việc (office hours): expected an OfficeHours, got int", {"argument": "office_hours", "got": "int"}, None)),
    ],
)  # fmt: skip
def test_deadline_api_refusals_are_exact(
    call: object, expected: tuple[type[Exception], str, dict[str, object], str | None]
) -> None:
    error, message, context, hint = expected
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    assert info.value.message == message  # type: ignore[attr-defined]
    assert info.value.context == context  # type: ignore[attr-defined]
    assert info.value.hint == hint  # type: ignore[attr-defined]


def test_unknown_counting_rule() -> None:
    with pytest.raises(DataFileError) as info:
        counting_rule("nope")
    assert info.value.message == "Quy tắc tính thời hạn (counting rule) 'nope' is not defined"
    assert info.value.context["file"] == "counting_rules.json"
    assert info.value.context["field"] == "id"
    known = info.value.context["known"]
    assert known == sorted(known)
    assert {"working_days", "months", "clock_time", "extension"} <= set(known)
    assert counting_rule("months").id == "months"


def test_boundaries_of_the_lifecycle_functions() -> None:
    base = _deadline()
    # 9999 is reached by the month arithmetic: the calendar, not the year limit, refuses it
    with pytest.raises(CalendarRangeError):
        compute_deadline(ACCEPTED, Duration.months((9999 - 2026) * 12))
    assert compute_deadline(ACCEPTED, Duration.months(1)).rule.id == "months"
    assert compute_deadline(ACCEPTED, Duration.calendar_days(1)).rule.id == "calendar_days"
    # a conditional limit equal to the current one is accepted (not "shorter")
    same = switch_to_alternative(base, WD(5), recorded_at=ACCEPTED)
    assert same.due_date == base.due_date
    (change,) = same.history
    assert (change.at, change.new_due_date, change.reason) == (ACCEPTED, base.due_date, "")
    assert change.previous_due_at == base.due_at
    # paying at the very instant it was asked for is allowed: nothing to exclude
    assert _pay().due_date == base.due_date  # type: ignore[attr-defined]
    assert supplement_closing_date(D(2026, 3, 10), days=1) == D(2026, 3, 11)
    # finished on the report date: judged as finished
    assert classify(base, ACCEPTED, as_of=ACCEPTED) is Timeliness.EARLY
    assert classify(D(2026, 3, 9), ACCEPTED, as_of=ACCEPTED) is Timeliness.ON_TIME
    assert working_time_between(ACCEPTED, ACCEPTED) == dt.timedelta(0)


def test_clock_limits_over_a_day_off_and_outside_the_calendar() -> None:
    # 24 giờ (Luật Hộ tịch 2026) from Fri 13/3/2026 09:00 runs through the night: Sat 09:00
    d = compute_deadline(dt.datetime(2026, 3, 13, 9, tzinfo=VN_TZ), Duration.clock_hours(24))
    assert d.due_at == dt.datetime(2026, 3, 14, 9, tzinfo=VN_TZ)
    note = (
        "hạn rơi vào ngày nghỉ; thời hạn tính bằng giờ chạy liên tục (the due instant falls on a "
        "day off; clock-hour limits run through days off — open question Q3)"
    )
    assert d.notes == (note,)
    assert d.explain()[-1] == f"Lưu ý (note): {note}"
    assert "Ngày nghỉ không tính (days off skipped): 0" in d.explain()
    assert compute_deadline(ACCEPTED, Duration.clock_hours(24)).notes == ()
    for start in (
        dt.datetime(9999, 12, 31, 23, tzinfo=VN_TZ),
        dt.datetime(2014, 12, 31, tzinfo=VN_TZ),
    ):
        with pytest.raises(CalendarRangeError):
            compute_deadline(start, Duration.clock_hours(24))


CUTOFF_TEXT = (
    "05 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp nhận hồ sơ sau 15 giờ thì thời gian "
    "được tính bắt đầu từ ngày làm việc tiếp theo"
)


def test_counting_starts_the_next_working_day_after_the_cutoff() -> None:
    # the catalogue wording (e.g. procedure 3.000722): "sau 15 giờ" is strictly after 15:00:00
    rule = parse_processing_time(CUTOFF_TEXT)
    at_cutoff = compute_deadline(dt.datetime(2026, 3, 9, 15, tzinfo=VN_TZ), rule)
    assert (at_cutoff.start, at_cutoff.due_date, at_cutoff.notes) == (
        dt.datetime(2026, 3, 9, 15, tzinfo=VN_TZ),
        D(2026, 3, 16),
        (),
    )
    after = compute_deadline(dt.datetime(2026, 3, 9, 15, 1, tzinfo=VN_TZ), rule)
    assert after.start == dt.datetime(2026, 3, 10, 7, 30, tzinfo=VN_TZ)
    assert after.due_date == D(2026, 3, 17)
    (note,) = after.notes
    assert note.startswith(
        "tiếp nhận sau 15:00: tính từ ngày làm việc tiếp theo (received after 15:00: counted as "
        "received 10/03/2026 07:30) — "
    )
    assert note.endswith(counting_rule("start_after_cutoff").cite())
    assert "Bắt đầu tính (counting starts): Thứ Ba 10/03/2026 07:30" in after.explain()
    assert not any(line.startswith("Bắt đầu tính") for line in at_cutoff.explain())
    # a restart keeps the procedure's rule: received 11/3 16:00 counts from 12/3
    restarted = restart_after_supplement(after, dt.datetime(2026, 3, 11, 16, tzinfo=VN_TZ))
    assert restarted.start == dt.datetime(2026, 3, 12, 7, 30, tzinfo=VN_TZ)
    assert restarted.due_date == D(2026, 3, 19)
    assert restarted.history[-1].reason == ""
    # so does a switch to a longer limit: 10 working days from 10/3
    # (counted as received 10/3, so the days run from 11/3: 11-13, 16-20, 23, 24)
    longer = switch_to_alternative(after, WD(10), recorded_at=after.start)
    assert longer.due_date == D(2026, 3, 24)
    # the result-side cut-off of a same-day limit does not move the start
    same_day = parse_processing_time(
        "Trong ngày; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo"
    )
    late = compute_deadline(dt.datetime(2026, 3, 9, 16, tzinfo=VN_TZ), same_day)
    assert (late.start, late.due_date, late.start_after_cutoff, late.notes) == (
        dt.datetime(2026, 3, 9, 16, tzinfo=VN_TZ),
        D(2026, 3, 10),
        None,
        (),
    )


def test_a_projected_year_is_said_so() -> None:
    d = compute_deadline(dt.datetime(2027, 3, 9, 9, tzinfo=VN_TZ), WD(5))
    assert d.provisional is True
    lines = d.explain()
    assert lines[-1] == (
        "Lưu ý (note): dự kiến — lịch nghỉ của năm này chưa được công bố chính thức "
        "(provisional: the year's days off are not yet officially announced)"
    )
    assert lines[-3].startswith("  14/03/2027 — Chủ nhật (")
    assert lines[-3].endswith(" — dự kiến (projected)")
    assert d.to_dict()["skipped"][0]["legal_ref"] == (
        "Điều 1, Quyết định 188/1999/QĐ-TTg (Thủ tướng Chính phủ, 17/09/1999)"
    )


def test_lifecycle_functions_use_the_calendar_passed() -> None:
    storm = civil_service_calendar().with_days_off(
        [D(2026, 3, 13)],  # a province closes its offices on Fri 13/3/2026 (illustrative)
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=counting_rule("extension").legal_refs[0],
    )
    base = _deadline()  # computed on the national calendar: due Mon 16/3
    assert latest_extension_request(base) == D(2026, 3, 13)
    assert latest_extension_request(base, calendar=storm) == D(2026, 3, 12)
    assert latest_extension_request(D(2026, 3, 16), calendar=storm) == D(2026, 3, 12)
    # 5 working days from 9/3 without 13/3: 10, 11, 12, 16, 17
    assert restart_after_supplement(base, ACCEPTED, calendar=storm).due_date == D(2026, 3, 17)
    assert restart_after_supplement(base, ACCEPTED).due_date == D(2026, 3, 16)
    switched = switch_to_alternative(base, WD(6), recorded_at=ACCEPTED, calendar=storm)
    assert switched.due_date == D(2026, 3, 18)
    assert switch_to_alternative(base, WD(6), recorded_at=ACCEPTED).due_date == D(2026, 3, 17)
    # a pause from Thu 12/3 to Mon 16/3 lasts one working day on the storm calendar, two else
    kw = {
        "requested_at": dt.datetime(2026, 3, 12, 9, tzinfo=VN_TZ),
        "completed_at": dt.datetime(2026, 3, 16, 9, tzinfo=VN_TZ),
        "excluded_from_limit": True,
    }
    paused = pause_for_financial_obligation(base, calendar=storm, **kw)  # type: ignore[arg-type]
    assert paused.due_date == D(2026, 3, 17)
    assert paused.calendar is storm
    assert pause_for_financial_obligation(base, **kw).due_date == D(2026, 3, 18)  # type: ignore[arg-type]
    # 15 days from 26/2 end on Fri 13/3; closed, so the period ends Mon 16/3 (BLDS Art. 148.5)
    assert supplement_closing_date(D(2026, 2, 26), calendar=storm) == D(2026, 3, 16)
    assert supplement_closing_date(D(2026, 2, 26)) == D(2026, 3, 13)
    hours = OfficeHours(((dt.time(8), dt.time(12)),))
    end = dt.datetime(2026, 3, 17, 9, tzinfo=VN_TZ)
    # 9/3 09:00-12:00, 10-12/3 and 16/3 in full (4 h each), 17/3 08:00-09:00
    assert working_time_between(ACCEPTED, end, calendar=storm, office_hours=hours) == dt.timedelta(
        hours=3 + 4 * 4 + 1
    )
    assert working_time_between(ACCEPTED, end, office_hours=hours) == dt.timedelta(hours=24)
    assert working_time_between(ACCEPTED, end, calendar=storm) == dt.timedelta(
        hours=6.5 + 8 * 4 + 1.5  # default windows 07:30-11:30, 13:00-17:00
    )


def _paused(duration: Duration, start: tuple[int, int], end: tuple[int, int]):  # type: ignore[no-untyped-def]
    base = compute_deadline(ACCEPTED, duration)
    return base, pause_for_financial_obligation(
        base,
        requested_at=dt.datetime(2026, 3, start[0], start[1], tzinfo=VN_TZ),
        completed_at=dt.datetime(2026, 3, end[0], end[1], tzinfo=VN_TZ),
        excluded_from_limit=True,
    )


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=VN_TZ)


def test_payment_pause_in_the_limit_own_terms() -> None:
    # from Mon 9/3/2026 09:00, default windows 07:30-11:30 and 13:00-17:00
    # 8 working hours end Tue 10/3 09:00; 10:00-14:00 holds 2.5 working hours: 11:30
    base, moved = _paused(Duration.working_hours(8), (9, 10), (9, 14))
    assert (base.due_at, moved.due_at, moved.due_date) == (
        at(10, 9),
        at(10, 11, 30),
        D(2026, 3, 10),
    )
    # a pause inside the lunch break holds no working time: nothing moves
    _, same = _paused(Duration.working_hours(8), (9, 12), (9, 12, 30))
    assert same.due_at == at(10, 9)
    # 1,5 working days (12 working hours) end 10/3 14:30; the same pause moves them to 17:00
    base, moved = _paused(Duration.working_days("1,5"), (9, 10), (9, 14))
    assert (base.due_at, moved.due_at) == (at(10, 14, 30), at(10, 17))
    # 10 calendar days end 19/3; two days of pause give Sat 21/3, rolled to Mon 23/3 (Art. 148.5)
    base, moved = _paused(Duration.calendar_days(10), (10, 10), (12, 14))
    assert (base.due_date, moved.due_date, moved.due_at) == (
        D(2026, 3, 19),
        D(2026, 3, 23),
        at(23, 17),
    )
    # clock hours move by the elapsed time
    base, moved = _paused(Duration.clock_hours(24), (9, 10), (9, 14))
    assert (base.due_at, moved.due_at) == (at(10, 9), at(10, 13))
    # whole working days move by whole working days: a few hours inside one day move nothing
    _, same = _paused(WD(5), (9, 10), (9, 14))
    assert same.due_at == at(16, 17)
    _, moved = _paused(WD(5), (10, 10), (12, 14))
    assert (moved.due_date, moved.due_at, moved.skipped_after) == (
        D(2026, 3, 18),
        at(18, 17),
        D(2026, 3, 9),
    )
    assert [info.date for info in moved.skipped] == [D(2026, 3, 14), D(2026, 3, 15)]
    change = moved.history[-1]
    assert (change.at, change.new_due_date, change.previous_due_at) == (
        at(12, 14),
        D(2026, 3, 18),
        at(16, 17),
    )


def test_payment_pause_history_names_the_sector_law() -> None:
    sector = counting_rule("extension").legal_refs[0]
    base = _deadline()
    moved = pause_for_financial_obligation(
        base, requested_at=at(10, 10), completed_at=at(12, 14), excluded_from_limit=True,
        legal_ref=sector,
    )  # fmt: skip
    reason = f"10/03/2026 10:00 – 12/03/2026 14:00 ({sector.cite()})"
    assert moved.history[-1].reason == reason
    assert moved.explain()[-1] == (
        "Lịch sử (history): pause Thứ Năm 12/03/2026 14:00 — hạn cũ (previous due) 16/03/2026 → "
        f"18/03/2026 — {counting_rule('financial_pause').cite()} — {reason}"
    )
    plain = pause_for_financial_obligation(
        base, requested_at=at(10, 10), completed_at=at(12, 14), excluded_from_limit=True
    )
    assert plain.history[-1].reason == "10/03/2026 10:00 – 12/03/2026 14:00"
    # Decree 118/2025 itself does not stop the clock: unchanged without the sector flag
    assert (
        pause_for_financial_obligation(
            base, requested_at=at(10, 10), completed_at=at(12, 14), excluded_from_limit=False
        )
        is base
    )


def test_a_pause_into_a_projected_year_makes_the_due_date_provisional() -> None:
    start = dt.datetime(2026, 12, 21, 9, tzinfo=VN_TZ)
    base = compute_deadline(start, WD(5))
    assert (base.due_date, base.provisional) == (D(2026, 12, 28), False)
    moved = pause_for_financial_obligation(
        base,
        requested_at=start,
        completed_at=dt.datetime(2027, 1, 5, 9, tzinfo=VN_TZ),
        excluded_from_limit=True,
    )
    assert moved.due_date.year == 2027
    assert moved.provisional is True


def test_working_time_counts_seconds() -> None:
    assert working_time_between(ACCEPTED, at(9, 9) + dt.timedelta(seconds=30)) == dt.timedelta(
        seconds=30
    )
    assert working_time_between(at(9, 9) + dt.timedelta(seconds=30), ACCEPTED) == -dt.timedelta(
        seconds=30
    )


def test_metric_766_refuses_a_naive_supplement_request() -> None:
    with pytest.raises(NaiveDatetimeError) as info:
        metric_766_on_time(
            accepted_at=ACCEPTED,
            due=_deadline(),
            ended_at=at(12, 9),
            period_end=D(2026, 3, 31),
            supplements=[SupplementRequest(NAIVE, at(11, 9))],
        )
    assert info.value.context == {"argument": "requested_at"}


def test_fractions_round_half_up_to_the_microsecond() -> None:
    # 0,000000075 working minutes = 4.5 µs: rounded half up, as documented, to 5 µs
    d = compute_deadline(ACCEPTED, Duration.working_minutes("0.000000075"))
    assert d.due_at == ACCEPTED + dt.timedelta(microseconds=5)
    assert working_time_between(ACCEPTED, ACCEPTED + dt.timedelta(microseconds=7)) == (
        dt.timedelta(microseconds=7)
    )


def test_lifecycle_functions_default_to_the_deadline_calendar() -> None:
    storm = civil_service_calendar().with_days_off(
        [D(2026, 3, 13)],
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=counting_rule("extension").legal_refs[0],
    )
    base = compute_deadline(ACCEPTED, WD(5), calendar=storm)
    assert base.due_date == D(2026, 3, 17)  # 10, 11, 12, 16, 17
    assert restart_after_supplement(base, ACCEPTED).due_date == D(2026, 3, 17)
    assert latest_extension_request(base) == D(2026, 3, 16)


def test_a_pause_of_no_working_time_keeps_an_end_of_day_due() -> None:
    # 8 working hours from 07:30 end at 17:00 the same day; a pause inside the lunch break
    # holds no working time, so the due instant must not move to the next morning
    start = dt.datetime(2026, 3, 9, 7, 30, tzinfo=VN_TZ)
    base = compute_deadline(start, Duration.working_hours(8))
    assert base.due_at == at(9, 17)
    same = pause_for_financial_obligation(
        base, requested_at=at(9, 12), completed_at=at(9, 12, 30), excluded_from_limit=True
    )
    assert same.due_at == at(9, 17)


def test_an_alternative_after_an_extension() -> None:
    rule = parse_processing_time(CUTOFF_TEXT)
    # accepted 9/3 15:01: counted from 10/3, due 17/3; extended to 20/3 (Art. 19.6)
    base = compute_deadline(dt.datetime(2026, 3, 9, 15, 1, tzinfo=VN_TZ), rule)
    moved = extend(base, requested_on=D(2026, 3, 12), new_duration_or_due=D(2026, 3, 20))
    # the same limit: accepted, and the later date stands
    assert switch_to_alternative(moved, WD(5), recorded_at=at(12, 9)).due_date == D(2026, 3, 20)
    # a shorter one is refused, measured against the limit counted with the procedure's rule
    with pytest.raises(DurationError) as info:
        switch_to_alternative(moved, WD(4), recorded_at=at(12, 9))
    assert info.value.message.endswith("before the current limit's due 2026-03-17T17:00:00+07:00")
    # a projected year stays projected when the extended date stands
    start = dt.datetime(2026, 12, 21, 9, tzinfo=VN_TZ)
    late = extend(
        compute_deadline(start, WD(5)), requested_on=D(2026, 12, 24),
        new_duration_or_due=D(2027, 1, 5),
    )  # fmt: skip
    kept = switch_to_alternative(late, WD(6), recorded_at=start)
    assert (kept.due_date, kept.provisional) == (D(2027, 1, 5), True)
    # calendar days: the days off listed stay those since the start
    days = compute_deadline(ACCEPTED, Duration.calendar_days(10))
    assert (days.due_date, days.skipped) == (D(2026, 3, 19), ())
    days = extend(days, requested_on=D(2026, 3, 18), new_duration_or_due=D(2026, 3, 23))
    weekend_days = [D(2026, 3, 14), D(2026, 3, 15), D(2026, 3, 21), D(2026, 3, 22)]
    assert [info.date for info in days.skipped] == weekend_days
    switched = switch_to_alternative(days, Duration.calendar_days(11), recorded_at=at(12, 9))
    assert switched.due_date == D(2026, 3, 23)
    assert [info.date for info in switched.skipped] == weekend_days
