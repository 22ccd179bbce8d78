"""Applying a read processing time: single limits, sequences, shares and what is kept apart.

A sequence whose steps share a unit is added up; steps in different units are counted one
after the other, each from the previous step's due date. Shares of a stated total are not
added again; posting time, the applicant's time and "không tính thời gian …" are listed in the
explanation, never counted. Due dates are on the official 2026 calendar from Monday 9/3/2026
10:00 (working days: Decree 118/2025/NĐ-CP Art. 17.3, Civil Code 91/2015/QH13 Art. 147.2;
calendar days and months: Art. 148.3, moved off a day off by Art. 148.5; years: Art. 148.4).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tthc import VN_TZ
from tthc.deadlines import Duration, compute_deadline, parse_processing_time
from tthc.deadlines._apply import _from_reading
from tthc.deadlines._reader import Limit, Reading, Sequence, WithAlternatives
from tthc.deadlines._reader._nodes import Alternative as ReadAlternative
from tthc.deadlines._reader._nodes import Amount, Excluded, Span
from tthc.errors import ProcessingTimeParseError

MON = dt.datetime(2026, 3, 9, 10, tzinfo=VN_TZ)  # Monday 9/3/2026
WD = Duration.working_days


def at(day: int, month: int = 3, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, 17, tzinfo=VN_TZ)


def test_steps_in_one_unit_are_added() -> None:
    deadline = compute_deadline(
        MON, parse_processing_time("UBND xã 03 ngày làm việc, UBND huyện 05 ngày làm việc")
    )
    assert deadline.duration == WD(8)
    assert deadline.then == ()
    assert deadline.due_at == at(19)  # 8 working days → Thu 19/3
    assert deadline.parts == (
        "Các bước cộng lại (steps added): «03 ngày làm việc» + «05 ngày làm việc» "
        "→ 8 ngày làm việc",
    )


def test_steps_in_different_units_follow_each_other() -> None:
    text = "Sở Xây dựng 10 ngày làm việc; UBND tỉnh 05 ngày; Bộ 02 tháng"
    deadline = compute_deadline(MON, parse_processing_time(text))
    # 10 working days → Mon 23/3 17:00; + 5 calendar days → Sat 28/3, moved to Mon 30/3
    # (Art. 148.5); + 2 months → Sat 30/5, moved past Sun 31/5 to Mon 1/6/2026
    assert deadline.due_at == at(1, 6)
    assert deadline.notes == (
        "bước 1 đến hạn (step 1 due) Thứ Hai 23/03/2026 17:00; bước 2 (step 2): 5 ngày",
        "bước 2 đến hạn (step 2 due) Thứ Hai 30/03/2026 17:00; bước 3 (step 3): 2 tháng",
    )
    assert deadline.duration == WD(10)
    assert deadline.then == (Duration.calendar_days(5), Duration.months(2))
    assert deadline.parts == (
        "Bước 1 (step 1), tính tiếp từ hạn của bước trước:",
        "Thời hạn (limit): «10 ngày làm việc» → 10 ngày làm việc",
        "Bước 2 (step 2), tính tiếp từ hạn của bước trước:",
        "Thời hạn (limit): «05 ngày» → 5 ngày",
        "Bước 3 (step 3), tính tiếp từ hạn của bước trước:",
        "Thời hạn (limit): «02 tháng» → 2 tháng",
    )
    assert "(counted from the previous step's due date)" in deadline.explain()


def test_two_steps_working_then_calendar_days() -> None:
    deadline = compute_deadline(
        MON, parse_processing_time("Sở Xây dựng 10 ngày làm việc; UBND tỉnh 05 ngày")
    )
    # 10 working days → Mon 23/3 17:00; + 5 calendar days → Sat 28/3, a day off → Mon 30/3
    assert deadline.due_at == at(30)
    assert deadline.then == (Duration.calendar_days(5),)
    assert deadline.parts[0] == "Bước 1 (step 1), tính tiếp từ hạn của bước trước:"
    assert deadline.parts[2] == "Bước 2 (step 2), tính tiếp từ hạn của bước trước:"


def test_shares_of_a_total_are_not_added_again() -> None:
    text = "45 ngày, trong đó Sở TNMT 30 ngày, UBND tỉnh 15 ngày"
    deadline = compute_deadline(MON, parse_processing_time(text))
    assert deadline.duration == Duration.calendar_days(45)
    assert deadline.due_at == at(23, 4)  # 9/3 + 45 days = Thu 23/4
    assert deadline.parts == (
        "Phân chia (shares, not added again): Sở TNMT: 30 ngày, UBND tỉnh: 15 ngày",
        "Thời hạn (limit): «45 ngày» → 45 ngày",
    )


def test_one_year_is_twelve_months() -> None:
    deadline = compute_deadline(MON, parse_processing_time("01 năm"))
    assert deadline.duration == Duration.months(12)
    assert deadline.due_at == at(9, 3, 2027)  # Tue 9/3/2027
    assert deadline.parts == (
        "Thời hạn (limit): «01 năm» → 12 tháng (1 năm = 12 tháng, BLDS 2015 Điều 148.4)",
    )


def test_limit_without_year_has_no_year_note() -> None:
    deadline = compute_deadline(MON, parse_processing_time("02 tháng"))
    assert deadline.due_at == at(11, 5)  # 9/5/2026 is a Saturday → Mon 11/5
    assert deadline.parts == ("Thời hạn (limit): «02 tháng» → 2 tháng",)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "05 ngày làm việc (không kể thời gian niêm yết)",
            "Không tính (kept apart): «(không kể thời gian niêm yết)» — "
            "thời gian niêm yết (posting)",
        ),
        (
            "05 ngày làm việc, không tính thời gian thẩm định thực địa",
            "Không tính (kept apart): «không tính thời gian thẩm định thực địa» — "
            "không tính (not counted)",
        ),
    ],
)
def test_parts_kept_apart_are_explained_not_counted(text: str, kept: str) -> None:
    deadline = compute_deadline(MON, parse_processing_time(text))
    assert deadline.due_at == at(16)  # 5 working days only
    assert deadline.parts == (kept, "Thời hạn (limit): «05 ngày làm việc» → 5 ngày làm việc")
    assert kept in deadline.explain()


def test_applicant_time_is_kept_apart_and_its_sentence_ignored() -> None:
    text = "05 ngày làm việc; thời gian người nộp hoàn thiện hồ sơ 30 ngày"
    deadline = compute_deadline(MON, parse_processing_time(text))
    assert deadline.due_at == at(16)
    assert deadline.parts == (
        "Không tính (kept apart): «30 ngày» — thời gian của người nộp (the applicant's time)",
        "Thời hạn (limit): «05 ngày làm việc» → 5 ngày làm việc",
        "Bỏ qua (ignored): «thời gian người nộp hoàn thiện hồ sơ 30 ngày» — "
        "no time of the authority in it",
    )


def test_ignored_sentence_is_explained() -> None:
    deadline = compute_deadline(MON, parse_processing_time("05 ngày làm việc. Lệ phí: 50.000 đồng"))
    assert deadline.parts == (
        "Thời hạn (limit): «05 ngày làm việc» → 5 ngày làm việc",
        "Bỏ qua (ignored): «Lệ phí: 50.000 đồng» — no time of the authority in it",
    )


def _reading(amount: Amount, excluded: tuple[Excluded, ...] = ()) -> Reading:
    text = "x ngày"
    return Reading(
        Limit(span=Span(0, len(text), text), excluded=excluded, amount=amount, bound="max"),
        text,
        (),
    )


def test_limit_no_duration_can_hold_is_refused() -> None:
    # the reader refuses "2,5 ngày" itself; a tree carrying it is refused when applied
    with pytest.raises(ProcessingTimeParseError) as caught:
        _from_reading(_reading(Amount(Decimal("2.5"), "calendar_day")), None, None, None)
    error = caught.value
    assert error.message == (
        "Thời hạn giải quyết (processing time) cannot be applied: "
        "'x ngày' is not a limit tthc can count"
    )
    assert error.hint == "name the case or channel the dossier is in, or pass a Duration"
    assert error.context == {"reason": "inexpressible"}


def test_kept_apart_kind_without_a_label_is_named_as_it_is() -> None:
    kept = Excluded("other", None, Span(0, 3, "abc"))
    plan = _from_reading(_reading(Amount(Decimal(5), "working_day"), (kept,)), None, None, None)
    assert plan.steps == (WD(5),)
    assert plan.parts[0] == "Không tính (kept apart): «abc» — other"


def test_extension_added_to_steps_is_a_further_step() -> None:
    # "extends" on a base of steps in different units: never summed into the first step
    def limit(text: str, amount: int, unit: str) -> Limit:
        return Limit(
            span=Span(0, len(text), text), amount=Amount(Decimal(amount), unit), bound="max"
        )

    base = Sequence(
        span=Span(0, 1, "x"),
        steps=(limit("10 ngày làm việc", 10, "working_day"), limit("05 ngày", 5, "calendar_day")),
        total=None,
    )
    extra = ReadAlternative(
        kind="verification",
        reading=limit("03 ngày làm việc", 3, "working_day"),
        mode="extends",
        condition="cần xác minh",
    )
    tree = WithAlternatives(span=Span(0, 1, "x"), base=base, alternatives=(extra,))
    plan = _from_reading(Reading(tree, "x", ()), None, None, "verification")
    assert plan.steps == (WD(10), Duration.calendar_days(5), WD(3))
    assert plan.parts[-2:] == (
        "Áp dụng (applied, added to the base): verification",
        "Thời hạn (limit): «03 ngày làm việc» → 3 ngày làm việc",
    )


def test_stated_total_with_colon_then_shares_is_not_added_again() -> None:
    # the same text with "trong đó:" is read as shares of the 15-day total (see above); with a
    # bare colon the reader sums 15 + 10 + 5 = 30 working days (due Mon 20/4, three weeks late)
    text = "Tổng thời gian 15 ngày làm việc: Sở 10 ngày làm việc, UBND tỉnh 05 ngày làm việc"
    deadline = compute_deadline(MON, parse_processing_time(text))
    assert deadline.duration == WD(15)
    assert deadline.due_at == at(30)  # 15 working days → Mon 30/3
