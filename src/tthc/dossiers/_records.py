"""What a replay of the events derives: due-date revisions, breaches, pauses and hand-offs."""

from __future__ import annotations

import datetime as _dt

import attrs

from tthc._enums import LabelledEnum
from tthc._validate import require_aware
from tthc.deadlines import Deadline, Duration
from tthc.legal import LegalRef

__all__: list[str] = []  # private module: the names are exported by tthc.dossiers


class DeadlineRevisionKind(LabelledEnum):
    """Why the due date was set or changed."""

    SET = "set", "Hẹn ngày trả kết quả khi tiếp nhận", "Set at acceptance"
    RESTARTED = "restarted", "Tính lại từ đầu sau khi bổ sung", "Restarted after a supplement"
    VERIFICATION = (
        "verification",
        "Áp dụng thời hạn khi cần xác minh",
        "Longer limit for verification",
    )
    EXTENDED = "extended", "Hẹn lại ngày trả kết quả", "Extended with an apology"
    PAYMENT_EXCLUDED = (
        "payment_excluded",
        "Không tính thời gian thực hiện nghĩa vụ tài chính",
        "Time waiting for payment excluded",
    )


class PauseReason(LabelledEnum):
    """What the dossier waits for while the applicant has to act."""

    INTAKE_COMPLETION = (
        "intake_completion",
        "Hoàn thiện hồ sơ khi tiếp nhận",
        "Completion at intake",
    )
    SUPPLEMENT = "supplement", "Bổ sung, hoàn thiện hồ sơ", "Supplement"
    PAYMENT = "payment", "Thực hiện nghĩa vụ tài chính", "Payment of financial obligations"


@attrs.frozen(slots=True)
class DeadlineRevision:
    """One entry of a dossier's deadline history (the due date set, or revised by an event).

    Not to be confused with [`tthc.deadlines.DeadlineChange`][tthc.deadlines.DeadlineChange], the change record kept in
    [`tthc.deadlines.Deadline.history`][tthc.deadlines.Deadline.history]: a revision ties a due date to the dossier event that
    caused it (and covers the first one, ``SET``); the arithmetic and its legal rules are those
    of [`tthc.deadlines`][tthc.deadlines] (``restart_after_supplement``, ``switch_to_alternative``,
    ``extend``, ``pause_for_financial_obligation``).

    Attributes:
        event_index: Index of the event that set the due date.
        at: When it changed.
        kind: Why.
        due_date: The legal due date (ngày hẹn trả) from then on.
        due_at: The due instant (end of office hours on ``due_date`` for day limits).
        previous_due_date: The due date it replaced (``NgayHenTraTruoc``), if any.
        reason: Explanation in words.
        legal_ref: Legal basis of the change.
        deadline: The [`Deadline`][tthc.deadlines.Deadline] in force from then on (with the days
            skipped and its own change history); not part of equality.
    """

    event_index: int
    at: _dt.datetime
    kind: DeadlineRevisionKind
    due_date: _dt.date
    due_at: _dt.datetime
    previous_due_date: _dt.date | None
    reason: str
    legal_ref: LegalRef
    deadline: Deadline | None = attrs.field(default=None, eq=False)


@attrs.frozen(slots=True)
class Breach:
    """An act the law forbids but that happened, recorded rather than refused.

    Attributes:
        code: Stable code (``"supplement_request_late"``).
        event_index: Index of the event that breached the rule.
        at: When.
        message: What is wrong, Vietnamese then English, with the dates involved.
        legal_ref: The rule breached.
    """

    code: str
    event_index: int
    at: _dt.datetime
    message: str
    legal_ref: LegalRef


@attrs.frozen(slots=True)
class Pause:
    """A period in which the dossier waits for the applicant.

    Attributes:
        reason: What the applicant has to do.
        start: When the request was made.
        end: When it ended (supplement received, paid, dossier closed), or ``None`` if open.
        stops_clock: Whether the processing time is suspended meanwhile (a supplement restarts
            it; payment only where sector law excludes it).
    """

    reason: PauseReason
    start: _dt.datetime
    end: _dt.datetime | None
    stops_clock: bool

    def duration(self, as_of: _dt.datetime | None = None) -> _dt.timedelta | None:
        """Length of the pause; an open pause needs ``as_of`` (else ``None``)."""
        end = self.end
        if end is None:
            if as_of is None:
                return None
            end = max(require_aware(as_of, "as_of"), self.start)
        return end - self.start


@attrs.frozen(slots=True)
class Handoff:
    """A hand-off of the dossier to another unit (Điều 18, 20).

    Attributes:
        event_index: Index of the forwarding event.
        at: When.
        from_unit: Sending unit.
        to_unit: Receiving unit.
        time_allowed: The receiving agency's own time, when the plan gives one.
        step_due: Its due date for that step, computed like any limit from ``at``.
    """

    event_index: int
    at: _dt.datetime
    from_unit: str
    to_unit: str
    time_allowed: Duration | None
    step_due: Deadline | None = attrs.field(eq=False)
