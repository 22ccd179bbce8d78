"""[`validate`][tthc.workflows.validate]: a process configuration checked against the law on a date.

The checks, each a function returning findings: identity (procedure, period in force), the graph
(unknown steps, phase order, cycles, unreachable steps, dead ends), the one-stop steps (intake,
return, signing), the levels of government, zero budgets, the legal limit
([`tthc.workflows._limits`][tthc.workflows._limits]) and the signer ([`tthc.workflows._signer`][tthc.workflows._signer]).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from tthc._time import format_date
from tthc._validate import require_date
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.calendar._defaults import resolve_calendar, resolve_office_hours
from tthc.deadlines import Duration, DurationUnit, ProcessingTime
from tthc.units import UnitLevel
from tthc.workflows._findings import Finding, Report, Severity, finding, report_of
from tthc.workflows._graph import cycle_members, handover_edges, phase_index, reach
from tthc.workflows._limits import check_limit, procedure_limit
from tthc.workflows._model import Workflow, require_workflow
from tthc.workflows._rules import level_rule
from tthc.workflows._signer import check_signer

__all__: list[str] = []  # private module: validate is exported by tthc.workflows

#: Findings after which the critical path cannot be computed.
_STRUCTURAL = frozenset({"graph.cycle", "graph.unknown_step", "phase.order"})
_LEVEL_NAMES = {
    UnitLevel.DISTRICT: "cấp huyện (district level)",
    UnitLevel.PROVINCE: "cấp tỉnh (province level)",
    UnitLevel.COMMUNE: "cấp xã (commune level)",
}


def validate(
    workflow: Workflow,
    *,
    procedure: Any = None,
    on: _dt.date,
    legal_limit: Duration | ProcessingTime | None = None,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
    unit: Any = None,
    facts: Mapping[str, str | bool] | None = None,
    channel: str | None = None,
) -> Report:
    """Check a process configuration against the law on a date.

    Args:
        workflow: The process.
        procedure: The [`tthc.procedures.Procedure`][tthc.procedures.Procedure]; its code must match, and its
            processing time (of ``channel``, or the procedure-wide / counter one) is the legal
            limit unless ``legal_limit`` is given.
        on: Date on which the process is checked (levels of government and competence rules in
            force then).
        legal_limit: The legal processing time; overrides the procedure's and the workflow's.
        calendar: Working-day calendar (default: [`civil_service_calendar`][tthc.calendar.civil_service_calendar]);
            not needed for the checks themselves, accepted for symmetry with [`schedule`][tthc.workflows.schedule].
        office_hours: Office windows; one working day = their total length (default 8 hours).
        unit: Administrative unit (code or ``AdministrativeUnit``) where the process is used,
            for the competent-authority check; without it the check is reported as not done.
        facts: Case facts passed to [`tthc.authorities.resolve_authority`][tthc.authorities.resolve_authority].
        channel: Channel whose processing time applies (``"Trực tiếp"``, ``"Trực tuyến"``,
            ``"Dịch vụ bưu chính"``) when ``procedure`` is given.

    Returns:
        A [`Report`][tthc.workflows.Report] (a tuple of [`Finding`][tthc.procedures.Finding]), errors first.

    Raises:
        InputTypeError: an argument has the wrong type (``procedure`` not a ``Procedure``).
    """
    require_workflow(workflow)
    day = require_date(on, "on")
    if procedure is not None:
        procedure_limit(procedure, channel)  # type check early, whatever the limit source
    if calendar is not None:
        resolve_calendar(calendar)  # type check only: the checks need no calendar
    hours = resolve_office_hours(office_hours)
    found = [*_check_identity(workflow, procedure, day)]
    structural = _check_graph(workflow)
    found += structural
    found += _check_one_stop(workflow)
    found += _check_levels(workflow, day)
    found += _check_zero_budgets(workflow)
    if not any(f.code in _STRUCTURAL for f in structural):
        found += check_limit(workflow, procedure, legal_limit, hours, channel)
    found += check_signer(workflow, day, unit, facts)
    return report_of(found)


def _check_identity(workflow: Workflow, procedure: Any, day: _dt.date) -> list[Finding]:
    out: list[Finding] = []
    code = getattr(procedure, "code", None) if procedure is not None else None
    if isinstance(code, str) and code != workflow.procedure_code:
        out.append(
            finding(
                "workflow.procedure_mismatch",
                Severity.ERROR,
                f"Thủ tục (procedure) mismatch: the workflow is for {workflow.procedure_code} "
                f"but was checked against procedure {code}",
                hint="check the procedure code of the process configuration",
            )
        )
    if not workflow.validity.contains(day):
        out.append(
            finding(
                "workflow.not_in_force",
                Severity.WARNING,
                f"Quy trình chưa/không còn hiệu lực (process not in force) on "
                f"{format_date(day)}: it applies {workflow.validity}",
                legal_ref=workflow.legal_basis,
            )
        )
    return out


# --- the graph -------------------------------------------------------------------------------------


def _check_graph(workflow: Workflow) -> list[Finding]:
    cyclic = cycle_members(workflow)
    return [
        *_unknown_steps(workflow),
        *_phase_order(workflow),
        *_cycle(cyclic),
        *_unreachable_and_dead_ends(workflow, cyclic),
    ]


def _unknown_steps(workflow: Workflow) -> list[Finding]:
    ids = {s.id for s in workflow.steps}
    out: list[Finding] = []
    for s in workflow.steps:
        unknown = [d for d in s.depends_on if d not in ids]
        if unknown:
            out.append(
                finding(
                    "graph.unknown_step",
                    Severity.ERROR,
                    f"Bước không tồn tại (unknown step): step {s.id!r} depends on "
                    f"{', '.join(repr(u) for u in unknown)}, which the workflow does not have",
                    [s.id],
                    hint="fix the ids in depends_on",
                )
            )
    return out


def _phase_order(workflow: Workflow) -> list[Finding]:
    ids = {s.id for s in workflow.steps}
    phase = phase_index(workflow)
    out: list[Finding] = []
    for s in workflow.steps:
        later = [d for d in s.depends_on if d in ids and phase[d] > phase[s.id]]
        if later:
            out.append(
                finding(
                    "phase.order",
                    Severity.ERROR,
                    f"Thứ tự giai đoạn (phase order): step {s.id!r} of phase {s.phase!r} depends "
                    f"on {', '.join(repr(x) for x in later)} of a later phase",
                    [s.id, *later],
                    hint="move the step to the later phase or fix depends_on",
                )
            )
    return out


def _cycle(cyclic: list[str]) -> list[Finding]:
    if not cyclic:
        return []
    return [
        finding(
            "graph.cycle",
            Severity.ERROR,
            "Vòng lặp (cycle): steps "
            + " → ".join(cyclic)
            + " depend on each other, so none of them can ever start",
            cyclic,
            hint="a step may only depend on steps that come before it",
        )
    ]


def _unreachable_and_dead_ends(workflow: Workflow, cyclic: list[str]) -> list[Finding]:
    intakes = [s.id for s in workflow.steps if s.is_intake]
    if not intakes:
        return []
    edges = handover_edges(workflow)
    reached = reach(intakes, edges)
    on_cycle = set(cyclic)
    lost = [s.id for s in workflow.steps if s.id not in reached and s.id not in on_cycle]
    out: list[Finding] = []
    if lost:
        out.append(
            finding(
                "graph.unreachable",
                Severity.ERROR,
                "Bước không được chuyển tới (unreachable step): no path from the intake "
                f"step leads to {', '.join(repr(x) for x in lost)}",
                lost,
                hint="make each step depend on the step that hands the dossier over",
            )
        )
    returns = [s.id for s in workflow.steps if s.is_return]
    if not returns:
        return out
    predecessors: dict[str, list[str]] = {}
    for source, targets in edges.items():
        for target in targets:
            predecessors.setdefault(target, []).append(source)
    back = reach(returns, predecessors)
    excluded = on_cycle.union(lost)
    dead = [s.id for s in workflow.steps if s.id not in back and s.id not in excluded]
    if dead:
        out.append(
            finding(
                "graph.dead_end",
                Severity.WARNING,
                "Bước cụt (dead end): the result of "
                f"{', '.join(repr(x) for x in dead)} never reaches the return step",
                dead,
                hint="make a later step depend on it, or remove it",
            )
        )
    return out


# --- one-stop steps, levels, budgets -------------------------------------------------------------


def _check_one_stop(workflow: Workflow) -> list[Finding]:
    out: list[Finding] = []
    if workflow.one_stop and not any(s.is_intake for s in workflow.steps):
        out.append(
            finding(
                "workflow.no_intake",
                Severity.ERROR,
                "Thiếu bước tiếp nhận (no intake step): a procedure received at the one-stop "
                "needs a step where the Bộ phận Một cửa receives the dossier, issues the Giấy "
                "tiếp nhận and hands it over",
                hint="mark the first step is_intake",
            )
        )
    if workflow.one_stop and not any(s.is_return for s in workflow.steps):
        out.append(
            finding(
                "workflow.no_return",
                Severity.ERROR,
                "Thiếu bước trả kết quả (no return step): the result must go back to the "
                "one-stop, which returns it to the applicant",
                hint="add a last step is_return at the Bộ phận Một cửa",
            )
        )
    if not any(s.is_signing for s in workflow.steps):
        out.append(
            finding(
                "workflow.no_signing",
                Severity.WARNING,
                "Thiếu bước ký (no signing step): no step signs the result, so the competent "
                "authority cannot be checked",
                hint="mark the step where the result is signed is_signing",
            )
        )
    return out


def _check_levels(workflow: Workflow, day: _dt.date) -> list[Finding]:
    out: list[Finding] = []
    for step in workflow.steps:
        for level in step.levels:
            rule = level_rule(level)
            if rule.validity.contains(day):
                continue
            kind = f" ({step.authority_kind.name_vi})" if step.authority_kind else ""
            out.append(
                finding(
                    "step.abolished_level",
                    Severity.ERROR,
                    f"Cấp chính quyền không còn (abolished level): step {step.id!r} is assigned "
                    f"to the {_LEVEL_NAMES[level]}{kind}, which does not exist on "
                    f"{format_date(day)} (in force {rule.validity})",
                    [step.id],
                    legal_ref=rule.legal_basis,
                    hint="assign the step to the commune or province body that took over the "
                    "task (`tthc authority CODE --unit UNIT` names it)",
                )
            )
    return out


def _check_zero_budgets(workflow: Workflow) -> list[Finding]:
    out: list[Finding] = []
    has_successor = {d for s in workflow.steps for d in s.depends_on}
    for step in workflow.steps:
        if step.budget.unit is not DurationUnit.IMMEDIATE:
            continue
        if step.is_intake and step.id in has_successor:
            out.append(
                finding(
                    "step.zero_handoff",
                    Severity.WARNING,
                    f"Thời gian chuyển hồ sơ bằng 0 (zero hand-off time): intake step {step.id!r} "
                    "has no time, but a paper dossier received after 15:00 is handed to the "
                    "competent authority only at the start of the next working day",
                    [step.id],
                    hint="give the intake step a budget (e.g. '4 giờ làm việc' or "
                    "'0,5 ngày làm việc')",
                )
            )
        elif not step.is_intake and not step.is_return:
            out.append(
                finding(
                    "step.zero_budget",
                    Severity.WARNING,
                    f"Thời gian thực hiện bằng 0 (zero budget): step {step.id!r} ({step.name}) "
                    "does work but has no time; the process must give every step its time",
                    [step.id],
                    hint="give the step a budget in working hours or days",
                )
            )
    return out
