"""Timeliness (đúng hạn, quá hạn) by date, and indicator 2.1 of Decision 766/QĐ-TTg."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import attrs

from tthc._enums import LabelledEnum
from tthc._time import VN_TZ
from tthc._validate import require_date, to_vietnam_time
from tthc.calendar import WorkCalendar
from tthc.deadlines._durations import Duration
from tthc.deadlines._engine import Deadline, compute_deadline
from tthc.deadlines._rules import CountingRule, counting_rule
from tthc.errors import InputTypeError, InvalidEvent

__all__ = [
    "Metric766Result",
    "SupplementRequest",
    "Timeliness",
    "classify",
    "metric_766_on_time",
]


class Timeliness(LabelledEnum):
    """Timeliness of a dossier as the national reports count it (by date).

    ``name_vi`` is the Vietnamese name used in reports (``"Đúng hạn"``).
    """

    EARLY = "early", "Trước hạn", "Early"
    ON_TIME = "on_time", "Đúng hạn", "On time"
    LATE = "late", "Quá hạn", "Late"
    IN_TIME = "in_time", "Trong hạn", "In time"
    OVERDUE = "overdue", "Quá hạn", "Overdue"

    @property
    def is_on_time(self) -> bool:
        """True for EARLY, ON_TIME and IN_TIME."""
        return self in (Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.IN_TIME)

    @property
    def finished(self) -> bool:
        """True for the classes of finished dossiers (EARLY, ON_TIME, LATE)."""
        return self in (Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE)


def _as_date(value: object, name: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return to_vietnam_time(value, name).date()
    return require_date(value, name)


def _due_date(due: object) -> _dt.date:
    if isinstance(due, Deadline):
        return due.due_date
    return _as_date(due, "due")


def classify(
    due: Deadline | _dt.date,
    finished_at: _dt.datetime | _dt.date | None = None,
    *,
    as_of: _dt.datetime | _dt.date | None = None,
) -> Timeliness:
    """Classify a dossier against its due date, comparing dates as the national reports do.

    * finished (``finished_at`` given, and not after ``as_of`` when both are given):
      ``EARLY`` if finished before the due date, ``ON_TIME`` on it, ``LATE`` after it;
    * open (``finished_at`` is None, or after ``as_of``): ``IN_TIME`` while ``as_of`` is on or
      before the due date, ``OVERDUE`` after it.

    Datetimes must be aware (they are converted to Vietnam time before taking the date).

    Raises:
        InputTypeError: wrong types, or neither ``finished_at`` nor ``as_of`` given.
        NaiveDatetimeError: a naive ``datetime``.
    """
    due_date = _due_date(due)
    finished = None if finished_at is None else _as_date(finished_at, "finished_at")
    report = None if as_of is None else _as_date(as_of, "as_of")
    if finished is not None and (report is None or finished <= report):
        if finished < due_date:
            return Timeliness.EARLY
        return Timeliness.ON_TIME if finished == due_date else Timeliness.LATE
    if report is None:
        raise InputTypeError(
            "Phân loại (classification): an open dossier needs as_of (the report date)",
            hint="pass finished_at for a finished dossier, or as_of for an open one",
            argument="as_of",
        )
    return Timeliness.IN_TIME if report <= due_date else Timeliness.OVERDUE


@attrs.frozen(slots=True)
class SupplementRequest:
    """A request to supplement the dossier during processing (status 5 on the national portal).

    Attributes:
        requested_at: When the request was sent (aware).
        completed_at: When the complete supplement was received, or ``None`` if still waiting.
    """

    requested_at: _dt.datetime
    completed_at: _dt.datetime | None = None


@attrs.frozen(slots=True)
class Metric766Result:
    """Outcome of indicator 2.1 of Decision 766/QĐ-TTg for one dossier.

    Attributes:
        on_time: Whether the dossier counts as processed on time / within time.
        end_used: The end-of-processing instant used, after subtracting citizen time.
        supplement_time: Citizen time subtracted (completed − requested, summed).
        reason: Short English reason (``"on or before the due date"``, ``"more than one
            supplement request"`` ...).
        rule: The rule with its legal basis.
    """

    on_time: bool
    end_used: _dt.datetime
    supplement_time: _dt.timedelta
    reason: str
    rule: CountingRule


def _end_766(
    accepted: _dt.datetime,
    ended_at: _dt.datetime | None,
    requests: list[SupplementRequest],
    period: _dt.date,
) -> _dt.datetime:
    """The end of processing as the 766 formula takes it (before citizen time is subtracted)."""
    waiting = [r for r in requests if r.completed_at is None]
    if ended_at is None:
        if waiting:
            return to_vietnam_time(waiting[0].requested_at, "requested_at")
        return _dt.datetime.combine(period, _dt.time.max, tzinfo=VN_TZ)
    end = to_vietnam_time(ended_at, "ended_at")
    if end < accepted:
        raise InputTypeError(
            f"Chỉ số 766 (indicator 766): the end of processing {end.isoformat()} is before "
            f"the acceptance {accepted.isoformat()}",
            hint="check ended_at: a dossier cannot end before it was accepted",
            argument="ended_at",
        )
    return end


def metric_766_on_time(
    *,
    accepted_at: _dt.datetime,
    due: Deadline | _dt.date | None,
    ended_at: _dt.datetime | None,
    period_end: _dt.date,
    supplements: Sequence[SupplementRequest] = (),
    limit: Duration | None = None,
    calendar: WorkCalendar | None = None,
) -> Metric766Result:
    """Indicator 2.1 of Decision 766/QĐ-TTg: was the dossier processed on time?

    As described by the national portal ("Mô tả công thức tính chỉ số 766"):

    * more than one supplement request ⇒ late;
    * end = ``ended_at`` (the terminal status: result ready, delivered, refused, stopped,
      withdrawn); while waiting for the citizen's supplement, the time of the request; with no
      terminal status, the last day of the reporting period (end of that day);
    * citizen time (completed − requested of each supplement) is subtracted from the end;
    * on time iff the adjusted end's date ≤ the due date (NgayKetThucXuLy ≤ NgayHenTra, compared
      by date as the reports do). Without a synced due date, the due date is computed from
      ``accepted_at`` with ``limit``.

    Raises:
        InputTypeError: wrong types, or neither ``due`` nor ``limit``.
        NaiveDatetimeError: a naive ``datetime``.
        InvalidEvent: a supplement completed before it was requested.
    """
    accepted = to_vietnam_time(accepted_at, "accepted_at")
    period = require_date(period_end, "period_end")
    rule = counting_rule("indicator_766_2_1")
    requests = list(supplements)
    for request in requests:
        if not isinstance(request, SupplementRequest):
            raise InputTypeError(
                "Yêu cầu bổ sung (supplement request): expected SupplementRequest items, got "
                f"{type(request).__name__}",
                argument="supplements",
            )
    if due is None:
        if limit is None:
            raise InputTypeError(
                "Chỉ số 766 (indicator 766): pass the synced due date or the maximum limit",
                argument="due",
            )
        due_date = compute_deadline(accepted, limit, calendar=calendar).due_date
    else:
        due_date = _due_date(due)
    end = _end_766(accepted, ended_at, requests, period)
    citizen = _dt.timedelta()
    for request in requests:
        asked = to_vietnam_time(request.requested_at, "requested_at")
        if request.completed_at is None:
            continue
        done = to_vietnam_time(request.completed_at, "completed_at")
        if done < asked:
            raise InvalidEvent(
                f"Yêu cầu bổ sung (supplement): completed {done.isoformat()} before it was "
                f"requested {asked.isoformat()}",
                argument="supplements",
            )
        citizen += done - asked
    adjusted = end - citizen
    if len(requests) > 1:
        return Metric766Result(False, adjusted, citizen, "more than one supplement request", rule)
    on_time = adjusted.date() <= due_date
    reason = "on or before the due date" if on_time else "after the due date"
    return Metric766Result(on_time, adjusted, citizen, reason, rule)
