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
