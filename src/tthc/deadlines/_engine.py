"""The deadline engine: [`compute_deadline`][tthc.deadlines.compute_deadline] and the [`Deadline`][tthc.deadlines.Deadline] it returns."""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import functools
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import attrs

from tthc._enums import LabelledEnum
from tthc._slots import slots_builder
from tthc._time import VN_TZ, format_date, format_instant
from tthc._validate import to_vietnam_time
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.calendar._defaults import DEFAULT_OFFICE_HOURS, resolve
from tthc.calendar._national import _civil_service_calendar as _national_calendar
from tthc.deadlines._apply import Plan, plan
from tthc.deadlines._durations import AlternativeKind, Duration, DurationUnit
from tthc.deadlines._processing_time import ProcessingTime
from tthc.deadlines._rules import CountingRule, _counting_rules, _rule, counting_rule
from tthc.deadlines._working_time import (
    _add_working_us,
    _instant,
    _spans_of,
    _working_position,
)
from tthc.errors import DurationError, InputTypeError

if TYPE_CHECKING:
    from tthc.calendar import DayInfo

__all__ = ["ChangeKind", "Deadline", "DeadlineChange", "compute_deadline"]

_ONE_DAY = _dt.timedelta(days=1)
_MICRO = _dt.timedelta(microseconds=1)


class ChangeKind(LabelledEnum):
    """Why a due date changed during the life of a dossier."""

    RESTART = "restart", "Tính lại từ đầu sau khi bổ sung", "restarted after a supplement"
    EXTENSION = "extension", "Gia hạn, hẹn lại ngày trả kết quả", "extended"
    ALTERNATIVE = "alternative", "Áp dụng thời hạn theo điều kiện", "conditional limit applied"
    PAUSE = "pause", "Không tính thời gian thực hiện nghĩa vụ tài chính", "payment time excluded"


@attrs.frozen(slots=True)
class DeadlineChange:
    """One change of the due date, kept in [`Deadline.history`][tthc.deadlines.Deadline.history].

    Attributes:
        kind: What happened.
        at: When it was recorded (Vietnam time).
        previous_accepted_at: The clock start before the change.
        previous_due_date: The due date before the change (NgayHenTraTruoc).
        previous_due_at: The due instant before the change.
        new_due_date: The due date after the change (NgayHenTraMoi).
        rule: The legal rule behind the change.
        reason: Free text (the condition, the pause period ...).
    """

    kind: ChangeKind
    at: _dt.datetime
    previous_accepted_at: _dt.datetime
    previous_due_date: _dt.date
    previous_due_at: _dt.datetime
    new_due_date: _dt.date
    rule: CountingRule
    reason: str = ""


@attrs.frozen(slots=True, weakref_slot=False)  # built by tthc._slots on the fast paths
class Deadline:
    """The due date of a dossier and why.

    Attributes:
        accepted_at: When the clock started (Vietnam time): acceptance of the complete dossier
            (Decree 118/2025 Art. 17.3), or receipt of the complete supplement after a restart.
        start: When counting actually starts: ``accepted_at``, or the next office window for
            working-time limits received outside office hours, or the next working day when a
            "start after the cut-off" rule applies.
        duration: The limit counted.
        due_date: The legal due date (ngày hẹn trả kết quả); the dossier is on time if finished
            on or before it.
        due_at: The due instant (aware, UTC+7): end of office hours on ``due_date`` for day
            limits, the exact instant for hour and minute limits.
        provisional: True when a date touched lies in a projected (not yet announced) year.
        rule: The counting rule applied, with its legal basis.
        office_hours: The office windows used.
        calendar: The working calendar used (not part of equality); lifecycle functions reuse it.
        skipped_after: Days off after this date (up to the due date) are listed in
            [`skipped`][tthc.deadlines.Deadline.skipped]; ``None`` when none were skipped.
        history: Earlier due dates (restart, extension, alternative, pause), oldest first.
        start_after_cutoff: Cut-off after which counting starts the next working day, when the
            procedure says so (kept so that a restart counts the same way).
        notes: Remarks on the computation (open legal questions that affect it).
        then: Later steps of a sequence in different units, each counted from the previous
            step's due date (``duration`` is the first step); empty for one limit.
        parts: Which fragment of the processing-time text gave which part (and what was kept
            apart or ignored), for the explanation; empty for a plain ``Duration``.
    """

    accepted_at: _dt.datetime
    start: _dt.datetime
    duration: Duration
    due_date: _dt.date
    due_at: _dt.datetime
    provisional: bool
    rule: CountingRule
    office_hours: OfficeHours
    calendar: WorkCalendar = attrs.field(eq=False, repr=False)
    skipped_after: _dt.date | None = None
    history: tuple[DeadlineChange, ...] = ()
    start_after_cutoff: _dt.time | None = None
    notes: tuple[str, ...] = ()
    then: tuple[Duration, ...] = ()
    parts: tuple[str, ...] = ()

    @property
    def skipped(self) -> tuple[DayInfo, ...]:
        """The non-working days skipped (weekends, holidays, swaps) up to the due date, in order.

        For working-day and working-time limits: every day off after the start; for calendar-day
        and month limits: the days off the due date was moved over (Civil Code Art. 148.5).
        """
        if self.skipped_after is None or self.skipped_after >= self.due_date:
            return ()
        return self.calendar.non_working_days(self.skipped_after, self.due_date)

    @property
    def extended(self) -> bool:
        """Whether the one allowed extension (Decree 118/2025 Art. 19.6) has been used."""
        return any(change.kind is ChangeKind.EXTENSION for change in self.history)

    @property
    def original_due_date(self) -> _dt.date:
        """The first due date this dossier had (before any restart, extension or pause)."""
        return self.history[0].previous_due_date if self.history else self.due_date

    @property
    def first_accepted_at(self) -> _dt.datetime:
        """The first acceptance instant (before any restart)."""
        return self.history[0].previous_accepted_at if self.history else self.accepted_at

    def explain(self) -> str:
        """Return the explanation, one line per fact, in Vietnamese with English in brackets.

        The lines are joined by newlines. Example::

            Tiếp nhận (accepted): Thứ Tư 29/04/2026 10:00
            Thời hạn (limit): 5 ngày làm việc (5 working days)
            30/04/2026 — Ngày Chiến thắng (30/4) (Reunification Day) — khoản 1 Điều 112, Bộ luật ...
            Hạn trả kết quả (due): Thứ Sáu 08/05/2026 17:00
        """
        return "\n".join(self._explain_lines())

    def _explain_lines(self) -> list[str]:
        lines = [
            f"Tiếp nhận (accepted): {format_instant(self.accepted_at)}",
            f"Thời hạn (limit): {self.duration} ({self.duration.describe_en()})",
            *(
                f"Bước tiếp theo (then): {step} ({step.describe_en()}) — tính từ hạn của bước "
                "trước (counted from the previous step's due date)"
                for step in self.then
            ),
            *(f"Văn bản (text): {part}" for part in self.parts),
            f"Quy tắc (rule): {self.rule.name_vi} ({self.rule.name_en}) — {self.rule.summary_en}",
            f"Căn cứ (legal basis): {self.rule.cite()}",
        ]
        if self.rule.validity.end is not None and self.rule.design_note:  # an earlier regime
            lines.append(f"Lưu ý (note): {self.rule.design_note}")
        if self.start != self.accepted_at:
            lines.append(f"Bắt đầu tính (counting starts): {format_instant(self.start)}")
        if self.skipped:
            lines.append(f"Ngày nghỉ không tính (days off skipped): {len(self.skipped)}")
            lines.extend(f"  {_describe_day(info)}" for info in self.skipped)
        else:
            lines.append("Ngày nghỉ không tính (days off skipped): 0")
        lines.append(f"Hạn trả kết quả (due): {format_instant(self.due_at)}")
        if self.provisional:
            lines.append(
                "Lưu ý (note): dự kiến — lịch nghỉ của năm này chưa được công bố chính thức "
                "(provisional: the year's days off are not yet officially announced)"
            )
        lines.extend(f"Lưu ý (note): {note}" for note in self.notes)
        for change in self.history:
            lines.append(
                f"Lịch sử (history): {change.kind.name_vi} {format_instant(change.at)} — hạn cũ "
                f"(previous due) {format_date(change.previous_due_date)} → "
                f"{format_date(change.new_due_date)} — {change.rule.cite()}"
                + (f" — {change.reason}" if change.reason else "")
            )
        return lines

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly description (used by the CLI's ``--json``)."""
        return {
            "accepted_at": self.accepted_at.isoformat(),
            "start": self.start.isoformat(),
            "duration": self.duration.to_dict(),
            "due_date": self.due_date.isoformat(),
            "due_at": self.due_at.isoformat(),
            "provisional": self.provisional,
            "skipped": [
                {
                    "date": info.date.isoformat(),
                    "kind": info.kind.value,
                    "name_vi": info.name_vi,
                    "name_en": info.name_en,
                    "legal_ref": info.legal_ref.to_dict() if info.legal_ref else None,
                }
                for info in self.skipped
            ],
            "rule": {"id": self.rule.id, "legal_refs": self.rule.to_dicts()},
            "history": [
                {
                    "kind": c.kind.value,
                    "at": c.at.isoformat(),
                    "previous_due_date": c.previous_due_date.isoformat(),
                    "new_due_date": c.new_due_date.isoformat(),
                    "legal_refs": c.rule.to_dicts(),
                }
                for c in self.history
            ],
            "notes": list(self.notes),
            # the later steps of a sequence and the text's parts, only when there are some
            **({"then": [step.to_dict() for step in self.then]} if self.then else {}),
            **({"parts": list(self.parts)} if self.parts else {}),
            "explanation": self._explain_lines(),
        }


def _describe_day(info: DayInfo) -> str:
    text = f"{format_date(info.date)} — {info.name_vi} ({info.name_en})"
    if info.legal_ref is not None:
        text += f" — {info.legal_ref.cite()}"
    if info.provisional:
        text += " — dự kiến (projected)"
    return text


def _to_timedelta(amount: Decimal, unit: _dt.timedelta) -> _dt.timedelta:
    micro = (amount * Decimal(unit // _MICRO)).to_integral_value(rounding=ROUND_HALF_UP)
    return _dt.timedelta(microseconds=int(micro))


def _whole(duration: Duration) -> int:
    """The whole number of calendar days or months of ``duration`` (validated: never None)."""
    return cast("int", duration._counted)


def _micros(duration: Duration) -> int:
    """Clock or working hours or minutes of ``duration`` in µs, rounded half up (never None)."""
    return cast("int", duration._counted)


def _add_months(day: _dt.date, months: int) -> _dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > _dt.MAXYEAR:
        raise DurationError(
            f"Thời hạn (duration): {months} tháng from {day.isoformat()} is beyond the year "
            f"{_dt.MAXYEAR}",
            months=months,
        )
    # Civil Code 2015 Art. 148.3: the corresponding day, or the month's last day
    return _dt.date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def _roll_forward(nominal: _dt.date, cal: WorkCalendar) -> tuple[_dt.date, _dt.date | None]:
    """Civil Code 2015 Art. 148.5: a last day that is a day off moves to the next working day.

    Returns the due date and the date after which skipped days are listed (None: none skipped).
    """
    if cal.is_working_day(nominal):
        return nominal, None
    return cal.next_working_day(nominal), nominal - _ONE_DAY


def _shift_date(day: _dt.date, days: int) -> _dt.date:
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        raise DurationError(
            f"Thời hạn (duration): {days} ngày from {day.isoformat()} is beyond the calendar",
            days=days,
        ) from None


class _Count(NamedTuple):
    """What counting one limit gives, before it becomes a [`Deadline`][tthc.deadlines.Deadline]."""

    rule_id: str
    start: _dt.datetime
    due_date: _dt.date
    due_at: _dt.datetime
    skipped_after: _dt.date | None
    note: str = ""


def _closing(day: _dt.date, hours: OfficeHours) -> _dt.datetime:
    return _dt.datetime.combine(day, hours.closes, tzinfo=VN_TZ)


def _count_working_days(
    start: _dt.datetime, duration: Duration, cal: WorkCalendar, hours: OfficeHours
) -> _Count:
    day = start.date()
    due_date = cal.add_working_days(day, int(duration.amount))
    return _Count("working_days", start, due_date, _closing(due_date, hours), day)


def _count_working_time(
    start: _dt.datetime, duration: Duration, cal: WorkCalendar, hours: OfficeHours
) -> _Count:
    sp = _spans_of(hours)
    if duration.unit is DurationUnit.WORKING_DAY:  # a fraction: µs of the day's length
        amount = _to_timedelta(duration.amount, _dt.timedelta(microseconds=sp.day)) // _MICRO
    else:
        amount = _micros(duration)
    day = start.date()
    start, due_at = _add_working_us(start, amount, cal, sp)
    return _Count("working_time", start, due_at.date(), due_at, day)


def _count_calendar_time(
    start: _dt.datetime, duration: Duration, cal: WorkCalendar, hours: OfficeHours
) -> _Count:
    day, amount = start.date(), _whole(duration)
    if duration.unit is DurationUnit.CALENDAR_DAY:
        rule_id, nominal = "calendar_days", _shift_date(day, amount)
    else:
        rule_id, nominal = "months", _add_months(day, amount)
    due_date, skipped_after = _roll_forward(nominal, cal)
    return _Count(rule_id, start, due_date, _closing(due_date, hours), skipped_after)


def _count_clock_time(
    start: _dt.datetime, duration: Duration, cal: WorkCalendar, _hours: OfficeHours
) -> _Count:
    # the start must lie inside the calendar like any other (CalendarRangeError); with the
    # amount capped by Duration the sum below then stays far from datetime's limits
    cal.is_working_day(start.date())
    due_at = start + _TIMEDELTA(0, 0, _micros(duration))
    note = ""
    if not cal.is_working_day(due_at.date()):
        note = (
            "hạn rơi vào ngày nghỉ; thời hạn tính bằng giờ chạy liên tục (the due instant "
            "falls on a day off; clock-hour limits run through days off — open question Q3)"
        )
    return _Count("clock_time", start, due_at.date(), due_at, None, note)


def _count_same_day(
    start: _dt.datetime, duration: Duration, cal: WorkCalendar, hours: OfficeHours
) -> _Count:
    day, cutoff = start.date(), duration.cutoff
    if cal.is_working_day(day) and (cutoff is None or start.time() <= cutoff):
        due_date = day
    else:
        due_date = cal.next_working_day(day)
    return _Count("same_day", start, due_date, max(_closing(due_date, hours), start), day)


def _count_immediate(
    start: _dt.datetime, _duration: Duration, cal: WorkCalendar, hours: OfficeHours
) -> _Count:
    position_day, elapsed = _working_position(start, cal, hours)
    due_at = max(_instant(position_day, elapsed, hours, at_end=False), start)
    return _Count("immediate", start, due_at.date(), due_at, start.date())


_COUNTERS = {
    DurationUnit.WORKING_DAY: _count_working_time,
    DurationUnit.WORKING_HOUR: _count_working_time,
    DurationUnit.WORKING_MINUTE: _count_working_time,
    DurationUnit.CALENDAR_DAY: _count_calendar_time,
    DurationUnit.MONTH: _count_calendar_time,
    DurationUnit.CLOCK_HOUR: _count_clock_time,
    DurationUnit.CLOCK_MINUTE: _count_clock_time,
    DurationUnit.SAME_DAY: _count_same_day,
    DurationUnit.IMMEDIATE: _count_immediate,
}


def _count(
    start: _dt.datetime, duration: Duration, cal: WorkCalendar, hours: OfficeHours
) -> _Count:
    """Count ``duration`` from ``start`` by its unit's rule (fractional working days: working time)."""
    if duration.unit is DurationUnit.WORKING_DAY and duration.is_whole:
        return _count_working_days(start, duration, cal, hours)
    return _COUNTERS[duration.unit](start, duration, cal, hours)


def _compute(
    accepted_at: _dt.datetime,
    duration: Duration,
    cal: WorkCalendar,
    hours: OfficeHours,
    start_after_cutoff: _dt.time | None,
    *,
    then: tuple[Duration, ...] = (),
    parts: tuple[str, ...] = (),
) -> Deadline:
    start = accepted_at
    notes: list[str] = []
    if start_after_cutoff is not None and accepted_at.time() > start_after_cutoff:
        next_day = cal.next_working_day(accepted_at.date())
        start = _dt.datetime.combine(next_day, hours.opens, tzinfo=VN_TZ)
        notes.append(
            f"tiếp nhận sau {start_after_cutoff:%H:%M}: tính từ ngày làm việc tiếp theo "
            f"(received after {start_after_cutoff:%H:%M}: counted as received "
            f"{format_date(next_day)} {hours.opens:%H:%M}) — "
            + counting_rule("start_after_cutoff").cite()
        )
    first = count = _count(start, duration, cal, hours)
    for index, step in enumerate(then, start=2):
        notes.append(
            f"bước {index - 1} đến hạn (step {index - 1} due) {format_instant(count.due_at)}; "
            f"bước {index} (step {index}): {step}"
        )
        count = _count(count.due_at, step, cal, hours)
    notes.extend(c.note for c in (first, count) if c.note)
    return _new_deadline(
        accepted_at,
        first.start,
        duration,
        count.due_date,
        count.due_at,
        cal.is_provisional(max(count.due_date, accepted_at.date())),
        _in_force(_rule(first.rule_id), accepted_at),
        hours,
        cal,
        first.skipped_after,
        (),
        start_after_cutoff,
        tuple(dict.fromkeys(notes)),
        then,
        parts,
    )


def _resolve(duration: object, case: object, channel: object, alternative: object) -> Plan:
    if isinstance(duration, Duration):
        if case is not None or channel is not None or alternative is not None:
            raise InputTypeError(
                "Thời hạn (duration): case, channel and alternative apply to a ProcessingTime, "
                "not to a Duration",
                argument="duration",
            )
        return Plan((duration,))
    if isinstance(duration, ProcessingTime):
        if case is None and channel is None and alternative is None:
            return _general_plan(duration)
        return plan(duration, case=case, channel=channel, alternative=alternative)
    raise InputTypeError(
        "Thời hạn (duration): expected a Duration or a ProcessingTime, got "
        f"{type(duration).__name__}",
        hint="parse text first: parse_processing_time('05 ngày làm việc')",
        argument="duration",
        got=type(duration).__name__,
    )


@functools.lru_cache(maxsize=512)
def _general_plan(limit: ProcessingTime) -> Plan:
    """``plan(limit)`` of the general case, kept for the limits seen last.

    Planning a reading costs about 10 µs, five times the count it plans; a dossier counts the
    same limit at acceptance and at every restart, and a province's dossiers share a few
    hundred limits. A limit is a frozen value (its reading derives from its fields), so equal
    limits have the same plan.
    """
    return plan(limit)


def compute_deadline(
    accepted_at: _dt.datetime,
    duration: Duration | ProcessingTime,
    *,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
    case: str | None = None,
    channel: str | None = None,
    alternative: AlternativeKind | str | None = None,
) -> Deadline:
    """Return the due date of a dossier accepted at ``accepted_at`` with limit ``duration``.

    Counting (legal basis in ``data/counting_rules.json``; details in
    ``docs/fundamentals/deadlines.md``): working days — the N-th working day strictly after the
    acceptance date (Civil Code 2015 Art. 147.2), by the end of office hours; calendar days and
    months — the date N days or months later (Art. 148.3), moved to the next working day if it
    is a day off (Art. 148.5); working hours, minutes and fractional working days — inside the
    office windows; clock hours and minutes — elapsed time; same day — that day unless accepted
    after the cut-off or on a day off; immediate — the acceptance instant.

    Args:
        accepted_at: When the complete, valid dossier was accepted (Decree 118/2025 Art. 17.3).
            Must be time-zone aware; it is converted to Vietnam time (UTC+7).
        duration: The limit, or a parsed [`ProcessingTime`][tthc.deadlines.ProcessingTime], whose reading is applied:
            a limit or total as it is; steps in different units one after the other; the
            general case or the named ``case``/``channel``; the named ``alternative``
            (extends: added; replaces: on its own); the start-next-day rule. Parts kept apart
            (posting, the applicant's time) are explained, not counted.
        calendar: The working calendar; default [`tthc.calendar.civil_service_calendar`][tthc.calendar.civil_service_calendar].
        office_hours: The office windows; default 07:30–11:30 and 13:00–17:00.
        case: Words of the label of the case that applies (accent-insensitive).
        channel: ``"online"``/``"trực tuyến"``, ``"counter"``/``"trực tiếp"``, ``"post"``.
        alternative: The conditional limit that applies, e.g. ``AlternativeKind.VERIFICATION``.

    Returns:
        The [`Deadline`][tthc.deadlines.Deadline].

    Raises:
        InputTypeError: wrong argument types.
        NaiveDatetimeError: ``accepted_at`` has no time zone.
        CaseRequired: cases with no default, or channels, and none named (``context['cases']``
            lists the labels).
        ProcessingTimeParseError: the named channel has no time of its own in the text, or a
            part cannot be counted.
        DurationError: no limit ("không quy định", a reference elsewhere), only conditional
            limits, or a ``case``/``alternative`` the text does not give.
        CalendarRangeError: a date outside the calendar's range.
        ProvisionalCalendarError: strict calendar and a projected year is touched.

    Example:
        >>> from datetime import datetime
        >>> from tthc import VN_TZ
        >>> d = compute_deadline(datetime(2026, 4, 29, 10, tzinfo=VN_TZ), Duration.working_days(5))
        >>> d.due_date
        datetime.date(2026, 5, 8)
    """
    # Fast path for the common case, with the same checks and the same result as _compute: an
    # exact datetime already in Vietnam time, one Duration, exact calendar and office-hours
    # types (anything else, subclasses included, takes the general path below).
    if (
        type(accepted_at) is _DATETIME
        and accepted_at.tzinfo is VN_TZ
        and type(duration) is Duration
        and (calendar is None or type(calendar) is WorkCalendar)
        and (office_hours is None or type(office_hours) is OfficeHours)
        and case is None
        and channel is None
        and alternative is None
    ):
        return _fast(accepted_at, duration, calendar, office_hours)
    accepted = to_vietnam_time(accepted_at, "accepted_at")
    steps = _resolve(duration, case, channel, alternative)
    return _planned(accepted, steps, *resolve(calendar, office_hours))


def _planned(
    accepted: _dt.datetime, steps: Plan, cal: WorkCalendar, hours: OfficeHours
) -> Deadline:
    """The deadline of a plan from ``accepted`` (in Vietnam time)."""
    first, *then = steps.steps
    if (
        not then
        and steps.start_after_cutoff is None
        and type(first) is Duration
        and type(cal) is WorkCalendar
        and type(hours) is OfficeHours
    ):
        # one limit, no cut-off rule: the fast path's count (the same as _compute's), with
        # the plan's explanation set on the new Deadline, which no one has seen yet
        deadline = _fast(accepted, first, cal, hours)
        _set_parts(deadline, steps.parts)
        return deadline
    return _compute(
        accepted, first, cal, hours, steps.start_after_cutoff, then=tuple(then), parts=steps.parts
    )


def _fast(
    accepted_at: _dt.datetime,
    duration: Duration,
    calendar: WorkCalendar | None,
    office_hours: OfficeHours | None,
) -> Deadline:
    """The fast path of one exact Duration from an instant in Vietnam time (``VN_TZ``)."""
    n = duration._whole_working_days
    if n is not None:
        return _fast_working_days(accepted_at, duration, n, calendar, office_hours)
    return _FAST[duration.unit](accepted_at, duration, calendar, office_hours)


def _fast_working_days(
    accepted_at: _dt.datetime,
    duration: Duration,
    n: int,
    calendar: WorkCalendar | None,
    office_hours: OfficeHours | None,
) -> Deadline:
    """The fast path of [`compute_deadline`][tthc.deadlines.compute_deadline]: exact types, Vietnam time, whole working days."""
    cal = _national_calendar() if calendar is None else calendar
    day = accepted_at.date()
    due_date = cal.add_working_days(day, n)  # range and strict checks happen here
    hours = DEFAULT_OFFICE_HOURS if office_hours is None else office_hours
    closes = _DEFAULT_CLOSES if office_hours is None else office_hours.closes
    # _new_deadline's writes inline (the most common call: 15 arguments not passed), the
    # fields every fast path writes alike in _finished
    deadline = _new_object(_DEADLINE_SLOTS)
    deadline.accepted_at = accepted_at
    deadline.start = accepted_at
    deadline.duration = duration
    deadline.due_date = due_date
    deadline.due_at = _COMBINE(due_date, closes, VN_TZ)
    deadline.provisional = due_date > cal.confirmed_through  # due_date > day, in range
    rule = _working_days_rule()
    start = rule.validity.start  # _in_force, with accepted_at already in Vietnam time
    deadline.rule = rule.on(day) if start is not None and day < start else rule
    return _finished(deadline, hours, cal, day)


def _finished(deadline: Any, hours: OfficeHours, cal: WorkCalendar, day: _dt.date) -> Deadline:
    """The fields left of a fast path's Deadline (one limit counted from ``day``), then its class.

    ``deadline`` is a `_DEADLINE_SLOTS` with its first seven fields written (`tthc._slots`).
    """
    deadline.office_hours = hours
    deadline.calendar = cal
    deadline.skipped_after = day
    deadline.history = ()
    deadline.start_after_cutoff = None
    deadline.notes = ()
    deadline.then = ()
    deadline.parts = ()
    deadline.__class__ = Deadline
    return cast(Deadline, deadline)


def _fast_one(
    accepted_at: _dt.datetime,
    duration: Duration,
    calendar: WorkCalendar | None,
    office_hours: OfficeHours | None,
) -> Deadline:
    """The fast path of [`compute_deadline`][tthc.deadlines.compute_deadline] for the other units (``_FAST``).

    Months, clock time, immediate limits and fractions of a working day: what ``_compute``
    does with no cut-off rule and no later steps, the same count and the same Deadline. Every
    count ends on a date checked by the calendar and not before the acceptance date, so
    ``provisional`` is that date's comparison with ``confirmed_through`` (the same in the other
    fast paths).
    """
    cal = _national_calendar() if calendar is None else calendar
    hours = DEFAULT_OFFICE_HOURS if office_hours is None else office_hours
    count = _COUNTERS[duration.unit](accepted_at, duration, cal, hours)
    return _new_deadline(
        accepted_at,
        count.start,
        duration,
        count.due_date,
        count.due_at,
        count.due_date > cal.confirmed_through,
        _in_force(_rule(count.rule_id), accepted_at),
        hours,
        cal,
        count.skipped_after,
        (),
        None,
        (count.note,) if count.note else (),
        (),
        (),
    )


def _fast_calendar_days(
    accepted_at: _dt.datetime,
    duration: Duration,
    calendar: WorkCalendar | None,
    office_hours: OfficeHours | None,
) -> Deadline:
    """``_count_calendar_time`` for calendar days, straight into the Deadline."""
    cal = _national_calendar() if calendar is None else calendar
    hours = DEFAULT_OFFICE_HOURS if office_hours is None else office_hours
    day = accepted_at.date()
    try:
        nominal = day + _TIMEDELTA(_whole(duration))
    except OverflowError:
        nominal = _shift_date(day, _whole(duration))  # raises the DurationError
    # Civil Code 2015 Art. 148.5, as _roll_forward in one calendar call: n = 0 is the day
    # itself if it is a working day, else the next one (the same checks and refusals)
    due_date = cal.add_working_days(nominal, 0)
    skipped_after = None if due_date == nominal else nominal - _ONE_DAY
    closes = _DEFAULT_CLOSES if hours is DEFAULT_OFFICE_HOURS else hours.closes
    return _new_deadline(
        accepted_at,
        accepted_at,
        duration,
        due_date,
        _COMBINE(due_date, closes, VN_TZ),
        due_date > cal.confirmed_through,
        _rule_on("calendar_days", day),
        hours,
        cal,
        skipped_after,
        (),
        None,
        (),
        (),
        (),
    )


def _fast_same_day(
    accepted_at: _dt.datetime,
    duration: Duration,
    calendar: WorkCalendar | None,
    office_hours: OfficeHours | None,
) -> Deadline:
    """``_count_same_day`` straight into the Deadline."""
    cal = _national_calendar() if calendar is None else calendar
    hours = DEFAULT_OFFICE_HOURS if office_hours is None else office_hours
    day, cutoff = accepted_at.date(), duration.cutoff
    # _count_same_day in one calendar call: n = 0 is the day itself if it is a working day,
    # else the next one; n = 1 the next working day (the same checks and refusals)
    if cutoff is None or accepted_at.time() <= cutoff:
        due_date = cal.add_working_days(day, 0)
    else:
        due_date = cal.add_working_days(day, 1)
    closing = _COMBINE(
        due_date, _DEFAULT_CLOSES if hours is DEFAULT_OFFICE_HOURS else hours.closes, VN_TZ
    )
    rule = _counting_rules()["same_day"]
    start = rule.validity.start  # _rule_on, inline
    # _new_deadline's writes inline, then _finished, as in _fast_working_days
    deadline = _new_object(_DEADLINE_SLOTS)
    deadline.accepted_at = accepted_at
    deadline.start = accepted_at
    deadline.duration = duration
    deadline.due_date = due_date
    deadline.due_at = closing if not accepted_at > closing else accepted_at  # max()
    deadline.provisional = due_date > cal.confirmed_through
    deadline.rule = rule.on(day) if start is not None and day < start else rule
    return _finished(deadline, hours, cal, day)


def _fast_working_time(
    accepted_at: _dt.datetime,
    duration: Duration,
    calendar: WorkCalendar | None,
    office_hours: OfficeHours | None,
) -> Deadline:
    """``_count_working_time`` for working hours and minutes, straight into the Deadline."""
    cal = _national_calendar() if calendar is None else calendar
    hours = DEFAULT_OFFICE_HOURS if office_hours is None else office_hours
    start, due_at = _add_working_us(accepted_at, _micros(duration), cal, _spans_of(hours))
    due_date = due_at.date()
    return _new_deadline(
        accepted_at,
        start,
        duration,
        due_date,
        due_at,
        due_date > cal.confirmed_through,
        _rule_on("working_time", accepted_at.date()),
        hours,
        cal,
        accepted_at.date(),
        (),
        None,
        (),
        (),
        (),
    )


_DATETIME = _dt.datetime
_COMBINE = _dt.datetime.combine
_TIMEDELTA = _dt.timedelta
_DEFAULT_CLOSES = DEFAULT_OFFICE_HOURS.closes
_WORKING_HOUR = DurationUnit.WORKING_HOUR
_WORKING_MINUTE = DurationUnit.WORKING_MINUTE


@functools.cache
def _working_days_rule() -> CountingRule:
    return _rule("working_days")


def _rule_on(rule_id: str, day: _dt.date) -> CountingRule:
    """``_in_force(_rule(rule_id), accepted_at)`` for an acceptance on ``day`` in Vietnam time."""
    rule = _counting_rules()[rule_id]
    start = rule.validity.start
    return rule.on(day) if start is not None and day < start else rule


def _in_force(rule: CountingRule, accepted_at: _dt.datetime) -> CountingRule:
    """The rule with the legal basis in force on the acceptance date.

    Before 1/7/2025 that is an earlier regime's (Nghị định 61/2018/NĐ-CP, not 118/2025); before
    every regime tthc holds, the rule with no citation ([`CountingRule.on`][tthc.deadlines.CountingRule.on]).
    """
    local = accepted_at if accepted_at.tzinfo is VN_TZ else accepted_at.astimezone(VN_TZ)
    start = rule.validity.start
    if start is None or local.date() >= start:
        return rule
    return rule.on(local.date())


#: The fast path of each unit but whole working days.
_FAST = {
    DurationUnit.CALENDAR_DAY: _fast_calendar_days,
    DurationUnit.SAME_DAY: _fast_same_day,
    DurationUnit.WORKING_HOUR: _fast_working_time,
    DurationUnit.WORKING_MINUTE: _fast_working_time,
    DurationUnit.WORKING_DAY: _fast_one,  # a fraction of a working day
    DurationUnit.MONTH: _fast_one,
    DurationUnit.CLOCK_HOUR: _fast_one,
    DurationUnit.CLOCK_MINUTE: _fast_one,
    DurationUnit.IMMEDIATE: _fast_one,
}


#: Where the fast paths write a new Deadline's fields before it becomes one (`tthc._slots`).
_DEADLINE_SLOTS = slots_builder(Deadline)
# the two fields set on a Deadline this package built and no one has seen yet (the explanation
# of a limit read from a text, the history of a restart), through their slot descriptors
_set_parts = Deadline.__dict__["parts"].__set__
_set_history = Deadline.__dict__["history"].__set__
_new_object = object.__new__


def _new_deadline(  # noqa: PLR0917 - positional on purpose, in Deadline's field order
    accepted_at: _dt.datetime,
    start: _dt.datetime,
    duration: Duration,
    due_date: _dt.date,
    due_at: _dt.datetime,
    provisional: bool,
    rule: CountingRule,
    office_hours: OfficeHours,
    calendar: WorkCalendar,
    skipped_after: _dt.date | None,
    history: tuple[DeadlineChange, ...],
    start_after_cutoff: _dt.time | None,
    notes: tuple[str, ...],
    then: tuple[Duration, ...],
    parts: tuple[str, ...],
) -> Deadline:
    """``Deadline(...)`` for values the engine computed, every field given, in field order.

    ``Deadline`` has no validators or converters, so its generated ``__init__`` only sets each
    slot through ``object.__setattr__``; this writes them to a `tthc._slots` builder and then
    makes it a ``Deadline`` (a third of the cost). ``test_engine_fast.py`` checks that both
    build equal objects.
    """
    deadline = _new_object(_DEADLINE_SLOTS)
    deadline.accepted_at = accepted_at
    deadline.start = start
    deadline.duration = duration
    deadline.due_date = due_date
    deadline.due_at = due_at
    deadline.provisional = provisional
    deadline.rule = rule
    deadline.office_hours = office_hours
    deadline.calendar = calendar
    deadline.skipped_after = skipped_after
    deadline.history = history
    deadline.start_after_cutoff = start_after_cutoff
    deadline.notes = notes
    deadline.then = then
    deadline.parts = parts
    deadline.__class__ = Deadline
    return cast(Deadline, deadline)
