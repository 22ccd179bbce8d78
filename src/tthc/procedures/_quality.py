"""Private: what the catalogue can answer, and its data-quality findings (``tthc catalogue lint``).

* [`deadline_outcome`][tthc.procedures.deadline_outcome] — for one procedure and channel, what ``tthc deadline --procedure``
  does: gives a due date, asks for a case, or refuses with a reason. It picks the text as the
  command does (the channel's readable rule, else the procedure-wide one) and runs
  [`compute_deadline`][tthc.deadlines.compute_deadline] on a fixed instant.
* [`lint_catalog`][tthc.procedures.lint_catalog] — every structured/description disagreement and every refusal of the
  catalogue, with the publishing body and the field, for the bodies that publish the records.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

import attrs

from tthc._enums import LabelledEnum
from tthc.deadlines import compute_deadline, parse_processing_time
from tthc.errors import CaseRequired, ProcessingTimeParseError, TthcError
from tthc.procedures._model import Procedure, ProcessingRule

__all__ = ["Finding", "FindingKind", "Outcome", "deadline_outcome", "lint_catalog"]

#: The instant the outcomes are computed for (any working-day morning would do).
_PROBE = _dt.datetime(2026, 4, 29, 10, 0, tzinfo=_dt.timezone(_dt.timedelta(hours=7)))
_EXCERPT = 160


class Outcome(LabelledEnum):
    """What ``tthc deadline --procedure CODE`` does for a procedure."""

    DUE_DATE = "due_date", "Tính được ngày hẹn trả", "Gives a due date"
    """A due date is computed."""
    ASKS_FOR_CASE = "asks_for_case", "Cần chọn trường hợp", "Asks for a case"
    """The time depends on a case or channel the caller must name."""
    REFUSED = "refused", "Từ chối, nêu lý do", "Refuses with the reason"
    """No readable time: the reason is given."""


class FindingKind(LabelledEnum):
    """Kind of a data-quality finding."""

    DISAGREEMENT = "disagreement", "Cột thời gian khác mô tả", "Structured time ≠ description"
    """The structured column and the description read to different limits."""
    REFUSAL = "refusal", "Không đọc được thời hạn", "Processing time refused"
    """The reader refused the text the time is read from."""


@attrs.frozen(slots=True)
class Finding:
    """One finding of [`lint_catalog`][tthc.procedures.lint_catalog] (one channel of one procedure)."""

    kind: FindingKind
    code: str
    name_vi: str
    publisher: str
    field: str
    channel: str
    reason: str
    structured: str
    text: str

    def as_row(self) -> dict[str, str]:
        """The finding as a flat row (CSV / JSON)."""
        return {
            "kind": self.kind.value,
            "code": self.code,
            "name_vi": self.name_vi,
            "publisher": self.publisher,
            "field": self.field,
            "channel": self.channel,
            "reason": self.reason,
            "structured": self.structured,
            "text": self.text,
        }


def deadline_outcome(procedure: Procedure, channel: str | None = None) -> tuple[Outcome, str]:
    """Return what ``tthc deadline --procedure`` does, and the reason or the text used.

    ``channel`` defaults to [`Procedure.default_channel`][tthc.procedures.Procedure.default_channel],
    as in the command.
    """
    try:
        rule = procedure.timed_rule(channel or procedure.default_channel())
    except CaseRequired as error:
        return Outcome.ASKS_FOR_CASE, error.code
    except ProcessingTimeParseError as error:
        reasons = error.context.get("reasons") or [error.context.get("reason") or error.code]
        return Outcome.REFUSED, ", ".join(sorted(reasons))
    try:
        compute_deadline(_PROBE, parse_processing_time(rule.text))
    except TthcError as error:
        if error.code == "deadline.case_required":
            return Outcome.ASKS_FOR_CASE, error.code
        return Outcome.REFUSED, str(error.context.get("reason") or error.code)
    return Outcome.DUE_DATE, rule.text[:_EXCERPT]


def _findings(procedure: Procedure, rule: ProcessingRule) -> Iterable[Finding]:
    base = {
        "code": procedure.code,
        "name_vi": procedure.name_vi,
        "publisher": procedure.publisher or "(curated)",
        "field": procedure.field,
        "channel": rule.channel or "",
        "structured": rule.structured or "",
        "text": rule.text[:_EXCERPT],
    }
    if rule.disagreement:
        yield Finding(kind=FindingKind.DISAGREEMENT, reason=rule.disagreement, **base)
    if not rule.parsed:
        reason = rule.parse_error_reason or "unreadable"
        source = rule.read_from.value if rule.read_from is not None else "text"
        yield Finding(kind=FindingKind.REFUSAL, reason=f"{reason} ({source})", **base)


def lint_catalog(procedures: Iterable[Procedure]) -> tuple[Finding, ...]:
    """Return every disagreement and refusal of the procedures' channels, in order."""
    return tuple(
        finding
        for procedure in procedures
        for rule in procedure.processing_rules
        for finding in _findings(procedure, rule)
    )
