"""Applying a read processing time: cases, channels and conditional limits (the plan).

Every due date below is counted on the official 2026 calendar from Monday 9/3/2026 10:00, a
full working week with no public holiday: working days under Decree 118/2025/NĐ-CP Art. 17.3
and Civil Code 91/2015/QH13 Art. 147.2 (the acceptance day is not counted), end of office
hours 17:00. Each refusal is pinned by class, code, message, hint and context, and each plan
by the exact lines of its explanation (``Deadline.parts``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tthc import VN_TZ
from tthc.deadlines import AlternativeKind, Duration, compute_deadline, parse_processing_time
from tthc.errors import (
    CaseRequired,
    DurationError,
    InputTypeError,
    ProcessingTimeParseError,
    TthcError,
)

MON = dt.datetime(2026, 3, 9, 10, tzinfo=VN_TZ)  # Monday 9/3/2026
WD = Duration.working_days

BY_CHANNEL = "Trực tuyến: 03 ngày làm việc; Trực tiếp: 05 ngày làm việc"
BY_CASE = "Trường hợp cấp mới: 10 ngày làm việc; trường hợp cấp lại: 05 ngày làm việc"
WITH_DEFAULT = "10 ngày làm việc; trường hợp đặc biệt: 15 ngày làm việc"
REPLACES = "05 ngày làm việc; trường hợp cần xác minh thì không quá 10 ngày làm việc"
EXTENDS = "05 ngày làm việc; trường hợp cần xác minh thì kéo dài thêm 05 ngày làm việc"

APPLY_HINT = "name the case or channel the dossier is in, or pass a Duration"


def refused(text: str, **options: Any) -> TthcError:
    with pytest.raises(TthcError) as caught:
        compute_deadline(MON, parse_processing_time(text), **options)
    return caught.value


def at(day: int, month: int = 3, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, 17, tzinfo=VN_TZ)


# --- channels (kênh) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "due", "label", "limit"),
    [
        # 3 working days after Mon 9/3 → Thu 12/3
        ("online", at(12), "trực tuyến", "03 ngày làm việc"),
        ("trực tuyến", at(12), "trực tuyến", "03 ngày làm việc"),
        ("  TRỰC   Tuyến ", at(12), "trực tuyến", "03 ngày làm việc"),
        ("truc tuyen", at(12), "trực tuyến", "03 ngày làm việc"),
        # 5 working days → Mon 16/3
        ("counter", at(16), "trực tiếp", "05 ngày làm việc"),
        ("Trực tiếp", at(16), "trực tiếp", "05 ngày làm việc"),
    ],
)
def test_named_channel_gives_its_own_limit(
    channel: str, due: dt.datetime, label: str, limit: str
) -> None:
    deadline = compute_deadline(MON, parse_processing_time(BY_CHANNEL), channel=channel)
    assert deadline.due_at == due
    assert deadline.parts == (
        f"Kênh (channel): {label}",
        f"Thời hạn (limit): «{limit}» → {limit.lstrip('0')}",
    )


def test_channel_required() -> None:
    error = refused(BY_CHANNEL)
    assert type(error) is CaseRequired
    assert error.code == "deadline.case_required"
    assert error.message == (
        "Thời hạn giải quyết (processing time) differs by channel (kênh): name the "
        "channel the dossier was filed through"
    )
    assert error.hint == "compute_deadline(..., channel='trực tuyến')"
    assert error.context == {"reason": "channel_required", "cases": ["trực tuyến", "trực tiếp"]}


def test_unknown_channel() -> None:
    error = refused(BY_CHANNEL, channel="post")
    assert type(error) is ProcessingTimeParseError
    assert error.message == (
        "Thời hạn giải quyết (processing time) cannot be applied: "
        "the text gives no time for the channel 'post'"
    )
    assert error.hint == APPLY_HINT
    assert error.context == {
        "reason": "unknown_channel",
        "channel": "post",
        "cases": ["trực tuyến", "trực tiếp"],
    }


@pytest.mark.parametrize("channel", ["online", "Trực Tuyến"])
def test_channel_without_time_is_never_borrowed(channel: str) -> None:
    error = refused("Trực tuyến: ; Trực tiếp: 10 ngày", channel=channel)
    assert type(error) is ProcessingTimeParseError
    assert error.message == (
        "Thời hạn giải quyết (processing time) cannot be applied: the text names the channel "
        "'trực tuyến' with no time; another channel's time is never borrowed"
    )
    assert error.hint == APPLY_HINT
    assert error.context == {"reason": "channel_without_time", "channel": "online"}


def test_channel_must_be_a_string() -> None:
    error = refused(BY_CHANNEL, channel=1)
    assert type(error) is InputTypeError
    assert error.message == "Trường hợp / kênh (case / channel) must be a str, got int"
    assert error.context == {"argument": "case"}


# --- cases (trường hợp) -----------------------------------------------------------------


def test_named_case() -> None:
    deadline = compute_deadline(MON, parse_processing_time(BY_CASE), case="CAP LAI")
    assert deadline.due_at == at(16)  # 5 working days
    assert deadline.duration == WD(5)
    assert deadline.parts == (
        "Trường hợp (case): «cấp lại»",
        "Thời hạn (limit): «05 ngày làm việc» → 5 ngày làm việc",
    )


def test_case_given_by_an_enum_member_uses_its_value() -> None:
    import enum

    class Which(enum.Enum):
        NEW = "cấp mới"

    deadline = compute_deadline(MON, parse_processing_time(BY_CASE), case=Which.NEW)  # type: ignore[arg-type]
    assert deadline.due_at == at(23)  # 10 working days → Mon 23/3
    assert deadline.parts[0] == "Trường hợp (case): «cấp mới»"


def test_case_required_without_a_general_one() -> None:
    error = refused(BY_CASE)
    assert type(error) is CaseRequired
    assert error.message == (
        "Thời hạn giải quyết (processing time) differs by case (trường hợp) and the text "
        "gives no general one: name the case"
    )
    assert error.hint == "compute_deadline(..., case='<words of the case label>')"
    assert error.context == {"reason": "case_required", "cases": ["cấp mới", "cấp lại"]}


@pytest.mark.parametrize(
    ("case", "count", "reason"), [("xyz", 0, "unknown_case"), ("cấp", 2, "ambiguous_case")]
)
def test_case_must_match_exactly_one(case: str, count: int, reason: str) -> None:
    error = refused(BY_CASE, case=case)
    assert type(error) is CaseRequired
    assert error.message == (
        f"Trường hợp (case): {count} cases match {case!r}; exactly one is needed"
    )
    assert error.hint == "name one of context['cases']"
    assert error.context == {"reason": reason, "cases": ["cấp mới", "cấp lại"]}


def test_empty_case_matches_nothing() -> None:
    error = refused(WITH_DEFAULT, case="")
    assert error.context == {"reason": "unknown_case", "cases": ["(chung / general)", "đặc biệt"]}


def test_general_case_applies_when_none_is_named() -> None:
    deadline = compute_deadline(MON, parse_processing_time(WITH_DEFAULT))
    assert deadline.due_at == at(23)  # 10 working days
    assert deadline.parts == (
        "Trường hợp chung (general case): «(chung / general)»",
        "Thời hạn (limit): «10 ngày làm việc» → 10 ngày làm việc",
    )
    special = compute_deadline(MON, parse_processing_time(WITH_DEFAULT), case="đặc biệt")
    assert special.due_at == at(30)  # 15 working days → Mon 30/3
    assert special.parts[0] == "Trường hợp (case): «đặc biệt»"


def test_case_named_for_a_text_without_cases() -> None:
    error = refused("05 ngày làm việc", case="x")
    assert type(error) is DurationError
    assert error.message == "Trường hợp (case) 'x': the text gives no cases"
    assert error.context == {"argument": "case"}


def test_case_must_be_a_string() -> None:
    error = refused(BY_CASE, case=3.5)
    assert type(error) is InputTypeError
    assert error.message == "Trường hợp / kênh (case / channel) must be a str, got float"
    assert error.context == {"argument": "case"}


# --- conditional limits (thời hạn theo điều kiện) ----------------------------------------


def test_alternative_not_named_is_listed_not_applied() -> None:
    deadline = compute_deadline(MON, parse_processing_time(REPLACES))
    assert deadline.due_at == at(16)  # the base: 5 working days
    assert deadline.parts == (
        "Không áp dụng (not applied): verification (replaces) «10 ngày làm việc»",
        "Thời hạn (limit): «05 ngày làm việc» → 5 ngày làm việc",
    )


@pytest.mark.parametrize("alternative", ["verification", AlternativeKind.VERIFICATION])
def test_replacing_alternative(alternative: AlternativeKind | str) -> None:
    # Decree 118/2025 Art. 19.4: verification does not stop the clock; the longer limit applies
    deadline = compute_deadline(MON, parse_processing_time(REPLACES), alternative=alternative)
    assert deadline.due_at == at(23)  # 10 working days
    assert deadline.duration == WD(10)
    assert deadline.then == ()
    assert deadline.parts == (
        "Áp dụng (applied, replaces the base): verification",
        "Thời hạn (limit): «10 ngày làm việc» → 10 ngày làm việc",
    )


def test_extending_alternative_in_the_same_unit_is_added() -> None:
    deadline = compute_deadline(MON, parse_processing_time(EXTENDS), alternative="verification")
    assert deadline.due_at == at(23)  # 5 + 5 working days
    assert deadline.duration == WD(10)
    assert deadline.then == ()
    assert deadline.parts == (
        "Thời hạn (limit): «05 ngày làm việc» → 5 ngày làm việc",
        "Áp dụng (applied, added to the base): verification",
        "Thời hạn (limit): «05 ngày làm việc» → 5 ngày làm việc",
    )


def test_extending_alternative_in_another_unit_is_a_second_step() -> None:
    text = "05 ngày làm việc; trường hợp cần xác minh thì kéo dài thêm 02 ngày"
    deadline = compute_deadline(MON, parse_processing_time(text), alternative="verification")
    # 5 working days → Mon 16/3 17:00, then 2 calendar days (Civil Code Art. 148.3) → Wed 18/3
    assert deadline.due_at == at(18)
    assert deadline.duration == WD(5)
    assert deadline.then == (Duration.calendar_days(2),)
    assert deadline.parts[1:] == (
        "Áp dụng (applied, added to the base): verification",
        "Thời hạn (limit): «02 ngày» → 2 ngày",
    )


def test_extending_alternative_in_working_hours() -> None:
    text = "05 ngày làm việc; trường hợp cần xác minh thì kéo dài thêm 10 giờ làm việc"
    deadline = compute_deadline(MON, parse_processing_time(text), alternative="verification")
    # Mon 16/3 17:00 + 8 working hours (Tue 17/3) + 2 hours from 07:30 on Wed 18/3
    assert deadline.due_at == dt.datetime(2026, 3, 18, 9, 30, tzinfo=VN_TZ)
    assert deadline.then == (Duration.working_hours(10),)


def test_alternative_of_a_kind_the_text_lacks() -> None:
    error = refused(REPLACES, alternative="extension")
    assert type(error) is DurationError
    assert error.message == (
        "Thời hạn theo điều kiện (conditional limit): 0 alternatives of kind 'extension'; "
        "exactly one is needed"
    )
    assert error.context == {"kind": "extension", "available": ["verification"]}


def test_two_alternatives_of_one_kind_are_ambiguous() -> None:
    text = (
        "05 ngày làm việc; trường hợp cần xác minh thì không quá 10 ngày làm việc; "
        "trường hợp cần xác minh tại nhiều nơi thì không quá 15 ngày làm việc"
    )
    error = refused(text, alternative="verification")
    assert type(error) is DurationError
    assert error.message == (
        "Thời hạn theo điều kiện (conditional limit): 2 alternatives of kind 'verification'; "
        "exactly one is needed"
    )
    assert error.context == {"kind": "verification", "available": ["verification", "verification"]}


def test_alternative_named_for_a_text_without_one() -> None:
    error = refused("05 ngày làm việc", alternative="verification")
    assert type(error) is DurationError
    assert error.message == (
        "Thời hạn theo điều kiện (conditional limit): the text gives no alternative"
    )
    assert error.context == {"argument": "alternative"}


def test_unknown_alternative_kind() -> None:
    error = refused(REPLACES, alternative="nope")
    assert type(error) is DurationError
    assert error.message == "Thời hạn theo điều kiện (conditional limit): unknown kind 'nope'"
    assert error.context == {
        "argument": "alternative",
        "allowed": [k.value for k in AlternativeKind],
    }
    assert "verification" in error.context["allowed"]


@pytest.mark.parametrize(
    ("channel", "due"),
    [
        # one vocabulary of channels (tthc.dossiers.Channel): the text's one "trực tuyến" time
        # applies to fully and partly online filing alike (Nghị định 42/2022/NĐ-CP Điều 11.1)
        ("online_full", dt.date(2026, 3, 12)),
        ("Trực tuyến một phần", dt.date(2026, 3, 12)),
        ("toan trinh", dt.date(2026, 3, 12)),
        ("counter", dt.date(2026, 3, 16)),
        ("truc tiep", dt.date(2026, 3, 16)),
    ],
)
def test_a_channel_is_named_in_any_spelling_of_the_one_vocabulary(
    channel: str, due: dt.date
) -> None:
    # 3 working days from Monday 9/3 → Thursday 12/3; 5 → Monday 16/3
    time = parse_processing_time(BY_CHANNEL)
    assert compute_deadline(MON, time, channel=channel).due_date == due
