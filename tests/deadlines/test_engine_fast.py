"""The fast paths of ``compute_deadline`` give exactly what the general path gives.

Three properties on random inputs: the private constructor ``_new_deadline`` builds the same
``Deadline`` as its attrs ``__init__``; the fast path (an instant already in UTC+7, a plain
``Duration``) equals ``_compute``, the general path, field by field (the calendar included) or
raises the same error; working time counted on integers (``_add_working_us``) equals the same
count on ``timedelta`` values, the reference implementation kept below. Counting rules: Civil
Code 2015 Art. 147–148, Decree 118/2025/NĐ-CP Art. 17.3, office windows 07:30–11:30 and
13:00–17:00 by default (``data/counting_rules.json``).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from strategies import calendars, office_hours
from tthc import VN_TZ
from tthc.calendar import OfficeHours, WorkCalendar, civil_service_calendar
from tthc.deadlines import (
    Deadline,
    DeadlineChange,
    Duration,
    ProcessingTime,
    compute_deadline,
    counting_rule,
    parse_processing_time,
    restart_after_supplement,
)
from tthc.deadlines._apply import plan
from tthc.deadlines._engine import ChangeKind, _compute, _new_deadline, _to_timedelta
from tthc.deadlines._working_time import _add_working_time, _working_time
from tthc.errors import TthcError

RULES = ("working_days", "calendar_days", "working_time", "same_day", "immediate", "clock_time")
DEFAULT_HOURS = OfficeHours()

#: Instants from the first year of the calendar into its projected years (2027–2035), on the
#: microsecond, in Vietnam time; half of them around the last confirmed day (31/12/2026), where
#: ``provisional`` changes.
vn_instants = st.one_of(
    st.datetimes(dt.datetime(2015, 1, 1), dt.datetime(2035, 12, 20)),
    st.datetimes(dt.datetime(2026, 12, 1), dt.datetime(2027, 1, 5)),
).map(lambda moment: moment.replace(tzinfo=VN_TZ))
#: Every unit, fractional amounts included (fractions of working days count as working time).
any_durations = st.one_of(
    st.integers(1, 400).map(Duration.working_days),
    st.decimals(Decimal("0.001"), Decimal("40"), places=3).map(Duration.working_days),
    st.integers(1, 400).map(Duration.calendar_days),
    st.integers(1, 24).map(Duration.months),
    st.decimals(Decimal("0.01"), Decimal("200"), places=2).map(Duration.working_hours),
    st.integers(1, 3000).map(Duration.working_minutes),
    st.integers(1, 300).map(Duration.clock_hours),
    st.integers(1, 3000).map(Duration.clock_minutes),
    (st.none() | st.times()).map(Duration.same_day),
    st.just(Duration.immediate()),
)
hours_or_default = st.none() | st.just(DEFAULT_HOURS) | office_hours()


def _fields(deadline: Deadline) -> tuple[Any, ...]:
    """Every field, the calendar (not part of equality) included, by identity for it."""
    return tuple(
        id(value) if field.name == "calendar" else value
        for field, value in ((f, getattr(deadline, f.name)) for f in attrs.fields(Deadline))
    )


@st.composite
def deadline_fields(draw: st.DrawFn) -> tuple[Any, ...]:
    accepted = draw(vn_instants)
    due_at = draw(vn_instants)
    change = DeadlineChange(
        kind=draw(st.sampled_from(ChangeKind)),
        at=accepted,
        previous_accepted_at=accepted,
        previous_due_date=accepted.date(),
        previous_due_at=due_at,
        new_due_date=due_at.date(),
        rule=counting_rule("restart_after_supplement"),
    )
    texts = st.lists(st.text(max_size=5), max_size=2).map(tuple)
    return (
        accepted,
        draw(vn_instants),
        draw(any_durations),
        due_at.date(),
        due_at,
        draw(st.booleans()),
        counting_rule(draw(st.sampled_from(RULES))),
        draw(hours_or_default) or DEFAULT_HOURS,
        civil_service_calendar(strict=draw(st.booleans())),
        draw(st.none() | st.dates(dt.date(2015, 1, 1), dt.date(2035, 12, 31))),
        draw(st.sampled_from([(), (change,)])),
        draw(st.none() | st.times()),
        draw(texts),
        draw(st.lists(any_durations, max_size=2).map(tuple)),
        draw(texts),
    )


@settings(max_examples=60, deadline=None)
@given(deadline_fields())
def test_the_private_constructor_builds_what_the_attrs_init_builds(values: tuple[Any, ...]) -> None:
    fast, checked = _new_deadline(*values), Deadline(*values)
    assert type(fast) is Deadline
    assert fast == checked
    assert hash(fast) == hash(checked)
    assert repr(fast) == repr(checked)
    assert _fields(fast) == _fields(checked)


def _outcome(call: Any) -> tuple[str, Any]:
    try:
        result = call()
    except TthcError as exc:
        return "error", (type(exc), exc.message, exc.context)
    return ("deadline", _fields(result)) if isinstance(result, Deadline) else ("value", result)


_LAST_CONFIRMED = dt.datetime(2026, 12, 31, 10, tzinfo=VN_TZ)  # Thursday, a working day


@settings(max_examples=150, deadline=None)
@given(vn_instants, any_durations, calendars(), hours_or_default)
@example(_LAST_CONFIRMED, Duration.same_day(), civil_service_calendar(), None)
@example(_LAST_CONFIRMED, Duration.working_hours(2), civil_service_calendar(), None)
@example(_LAST_CONFIRMED, Duration.clock_hours(2), civil_service_calendar(strict=True), None)
@example(_LAST_CONFIRMED, Duration.calendar_days(1), civil_service_calendar(strict=True), None)
def test_the_fast_path_equals_the_general_path(
    accepted: dt.datetime, duration: Duration, cal: WorkCalendar, hours: OfficeHours | None
) -> None:
    fast = _outcome(lambda: compute_deadline(accepted, duration, calendar=cal, office_hours=hours))
    general = _outcome(lambda: _compute(accepted, duration, cal, hours or DEFAULT_HOURS, None))
    assert fast == general
    # and the public general path (an instant in another zone) agrees on the due instant
    utc = accepted.astimezone(dt.timezone.utc)
    other = _outcome(lambda: compute_deadline(utc, duration, calendar=cal, office_hours=hours))
    assert other[0] == fast[0]


@settings(max_examples=80, deadline=None)
@given(vn_instants, any_durations, st.timedeltas(dt.timedelta(0), dt.timedelta(days=60)))
def test_a_restart_counts_what_the_general_path_counts(
    accepted: dt.datetime, duration: Duration, later: dt.timedelta
) -> None:
    # Điều 19.5 NĐ 118/2025: the full limit again from the complete supplement; the restart
    # takes compute_deadline's fast path, and must give _compute's deadline with the history
    cal = civil_service_calendar()
    try:
        first = compute_deadline(accepted, duration, calendar=cal)
        received = accepted + later
        restarted = restart_after_supplement(first, received)
    except TthcError:
        return  # out of the calendar's range: refused by both paths alike (checked above)
    general = _compute(received, duration, cal, DEFAULT_HOURS, None)
    assert _fields(restarted)[:10] == _fields(general)[:10]
    assert restarted.history == (
        DeadlineChange(
            kind=ChangeKind.RESTART,
            at=received,
            previous_accepted_at=first.accepted_at,
            previous_due_date=first.due_date,
            previous_due_at=first.due_at,
            new_due_date=general.due_date,
            rule=counting_rule("restart_after_supplement").on(accepted.date()),
        ),
    )
    assert _fields(restarted)[11:] == _fields(general)[11:]
    assert restarted == attrs.evolve(general, history=restarted.history)


# --- the reference: working time counted on timedelta values (the implementation before
# session 4), kept to check the integer arithmetic against ---------------------------------------

_MICRO = dt.timedelta(microseconds=1)


def _since_midnight(t: dt.time) -> dt.timedelta:
    return dt.timedelta(
        hours=t.hour, minutes=t.minute, seconds=t.second, microseconds=t.microsecond
    )


def _day_length(hours: OfficeHours) -> dt.timedelta:
    return sum(
        (_since_midnight(end) - _since_midnight(start) for start, end in hours.windows),
        dt.timedelta(),
    )


def _ref_position(
    moment: dt.datetime, cal: WorkCalendar, hours: OfficeHours
) -> tuple[dt.date, dt.timedelta]:
    day = moment.date()
    if cal.is_working_day(day):
        now, elapsed = _since_midnight(moment.time()), dt.timedelta()
        for start, end in hours.windows:
            ws, we = _since_midnight(start), _since_midnight(end)
            if now <= ws:
                break
            elapsed += min(now, we) - ws
        if elapsed < _day_length(hours):
            return day, elapsed
    return cal.next_working_day(day), dt.timedelta()


def _ref_instant(
    day: dt.date, offset: dt.timedelta, hours: OfficeHours, *, at_end: bool
) -> dt.datetime:
    *earlier, (last_start, _) = hours.windows
    for start, end in earlier:
        length = _since_midnight(end) - _since_midnight(start)
        if offset < length or (at_end and offset == length):
            return dt.datetime.combine(day, start, tzinfo=VN_TZ) + offset
        offset -= length
    return dt.datetime.combine(day, last_start, tzinfo=VN_TZ) + offset


def _ref_add(
    moment: dt.datetime, amount: dt.timedelta, cal: WorkCalendar, hours: OfficeHours
) -> tuple[dt.datetime, dt.datetime]:
    day, elapsed = _ref_position(moment, cal, hours)
    start = max(_ref_instant(day, elapsed, hours, at_end=False), moment)
    length = _day_length(hours)
    total = elapsed + amount
    full_days = (total - _MICRO) // length
    due_day = cal.add_working_days(day, full_days)
    return start, max(start, _ref_instant(due_day, total - full_days * length, hours, at_end=True))


def _ref_between(
    a: dt.datetime, b: dt.datetime, cal: WorkCalendar, hours: OfficeHours
) -> dt.timedelta:
    day_a, off_a = _ref_position(a, cal, hours)
    day_b, off_b = _ref_position(b, cal, hours)
    return cal.working_days_between(day_a, day_b) * _day_length(hours) + off_b - off_a


def _either(call: Any) -> Any:
    try:
        return call()
    except TthcError as exc:
        return type(exc), exc.message


@settings(max_examples=150, deadline=None)
@given(
    vn_instants,
    vn_instants,
    st.integers(0, 10**12).map(lambda us: dt.timedelta(microseconds=us)),
    calendars(),
    office_hours() | st.just(DEFAULT_HOURS),
)
def test_working_time_on_integers_equals_the_timedelta_reference(
    a: dt.datetime, b: dt.datetime, amount: dt.timedelta, cal: WorkCalendar, hours: OfficeHours
) -> None:
    assert _either(lambda: _add_working_time(a, amount, cal, hours)) == _either(
        lambda: _ref_add(a, amount, cal, hours)
    )
    a, b = min(a, b), max(a, b)
    assert _either(lambda: _working_time(a, b, cal, hours)) == _either(
        lambda: _ref_between(a, b, cal, hours)
    )


@pytest.mark.parametrize(
    ("accepted", "amount", "due"),
    [
        # Wed 29/4/2026 10:00 + 12 working hours: 5 h 30 left that day (10:00–11:30,
        # 13:00–17:00); Thu 30/4 and Fri 1/5 are public holidays (Bộ luật Lao động 2019
        # Điều 112.1), then the weekend; the 6 h 30 left on Mon 4/5: 07:30–11:30, 13:00–15:30.
        (
            dt.datetime(2026, 4, 29, 10, tzinfo=VN_TZ),
            12,
            dt.datetime(2026, 5, 4, 15, 30, tzinfo=VN_TZ),
        ),
        # accepted at lunch (12:00) on Mon 9/3/2026: counting starts at 13:00; 4 h → 17:00
        (dt.datetime(2026, 3, 9, 12, tzinfo=VN_TZ), 4, dt.datetime(2026, 3, 9, 17, tzinfo=VN_TZ)),
    ],
)
def test_working_hours_known_due_instants(
    accepted: dt.datetime, amount: int, due: dt.datetime
) -> None:
    assert compute_deadline(accepted, Duration.working_hours(amount)).due_at == due


_PER_UNIT = {
    "working_hours": dt.timedelta(hours=1),
    "clock_hours": dt.timedelta(hours=1),
    "working_minutes": dt.timedelta(minutes=1),
    "clock_minutes": dt.timedelta(minutes=1),
}


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(sorted(_PER_UNIT)),
    st.decimals(Decimal("0.0000000001"), Decimal(100_000), places=10)
    | st.integers(1, 100_000).map(Decimal),
)
@example("working_minutes", Decimal("0.000000075"))  # 4.5 µs: half up gives 5, not 4
@example("clock_hours", Decimal("0.00000000125"))  # 4.5 µs
def test_the_counted_amount_is_the_amount_rounded_to_the_microsecond(
    constructor: str, amount: Decimal
) -> None:
    # the engine counts hours and minutes in µs, rounded half up (counting_rules.json,
    # working_time and clock_time): the integer kept on the Duration is that rounding
    duration = getattr(Duration, constructor)(amount)
    expected = _to_timedelta(amount, _PER_UNIT[constructor])
    assert duration._counted == expected // dt.timedelta(microseconds=1)
    whole = max(1, int(amount))
    assert Duration.calendar_days(whole)._counted == whole == Duration.months(whole)._counted
    assert Duration.working_days(amount)._counted is None


def _read_limits() -> list[ProcessingTime]:
    """The texts of the labelled corpus (real portal records, tests/data) that tthc reads."""
    data = Path(__file__).resolve().parent.parent / "data" / "processing_time_corpus.jsonl"
    limits = []
    for line in data.read_text(encoding="utf-8").splitlines():
        try:
            limits.append(parse_processing_time(json.loads(line)["text"]))
        except TthcError:
            continue  # refused texts have no limit to count
    return limits


READ_LIMITS = _read_limits()


@settings(max_examples=150, deadline=None)
@given(
    vn_instants,
    st.sampled_from(READ_LIMITS),
    calendars(),
    hours_or_default,
    st.timedeltas(dt.timedelta(0), dt.timedelta(days=60)),
)
def test_a_limit_read_from_a_text_counts_what_its_plan_counts(
    accepted: dt.datetime,
    limit: ProcessingTime,
    cal: WorkCalendar,
    hours: OfficeHours | None,
    later: dt.timedelta,
) -> None:
    # compute_deadline of a ProcessingTime (its plan cached, one limit without a cut-off rule
    # counted by the fast path) gives _compute of the plan, the explanation included; so does
    # the restart after a supplement (Điều 19.5 NĐ 118/2025), with its history
    fast = _outcome(lambda: compute_deadline(accepted, limit, calendar=cal, office_hours=hours))
    planned = _outcome(lambda: plan(limit))
    if planned[0] == "error":  # a text of cases only, or with no limit: refused alike
        assert fast == planned
        return
    steps = plan(limit)
    first, *then = steps.steps
    office = hours or DEFAULT_HOURS
    start_rule = steps.start_after_cutoff

    def general(at: dt.datetime) -> Deadline:
        return _compute(at, first, cal, office, start_rule, then=(*then,), parts=steps.parts)

    assert fast == _outcome(lambda: general(accepted))
    if fast[0] == "error":
        return
    first_due = compute_deadline(accepted, limit, calendar=cal, office_hours=hours)
    received = accepted + later
    again = _outcome(lambda: restart_after_supplement(first_due, received))
    expected = _outcome(lambda: general(received))
    if again[0] == "error" or expected[0] == "error":
        assert again[0] == expected[0]
        return
    restarted = restart_after_supplement(first_due, received)
    assert restarted == attrs.evolve(general(received), history=restarted.history)
    assert restarted.parts == steps.parts


def test_the_plan_of_a_limit_is_kept_and_equals_a_fresh_one() -> None:
    # the cache answers equal limits alike, and only the general case (no case, channel or
    # alternative), which is the plan of the limit itself
    from tthc.deadlines._engine import _general_plan

    one = parse_processing_time("10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ")
    other = attrs.evolve(one)  # an equal limit, another object (as read back from JSON)
    assert other is not one
    assert _general_plan(one) is _general_plan(other)
    assert _general_plan(one) == plan(one)
    assert _general_plan(one).steps == (Duration.working_days(10),)
