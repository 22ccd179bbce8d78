"""Checks on a processing time: its text argument, ``require_base`` and hand-built values.

A :class:`ProcessingTime` built by hand (or read back from JSON) whose attributes differ from
what its ``source`` reads has no reading tree; ``compute_deadline`` then applies its attributes
as they are. Due dates are counted on the official 2026 calendar (working days: Decree
118/2025/NĐ-CP Art. 17.3, Civil Code 91/2015/QH13 Art. 147.2; the start-next-working-day rule
after a cut-off: ``counting_rules.json`` ``start_after_cutoff``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tthc import VN_TZ
from tthc.deadlines import AlternativeKind, Duration, compute_deadline, parse_processing_time
from tthc.deadlines._durations import AgencyShare, Alternative, CaseKind, CutoffRule
from tthc.deadlines._processing_time import MAX_TEXT_LENGTH, ProcessingCase, ProcessingTime
from tthc.errors import (
    CaseRequired,
    DurationError,
    InputTypeError,
    ProcessingTimeParseError,
    TthcError,
)

MON = dt.datetime(2026, 3, 9, 10, tzinfo=VN_TZ)  # Monday 9/3/2026
LATE = dt.datetime(2026, 3, 9, 16, tzinfo=VN_TZ)  # the same day, after a 15:00 cut-off
TUE_OPEN = dt.datetime(2026, 3, 10, 7, 30, tzinfo=VN_TZ)
WD = Duration.working_days
SOURCE = "tự lập (hand-built)"
BASE_HINT = "pick a case (ProcessingTime.case(...)) or an alternative and pass its Duration"


def hand(**fields: Any) -> ProcessingTime:
    time = ProcessingTime(source=SOURCE, **fields)
    assert time.reading is None  # applied from its attributes
    return time


def at(day: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, 17, tzinfo=VN_TZ)


def refused(time: ProcessingTime, **options: Any) -> TthcError:
    with pytest.raises(TthcError) as caught:
        compute_deadline(MON, time, **options)
    return caught.value


CHANNELS = hand(
    cases=(
        ProcessingCase("trực tuyến", CaseKind.CHANNEL, hand(base=WD(3))),
        ProcessingCase("trực tiếp", CaseKind.CHANNEL, hand(base=WD(5))),
    )
)
CASES = hand(
    cases=(
        ProcessingCase("cấp mới", CaseKind.CASE, hand(base=WD(10))),
        ProcessingCase("cấp lại", CaseKind.CASE, hand(base=WD(5))),
    )
)


# --- the text argument -------------------------------------------------------------------


@pytest.mark.parametrize(("value", "name"), [(None, "NoneType"), (5, "int"), (b"5 ngay", "bytes")])
def test_text_must_be_a_string(value: object, name: str) -> None:
    with pytest.raises(InputTypeError) as caught:
        parse_processing_time(value)  # type: ignore[arg-type]
    error = caught.value
    assert error.message == (
        f"Thời hạn giải quyết (processing time): text must be a str, got {name}"
    )
    assert error.context == {"argument": "text", "got": name}


def test_text_of_the_maximum_length_is_read() -> None:
    text = "05 ngày làm việc" + " " * (MAX_TEXT_LENGTH - len("05 ngày làm việc"))
    assert len(text) == MAX_TEXT_LENGTH
    assert parse_processing_time(text).base == WD(5)


def test_text_longer_than_the_maximum_is_refused() -> None:
    text = "05 ngày làm việc " + "x" * MAX_TEXT_LENGTH
    with pytest.raises(ProcessingTimeParseError) as caught:
        parse_processing_time(text)
    error = caught.value
    assert error.message == (
        "Thời hạn giải quyết (processing time) cannot be read: the text has "
        f"{len(text)} characters, more than the {MAX_TEXT_LENGTH} accepted"
    )
    assert error.hint == "pass only the processing-time part of the procedure description"
    assert error.context == {"reason": "too_long", "fragment": text[:80], "text": text[:200]}
    assert len(error.context["fragment"]) == 80
    assert len(error.context["text"]) == 200


def test_str_subclass_is_checked_then_read() -> None:
    class Text(str):
        pass

    assert parse_processing_time(Text("05 ngày làm việc")).base == WD(5)
    longest = Text("05 ngày làm việc".ljust(MAX_TEXT_LENGTH))
    assert len(longest) == MAX_TEXT_LENGTH
    assert parse_processing_time(longest).base == WD(5)
    with pytest.raises(ProcessingTimeParseError):
        parse_processing_time(Text(longest + " "))


# --- require_base ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"no_limit": True}, "the text says there is no limit (không quy định)"),
        ({"refers_to": "Quy chế làm việc"}, "the limit is set elsewhere (Quy chế làm việc)"),
        (
            {
                "cases": (
                    ProcessingCase("cấp mới", CaseKind.CASE, hand(base=WD(10))),
                    ProcessingCase("cấp lại", CaseKind.CASE, hand()),
                )
            },
            "the limit differs by case: cấp mới: 10 ngày làm việc; cấp lại: …",
        ),
        (
            {
                "agencies": (
                    AgencyShare("Sở Xây dựng", WD(10)),
                    AgencyShare("UBND tỉnh", Duration.calendar_days(5)),
                )
            },
            "the steps are in different units and are applied one after the other",
        ),
        ({}, "the text gives only conditional limits"),
    ],
)
def test_require_base_says_why_there_is_none(fields: dict[str, Any], reason: str) -> None:
    with pytest.raises(DurationError) as caught:
        hand(**fields).require_base()
    error = caught.value
    assert error.message == (
        f"Thời hạn giải quyết (processing time) has no single base limit: {reason}"
    )
    assert error.hint == BASE_HINT
    assert error.context == {"source": SOURCE}


def test_require_base_returns_the_base() -> None:
    assert hand(base=WD(7)).require_base() == WD(7)


def test_hand_built_without_limit_is_refused_by_compute_deadline() -> None:
    error = refused(hand(no_limit=True))
    assert type(error) is DurationError
    assert error.message.endswith("the text says there is no limit (không quy định)")


# --- hand-built values applied by compute_deadline ---------------------------------------


@pytest.mark.parametrize(
    ("channel", "due"),
    [("online", at(12)), ("trực tuyến", at(12)), ("counter", at(16)), ("trực tiếp", at(16))],
)
def test_hand_built_channels(channel: str, due: dt.datetime) -> None:
    deadline = compute_deadline(MON, CHANNELS, channel=channel)
    assert deadline.due_at == due
    assert deadline.parts == ()


def test_hand_built_channel_required() -> None:
    error = refused(CHANNELS)
    assert type(error) is CaseRequired
    assert error.message == (
        "Thời hạn giải quyết (processing time) differs by case (trường hợp): name the case"
    )
    assert error.hint == "compute_deadline(..., case='<words of the case label>')"
    assert error.context == {"reason": "case_required", "cases": ["trực tuyến", "trực tiếp"]}


def test_hand_built_unknown_channel() -> None:
    error = refused(CHANNELS, channel="post")
    assert type(error) is DurationError
    assert error.message == (
        "Trường hợp (case): 0 cases match 'dịch vụ bưu chính'; exactly one is needed"
    )


def test_hand_built_channel_is_ignored_without_channel_cases() -> None:
    # the channel only selects among channel cases; plain cases still need the case named
    deadline = compute_deadline(MON, CASES, channel="online", case="cấp lại")
    assert deadline.due_at == at(16)
    error = refused(CASES, channel="online")
    assert type(error) is CaseRequired
    assert error.context == {"reason": "case_required", "cases": ["cấp mới", "cấp lại"]}


def test_hand_built_cases() -> None:
    assert compute_deadline(MON, CASES, case="lại").due_at == at(16)  # 5 working days
    assert compute_deadline(MON, CASES, case="mới").due_at == at(23)  # 10 working days
    error = refused(CASES)
    assert type(error) is CaseRequired
    assert error.context == {"reason": "case_required", "cases": ["cấp mới", "cấp lại"]}


def test_hand_built_base_with_cases_uses_the_base() -> None:
    time = hand(base=WD(5), cases=(ProcessingCase("x", CaseKind.CASE, hand(base=WD(1))),))
    assert compute_deadline(MON, time).due_at == at(16)
    assert compute_deadline(MON, time, case="x").due_at == at(10)


STARTS_NEXT_DAY = hand(
    base=WD(5),
    alternatives=(Alternative(WD(3), AlternativeKind.VERIFICATION, "cần xác minh", True),),
    cutoff=dt.time(15),
    cutoff_rule=CutoffRule.START_NEXT_WORKING_DAY,
)


def test_hand_built_start_next_working_day() -> None:
    # received 16:00 after the 15:00 cut-off: counted from Tue 10/3 07:30; +5 → Tue 17/3
    deadline = compute_deadline(LATE, STARTS_NEXT_DAY)
    assert deadline.start == TUE_OPEN
    assert deadline.start_after_cutoff == dt.time(15)
    assert deadline.due_at == at(17)
    # before the cut-off nothing moves
    assert compute_deadline(MON, STARTS_NEXT_DAY).due_at == at(16)


def test_hand_built_additional_alternative_with_the_cutoff() -> None:
    # 5 + 3 working days counted from Tue 10/3 → Fri 20/3
    deadline = compute_deadline(LATE, STARTS_NEXT_DAY, alternative="verification")
    assert deadline.duration == WD(8)
    assert deadline.start == TUE_OPEN
    assert deadline.start_after_cutoff == dt.time(15)
    assert deadline.due_at == at(20)
    by_kind = compute_deadline(LATE, STARTS_NEXT_DAY, alternative=AlternativeKind.VERIFICATION)
    assert by_kind.due_at == at(20)


def test_hand_built_replacing_alternative_in_a_case() -> None:
    inner = hand(
        base=WD(5), alternatives=(Alternative(WD(12), AlternativeKind.COMPLEXITY, "phức tạp"),)
    )
    time = hand(cases=(ProcessingCase("cấp mới", CaseKind.CASE, inner),))
    deadline = compute_deadline(MON, time, case="mới", alternative="complexity")
    assert deadline.duration == WD(12)
    assert deadline.due_at == at(25)  # 12 working days → Wed 25/3
    with pytest.raises(DurationError):
        compute_deadline(MON, time, case="mới", alternative="verification")


def test_result_next_working_day_does_not_move_the_start() -> None:
    time = hand(base=WD(5), cutoff=dt.time(15), cutoff_rule=CutoffRule.RESULT_NEXT_WORKING_DAY)
    deadline = compute_deadline(LATE, time)
    assert deadline.start == LATE
    assert deadline.start_after_cutoff is None
    assert deadline.due_at == at(16)
