"""The order of the steps: dependencies, phase barriers, cycles and the critical path."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence

from tthc.calendar import OfficeHours
from tthc.calendar._defaults import resolve_office_hours
from tthc.errors import DataFileError
from tthc.workflows._budgets import working_time
from tthc.workflows._model import Workflow, require_workflow

__all__: list[str] = []  # private module: critical_path is exported by tthc.workflows


def known_deps(workflow: Workflow) -> dict[str, tuple[str, ...]]:
    """Step id → the ids it depends on that the workflow has."""
    ids = {s.id for s in workflow.steps}
    return {s.id: tuple(d for d in s.depends_on if d in ids) for s in workflow.steps}


def phase_index(workflow: Workflow) -> dict[str, int]:
    """Step id → the position of its phase (0 when the workflow has no phases)."""
    order = {p.id: i for i, p in enumerate(workflow.phases)}
    return {s.id: order.get(s.phase, 0) for s in workflow.steps}


def topological(workflow: Workflow) -> tuple[list[str], list[str]]:
    """Return (ordered ids, ids on or behind a cycle), phase barriers included."""
    deps = known_deps(workflow)
    phase = phase_index(workflow)
    # A step of phase k also waits for every step of the earlier phases.
    full: dict[str, set[str]] = {
        sid: set(deps[sid]) | {o for o in deps if phase[o] < phase[sid]} for sid in deps
    }
    ordered: list[str] = []
    done: set[str] = set()
    pending = [s.id for s in workflow.steps]
    progress = True
    while pending and progress:
        progress = False
        for sid in list(pending):
            if full[sid] <= done:
                ordered.append(sid)
                done.add(sid)
                pending.remove(sid)
                progress = True
    return ordered, pending


def require_schedulable(workflow: object) -> list[str]:
    """Return the step ids in execution order.

    Raises:
        InputTypeError: ``workflow`` is not a :class:`Workflow`.
        DataFileError: a step depends on an unknown step, or the steps form a cycle.
    """
    checked = require_workflow(workflow)
    ids = {s.id for s in checked.steps}
    for s in checked.steps:
        unknown = [d for d in s.depends_on if d not in ids]
        if unknown:
            raise DataFileError(
                f"Bước (step) {s.id!r} depends on unknown step(s) {', '.join(unknown)}",
                hint="run validate() to see every problem of the configuration",
                field="depends_on",
                step=s.id,
            )
    ordered, stuck = topological(checked)
    if stuck:
        raise DataFileError(
            f"Quy trình có vòng lặp (the workflow has a cycle) through {', '.join(stuck)}",
            hint="run validate() to see every problem of the configuration",
            field="depends_on",
            steps=tuple(stuck),
        )
    return ordered


def successors(workflow: Workflow) -> dict[str, list[str]]:
    """Edges step → next steps: depends_on, plus the barrier between consecutive phases.

    The last steps of a phase (no successor in the same phase) hand over to the first steps of
    the next phase (no depends_on).
    """
    deps = known_deps(workflow)
    phase = phase_index(workflow)
    out: dict[str, list[str]] = {s.id: [] for s in workflow.steps}
    for sid, ds in deps.items():
        for d in ds:
            out[d].append(sid)
    for k in range(len(workflow.phases) - 1):
        sinks = [sid for sid in out if phase[sid] == k and not any(phase[t] == k for t in out[sid])]
        roots = [sid for sid in out if phase[sid] == k + 1 and not deps[sid]]
        for sink in sinks:
            out[sink].extend(roots)
    return out


def reach(starts: Iterable[str], edges: Mapping[str, Sequence[str]]) -> set[str]:
    """The nodes reached from ``starts`` along ``edges`` (``starts`` included)."""
    seen: set[str] = set()
    stack = list(starts)
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        stack.extend(edges.get(node, ()))
    return seen


def cycle_members(workflow: Workflow) -> list[str]:
    """Steps that lie on a dependency cycle, in workflow order."""
    deps = known_deps(workflow)
    return [s.id for s in workflow.steps if s.id in reach(deps[s.id], deps)]


def critical_path(
    workflow: Workflow, *, office_hours: OfficeHours | None = None
) -> tuple[tuple[str, ...], _dt.timedelta | None]:
    """Return the critical path (step ids, first to last) and its total working time.

    Each budget is converted to working time (working days × the length of the office windows),
    so ``0,5 ngày làm việc`` and ``4 giờ làm việc`` add up. Phases run one after the other. The
    total is ``None`` when a budget on the path is in calendar days (not working time).

    Raises:
        DataFileError: the workflow names an unknown step or has a cycle.
    """
    hours = resolve_office_hours(office_hours)
    ordered = require_schedulable(workflow)
    phase = phase_index(workflow)
    finish: dict[str, _dt.timedelta] = {}
    before: dict[str, str | None] = {}
    exact = True
    for sid in ordered:
        step = workflow.step(sid)
        gates = list(step.depends_on) + [o for o in ordered if phase[o] < phase[sid]]
        prev = max(gates, key=lambda g: finish[g], default=None)
        span = working_time(step.budget, hours)
        if span is None:
            exact = False
            span = _dt.timedelta(0)
        finish[sid] = (finish[prev] if prev is not None else _dt.timedelta(0)) + span
        before[sid] = prev
    last: str | None = max(ordered, key=lambda s: (finish[s], ordered.index(s)))
    path: list[str] = []
    while last is not None:
        path.append(last)
        last = before[last]
    path.reverse()
    return tuple(path), (finish[path[-1]] if exact else None)
