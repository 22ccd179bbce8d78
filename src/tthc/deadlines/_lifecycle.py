"""The clock over a dossier's life: restart, alternative, extension, payment pause, closing."""

from __future__ import annotations

import datetime as _dt

import attrs

from tthc._time import VN_TZ, format_date
from tthc._validate import require_date, to_vietnam_time
from tthc.calendar import WorkCalendar
from tthc.calendar._defaults import resolve_calendar
from tthc.deadlines._durations import Alternative, Duration, DurationUnit
from tthc.deadlines._engine import (
    ChangeKind,
    Deadline,
    DeadlineChange,
    _compute,
    _roll_forward,
    _set_history,
    _set_parts,
    _shift_date,
    compute_deadline,
)
from tthc.deadlines._rules import _rule
from tthc.deadlines._working_time import _add_working_time, _working_time
from tthc.errors import DurationError, ExtensionNotAllowed, InputTypeError, InvalidEvent
from tthc.legal import LegalRef

__all__ = [
    "extend",
    "latest_extension_request",
    "pause_for_financial_obligation",
    "restart_after_supplement",
    "supplement_closing_date",
    "switch_to_alternative",
]


def _calendar_of(deadline: Deadline, calendar: WorkCalendar | None) -> WorkCalendar:
    return deadline.calendar if calendar is None else resolve_calendar(calendar)


def _change(
    old: Deadline, new_due: _dt.date, kind: ChangeKind, *, at: _dt.datetime, rule: str, reason: str
) -> DeadlineChange:
    return DeadlineChange(
        kind=kind,
        at=at,
        previous_accepted_at=old.accepted_at,
        previous_due_date=old.due_date,
        previous_due_at=old.due_at,
        new_due_date=new_due,
        rule=_rule(rule).on(old.accepted_at.astimezone(VN_TZ).date()),
        reason=reason,
    )


def _moved(
    deadline: Deadline,
    new_due: _dt.date,
    new_at: _dt.datetime,
    cal: WorkCalendar,
    change: DeadlineChange,
) -> Deadline:
    """The same clock with a later due date (extension, pause), the change kept in history."""
    return attrs.evolve(
        deadline,
        due_date=new_due,
        due_at=new_at,
        skipped_after=deadline.start.date(),
        calendar=cal,
        provisional=deadline.provisional or cal.is_provisional(new_due),
        history=(*deadline.history, change),
    )


def _require_deadline(value: object) -> Deadline:
    if not isinstance(value, Deadline):
        raise InputTypeError(
            f"Thời hạn (deadline): expected a Deadline, got {type(value).__name__}",
            argument="deadline",
            got=type(value).__name__,
        )
    return value


def _not_before(moment: _dt.datetime, deadline: Deadline, name: str) -> None:
    if moment < deadline.accepted_at:
        raise InvalidEvent(
            f"Thời điểm (instant): {name}={moment.isoformat()} is before the clock started "
            f"({deadline.accepted_at.isoformat()})",
            argument=name,
        )


def restart_after_supplement(
    deadline: Deadline,
    supplement_received_at: _dt.datetime,
    *,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """Restart the limit from zero when the complete supplement is received.

    Decree 118/2025 Art. 19.5: "Thời hạn giải quyết được tính lại từ đầu sau khi nhận đủ hồ
    sơ." The full limit is counted again from ``supplement_received_at``; the previous due date
    is kept in [`Deadline.history`][tthc.deadlines.Deadline.history] (NgayHenTraTruoc / NgayHenTraMoi).

    Raises:
        NaiveDatetimeError: ``supplement_received_at`` has no time zone.
        InvalidEvent: it is before the current clock start.
    """
    deadline = _require_deadline(deadline)
    received = to_vietnam_time(supplement_received_at, "supplement_received_at")
    _not_before(received, deadline, "supplement_received_at")
    return restarted(deadline, received, _calendar_of(deadline, calendar))


def restarted(deadline: Deadline, received: _dt.datetime, cal: WorkCalendar) -> Deadline:
    """[`restart_after_supplement`][tthc.deadlines.restart_after_supplement] of checked arguments.

    ``received`` is in Vietnam time (``VN_TZ``) and not before ``deadline.accepted_at``
    (a dossier's replay knows both from its log, and calls this directly).
    """
    if deadline.start_after_cutoff is None and not deadline.then:
        # one limit, no cut-off rule: compute_deadline's fast path gives _compute's answer
        # (the explanation of a limit read from a text set on the new Deadline, unseen yet)
        new = compute_deadline(
            received, deadline.duration, calendar=cal, office_hours=deadline.office_hours
        )
        if deadline.parts:
            _set_parts(new, deadline.parts)
    else:
        new = _compute(
            received,
            deadline.duration,
            cal,
            deadline.office_hours,
            deadline.start_after_cutoff,
            then=deadline.then,
            parts=deadline.parts,
        )
    change = _change(
        deadline,
        new.due_date,
        ChangeKind.RESTART,
        at=received,
        rule="restart_after_supplement",
        reason="",
    )
    # ``new`` was built by this call and is seen by no one else yet: its history is set in
    # place rather than copied by attrs.evolve (a replay restarts at every complete supplement)
    _set_history(new, (*deadline.history, change))
    return new


def switch_to_alternative(
    deadline: Deadline,
    alternative: Alternative | Duration,
    *,
    recorded_at: _dt.datetime,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """Apply a conditional limit (e.g. verification needed) counted from the same start.

    For "trường hợp cần xác minh thì không quá 05 ngày làm việc": the longer limit replaces the
    base one and is counted from the same acceptance instant (Decree 118/2025 Art. 19.4, as tthc reads it); an
    [`Alternative`][tthc.deadlines.Alternative] marked ``additional`` ("kéo dài thêm") is added to the current limit.
    Verification itself does not stop the clock (Decree 118/2025 Art. 19.4). When the current
    due date is already later than the alternative's (an extension or a pause moved it), that
    date stands; the longer limit is still recorded, so a later restart counts it.

    Raises:
        NaiveDatetimeError: ``recorded_at`` has no time zone.
        InvalidEvent: ``recorded_at`` is before the clock started.
        DurationError: the new limit ends before the current limit does, or units clash.
    """
    deadline = _require_deadline(deadline)
    at = to_vietnam_time(recorded_at, "recorded_at")
    _not_before(at, deadline, "recorded_at")
    if deadline.then and isinstance(alternative, Alternative) and alternative.additional:
        raise DurationError(
            "Thời hạn kéo dài (extension): the limit is a sequence of steps in different units; "
            "tthc does not guess which step the extension adds to",
            hint="pass the whole new limit as a Duration",
            argument="alternative",
        )
    if isinstance(alternative, Alternative):
        duration, reason = alternative.total(deadline.duration), alternative.condition
    elif isinstance(alternative, Duration):
        duration, reason = alternative, ""
    else:
        raise InputTypeError(
            "Thời hạn theo điều kiện (conditional limit): expected an Alternative or a Duration, "
            f"got {type(alternative).__name__}",
            argument="alternative",
        )
    cal = _calendar_of(deadline, calendar)
    new = _compute(
        deadline.accepted_at, duration, cal, deadline.office_hours, deadline.start_after_cutoff
    )
    if new.due_at < deadline.due_at:
        # Compare limits, not dates: the current due date may be later because of an extension
        # or a pause, and then it stands while the longer limit takes over (for a restart).
        own = _compute(
            deadline.accepted_at,
            deadline.duration,
            cal,
            deadline.office_hours,
            deadline.start_after_cutoff,
            then=deadline.then,
        )
        if new.due_at < own.due_at:
            raise DurationError(
                f"Thời hạn theo điều kiện (conditional limit) {duration} ends "
                f"{new.due_at.isoformat()}, before the current limit's due {own.due_at.isoformat()}",
                hint="a conditional limit replaces the base one only when it is longer",
                argument="alternative",
                alternative=str(duration),
                current=str(deadline.duration),
            )
        new = attrs.evolve(
            new,
            due_date=deadline.due_date,
            due_at=deadline.due_at,
            provisional=deadline.provisional,
            skipped_after=deadline.skipped_after,
        )
    change = _change(
        deadline, new.due_date, ChangeKind.ALTERNATIVE, at=at, rule="alternative", reason=reason
    )
    return attrs.evolve(new, history=(*deadline.history, change))


def latest_extension_request(
    due: Deadline | _dt.date, *, calendar: WorkCalendar | None = None
) -> _dt.date:
    """Return the last day an extension may be notified for a dossier due on ``due``.

    Decree 118/2025 Art. 19.6: the authority notifies the new date "chậm nhất 01 ngày trước
    ngày hết hạn". tthc reads it as: at the latest the working day before the due date (a
    Monday due date after a weekend must be notified by the Friday).

    Args:
        due: The deadline (its due date is used) or the due date.
        calendar: The working calendar; default the deadline's own, else the national one.

    Raises:
        InputTypeError: ``due`` is neither a Deadline nor a date.
        CalendarRangeError: the date is outside the calendar.

    Example:
        >>> import datetime as dt
        >>> latest_extension_request(dt.date(2026, 5, 4))  # Mon after 30/4, 1/5 and a weekend
        datetime.date(2026, 4, 29)
    """
    if isinstance(due, Deadline):
        return _calendar_of(due, calendar).previous_working_day(due.due_date)
    return resolve_calendar(calendar).previous_working_day(require_date(due, "due"))


def _extension_target(
    deadline: Deadline, new_duration_or_due: object, cal: WorkCalendar
) -> tuple[_dt.date, _dt.datetime]:
    """The new (due date, due instant) of an extension: extra time, or a later working day."""
    hours = deadline.office_hours
    if isinstance(new_duration_or_due, Duration):
        if not new_duration_or_due.unit.is_quantity:
            raise DurationError(
                f"Gia hạn (extension): {new_duration_or_due} is not an amount of extra time",
                unit=new_duration_or_due.unit.value,
            )
        extra = _compute(deadline.due_at, new_duration_or_due, cal, hours, None)
        new_due, new_at = extra.due_date, max(extra.due_at, deadline.due_at)
    elif isinstance(new_duration_or_due, _dt.date) and not isinstance(
        new_duration_or_due, _dt.datetime
    ):
        new_due = new_duration_or_due
        if new_due <= deadline.due_date:
            raise ExtensionNotAllowed(
                f"Gia hạn (extension): the new due date {format_date(new_due)} is not after the "
                f"current one {format_date(deadline.due_date)}",
                reason="not_later",
                due_date=deadline.due_date,
            )
        if not cal.is_working_day(new_due):
            raise ExtensionNotAllowed(
                f"Gia hạn (extension): the new due date {format_date(new_due)} is not a working day",
                reason="not_a_working_day",
                new_due_date=new_due,
            )
        new_at = _dt.datetime.combine(new_due, hours.closes, tzinfo=VN_TZ)
    else:
        raise InputTypeError(
            "Gia hạn (extension): new_duration_or_due must be a Duration or a datetime.date, got "
            f"{type(new_duration_or_due).__name__}",
            argument="new_duration_or_due",
        )
    return new_due, new_at


def extend(
    deadline: Deadline,
    *,
    requested_on: _dt.date,
    new_duration_or_due: Duration | _dt.date,
    calendar: WorkCalendar | None = None,
    allow_late: bool = False,
) -> Deadline:
    """Extend the due date once (gia hạn, hẹn lại ngày trả kết quả).

    Decree 118/2025 Art. 19.6: the authority must notify "chậm nhất 01 ngày trước ngày hết
    hạn" and the return date may be re-set "không quá một lần". tthc reads the first condition
    as: ``requested_on`` is at the latest the working day before the due date
    ([`latest_extension_request`][tthc.deadlines.latest_extension_request]).

    Args:
        deadline: The current deadline.
        requested_on: Date of the written request (Phiếu đề nghị gia hạn).
        new_duration_or_due: Extra time counted from the current due date, or the new due date
            (a working day after the current one).
        calendar: The working calendar; default the one the deadline was computed with.
        allow_late: Apply a request made later than Art. 19.6 allows instead of refusing it
            (a dossier log records what happened; the change's ``reason`` says it was late).

    Raises:
        ExtensionNotAllowed: already extended (``context['reason'] == 'already_extended'``),
            asked too late (``'too_late'``, unless ``allow_late``), a new date not after the
            current one (``'not_later'``) or not a working day (``'not_a_working_day'``).
        InputTypeError: wrong argument types.
    """
    deadline = _require_deadline(deadline)
    asked = require_date(requested_on, "requested_on")
    cal = _calendar_of(deadline, calendar)
    accepted_on = deadline.first_accepted_at.astimezone(VN_TZ).date()
    if asked < accepted_on:
        raise ExtensionNotAllowed(
            f"Gia hạn (extension) not allowed: requested on {format_date(asked)}, before the "
            f"dossier was accepted on {format_date(accepted_on)}",
            hint="check the date of the request (Phiếu đề nghị gia hạn)",
            reason="before_acceptance",
            requested_on=asked,
        )
    if deadline.extended:
        raise ExtensionNotAllowed(
            "Gia hạn (extension) not allowed: the return date was already re-set once "
            "(Decree 118/2025 Art. 19.6: không quá một lần)",
            reason="already_extended",
            due_date=deadline.due_date,
        )
    latest = cal.previous_working_day(deadline.due_date)
    late = asked > latest
    if late and not allow_late:
        raise ExtensionNotAllowed(
            f"Gia hạn (extension) not allowed: requested on {format_date(asked)}, later than "
            f"{format_date(latest)}, one working day before the due date "
            f"{format_date(deadline.due_date)} "
            "(Decree 118/2025 Art. 19.6: chậm nhất 01 ngày trước ngày hết hạn)",
            reason="too_late",
            latest=latest,
            due_date=deadline.due_date,
        )
    new_due, new_at = _extension_target(deadline, new_duration_or_due, cal)
    at = _dt.datetime.combine(asked, _dt.time(0), tzinfo=VN_TZ)
    reason = (
        f"thông báo muộn (late notice): {format_date(asked)}, latest {format_date(latest)}"
        if late
        else ""
    )
    change = _change(
        deadline, new_due, ChangeKind.EXTENSION, at=at, rule="extension", reason=reason
    )
    return _moved(deadline, new_due, new_at, cal, change)


def pause_for_financial_obligation(
    deadline: Deadline,
    *,
    requested_at: _dt.datetime,
    completed_at: _dt.datetime,
    excluded_from_limit: bool,
    legal_ref: LegalRef | None = None,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """Exclude the time spent paying taxes or fees, only where the procedure's rule says so.

    Decree 118/2025 (Art. 24) does not stop the clock while the citizen performs financial
    obligations; some sector laws do. With ``excluded_from_limit=False`` (the default rule) the
    deadline is returned unchanged. Otherwise the due date moves by the paused time, measured in
    the limit's own terms: working days between the two dates for working-day limits, calendar
    days for day and month limits, working time inside office windows for hour limits, elapsed
    time for clock limits.

    Args:
        deadline: The current deadline.
        requested_at: When the citizen was asked to pay (status 6 on the national portal).
        completed_at: When payment was confirmed.
        excluded_from_limit: The procedure rule's flag (with its legal basis in ``legal_ref``).
        legal_ref: The provision that excludes the time, recorded in the history.
        calendar: The working calendar; default the one the deadline was computed with.

    Raises:
        NaiveDatetimeError: an instant has no time zone.
        InvalidEvent: ``completed_at`` before ``requested_at``, or before the clock started.
    """
    deadline = _require_deadline(deadline)
    asked = to_vietnam_time(requested_at, "requested_at")
    paid = to_vietnam_time(completed_at, "completed_at")
    _not_before(asked, deadline, "requested_at")
    if paid < asked:
        raise InvalidEvent(
            f"Nghĩa vụ tài chính (financial obligation): completed_at={paid.isoformat()} is "
            f"before requested_at={asked.isoformat()}",
            argument="completed_at",
        )
    if not excluded_from_limit:
        return deadline
    cal = _calendar_of(deadline, calendar)
    hours = deadline.office_hours
    unit = deadline.duration.unit
    if unit in (DurationUnit.CALENDAR_DAY, DurationUnit.MONTH):
        days = (paid.date() - asked.date()).days
        new_due = _roll_forward(_shift_date(deadline.due_date, days), cal)[0]
        new_at = _dt.datetime.combine(new_due, hours.closes, tzinfo=VN_TZ)
    elif unit in (DurationUnit.CLOCK_HOUR, DurationUnit.CLOCK_MINUTE):
        new_at = deadline.due_at + (paid - asked)
        new_due = new_at.date()
    elif unit in (DurationUnit.WORKING_HOUR, DurationUnit.WORKING_MINUTE) or not (
        deadline.duration.is_whole
    ):
        paused = _working_time(asked, paid, cal, hours)
        new_at = (
            _add_working_time(deadline.due_at, paused, cal, hours)[1]
            if paused > _dt.timedelta()
            else deadline.due_at
        )
        new_due = new_at.date()
    else:
        days = cal.working_days_between(asked.date(), paid.date())
        new_due = cal.add_working_days(deadline.due_date, days) if days > 0 else deadline.due_date
        new_at = max(_dt.datetime.combine(new_due, hours.closes, tzinfo=VN_TZ), deadline.due_at)
    reason = f"{asked:%d/%m/%Y %H:%M} – {paid:%d/%m/%Y %H:%M}"
    if legal_ref is not None:
        reason += f" ({legal_ref.cite()})"
    change = _change(
        deadline, new_due, ChangeKind.PAUSE, at=paid, rule="financial_pause", reason=reason
    )
    return _moved(deadline, new_due, new_at, cal, change)


def supplement_closing_date(
    notified_at: _dt.datetime | _dt.date,
    *,
    days: int = 15,
    calendar: WorkCalendar | None = None,
) -> _dt.date:
    """Return the last day the citizen has to complete a supplement requested during processing.

    Decree 118/2025 Art. 19.5: "Sau 15 ngày kể từ khi thông báo ... nếu tổ chức, cá nhân không
    hoàn thành việc hoàn thiện hồ sơ ... Bộ phận Một cửa thực hiện đóng hồ sơ". Counted in
    calendar days under the Civil Code (Art. 147.2: the day of the notice is not counted; Art.
    148.5: a last day that is a day off moves to the next working day). The one-stop may close
    the dossier from the day after the returned date.

    Args:
        notified_at: When the supplement notice was sent (aware ``datetime``, or a ``date``).
        days: The period; 15 unless a sector law sets another.
        calendar: The working calendar; default the national one.

    Raises:
        NaiveDatetimeError: a naive ``datetime``.
        DurationError: ``days`` is not a positive whole number.
    """
    if isinstance(notified_at, _dt.datetime):
        day = to_vietnam_time(notified_at, "notified_at").date()
    else:
        day = require_date(notified_at, "notified_at")
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise DurationError(
            f"Thời hạn bổ sung (supplement period): days must be a positive integer, got {days!r}",
            argument="days",
        )
    return _roll_forward(_shift_date(day, days), resolve_calendar(calendar))[0]
