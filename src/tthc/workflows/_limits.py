"""The check of the critical path against the legal processing time (thời hạn giải quyết)."""

from __future__ import annotations

from typing import Any

from tthc.calendar import OfficeHours
from tthc.deadlines import Duration, ProcessingTime
from tthc.errors import InputTypeError
from tthc.workflows._budgets import describe_span, format_budget, working_time
from tthc.workflows._findings import Finding, Severity, finding
from tthc.workflows._graph import critical_path
from tthc.workflows._model import Workflow

__all__: list[str] = []  # private module

_COUNTER = "Trực tiếp"


def _has_base(rules: Any) -> bool:
    return any(r.time is not None and r.time.base is not None for r in rules)


def procedure_limit(procedure: Any, channel: str | None) -> tuple[Duration | None, str]:
    """Legal limit from a [`tthc.procedures.Procedure`][tthc.procedures.Procedure] (its parsed processing rules).

    With ``channel``, the rules of that channel; otherwise the procedure-wide rule, else the
    counter rule (``Trực tiếp``: the one-stop process), else the common limit of all channels.

    Raises:
        InputTypeError: ``procedure`` is not a ``Procedure``.
    """
    from tthc.procedures import Procedure  # noqa: PLC0415 - catalogue loaded on first use

    if not isinstance(procedure, Procedure):
        raise InputTypeError(
            f"Thủ tục (procedure) must be a tthc.procedures.Procedure, got "
            f"{type(procedure).__name__}",
            argument="procedure",
        )
    if channel is not None:
        rules = procedure.rules_for(channel)
        where = f"procedure {procedure.code}, channel {channel!r}"
    else:
        rules = tuple(r for r in procedure.processing_rules if r.channel is None)
        where = f"procedure {procedure.code}"
        if not _has_base(rules):
            rules = procedure.rules_for(_COUNTER)
            where = f"procedure {procedure.code}, channel {_COUNTER!r}"
        if not _has_base(rules):
            rules = procedure.processing_rules
            where = f"procedure {procedure.code}"
    bases = {r.time.base for r in rules if r.time is not None and r.time.base is not None}
    if len(bases) == 1:
        return bases.pop(), where
    if not bases:
        return None, f"{where} has no processing time tthc can read"
    listed = "; ".join(sorted(str(b) for b in bases))
    return None, f"{where} has several processing times ({listed}); pass channel=..."


def legal_limit_of(
    workflow: Workflow,
    procedure: Any,
    legal_limit: Duration | ProcessingTime | None,
    channel: str | None,
) -> tuple[Duration | None, str]:
    """The limit to compare with, and where it comes from (or why there is none).

    Raises:
        InputTypeError: ``legal_limit`` is neither a ``Duration`` nor a ``ProcessingTime``.
    """
    candidates: list[tuple[object, str]] = [(legal_limit, "legal_limit argument")]
    if legal_limit is None and procedure is not None:
        limit, where = procedure_limit(procedure, channel)
        if limit is None:
            return None, where
        candidates.append((limit, where))
    candidates.append((workflow.legal_limit, "workflow's published processing time"))
    for value, source in candidates:
        if value is None:
            continue
        if isinstance(value, ProcessingTime):
            if value.base is None:
                return None, f"the processing time of the {source} has no single base limit"
            return value.base, source
        if isinstance(value, Duration):
            return value, source
        raise InputTypeError(
            f"Thời hạn giải quyết (legal limit) must be a Duration or ProcessingTime, got "
            f"{type(value).__name__}",
            argument="legal_limit",
        )
    return None, "no legal limit was given: name the workflow's procedure or give its legal limit"


def check_limit(
    workflow: Workflow,
    procedure: Any,
    legal_limit: Duration | ProcessingTime | None,
    hours: OfficeHours,
    channel: str | None,
) -> list[Finding]:
    """``workflow.over_limit``, or ``workflow.limit_not_checked`` when it cannot be compared."""
    limit, source = legal_limit_of(workflow, procedure, legal_limit, channel)
    if limit is None:
        return [
            finding(
                "workflow.limit_not_checked",
                Severity.INFO,
                f"Không kiểm tra tổng thời gian (total not checked): {source}",
                hint="pass legal_limit=Duration.working_days(...) or set the workflow's "
                "legal_limit",
            )
        ]
    limit_span = working_time(limit, hours)
    path, total = critical_path(workflow, office_hours=hours)
    if limit_span is None or total is None:
        what = f"the legal limit ({limit})" if limit_span is None else "a step budget on the path"
        return [
            finding(
                "workflow.limit_not_checked",
                Severity.INFO,
                f"Không kiểm tra tổng thời gian (total not checked): {what} is not counted in "
                "working time, so the sum cannot be compared in working hours",
                path,
            )
        ]
    if total <= limit_span:
        return []
    by_id = {s.id: s for s in workflow.steps}
    budgets = ", ".join(f"{s} {format_budget(by_id[s].budget)}" for s in path)
    return [
        finding(
            "workflow.over_limit",
            Severity.ERROR,
            "Tổng thời gian vượt thời hạn giải quyết (critical path over the legal limit): "
            f"{describe_span(total, hours)} on the critical path ({budgets}) > {limit} = "
            f"{describe_span(limit_span, hours)} ({source})",
            path,
            hint="shorten the budgets on the critical path or run independent steps in "
            "parallel branches",
        )
    ]
