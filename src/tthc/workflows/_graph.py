"""The order of the steps: dependencies, phase barriers, cycles and the critical path.

Every function here is linear in the size of the workflow (steps plus dependencies): a phase
barrier ("every step of phase k waits for all steps of the earlier phases") is handled once per
phase, never as an edge from every earlier step to every later one.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence

from tthc.calendar import OfficeHours
from tthc.calendar._defaults import resolve_office_hours
from tthc.errors import DataFileError
from tthc.workflows._budgets import working_time
from tthc.workflows._model import Workflow, require_workflow

__all__: list[str] = []  # private module: critical_path is exported by tthc.workflows

#: (pass, position) of the latest step taken in the highest pass, see `topological`.
_Mark = tuple[int, int]


def known_deps(workflow: Workflow) -> dict[str, tuple[str, ...]]:
    """Step id → the ids it depends on that the workflow has."""
    ids = {s.id for s in workflow.steps}
    return {s.id: tuple(d for d in s.depends_on if d in ids) for s in workflow.steps}


def phase_index(workflow: Workflow) -> dict[str, int]:
    """Step id → the position of its phase (0 when the workflow has no phases)."""
    order = {p.id: i for i, p in enumerate(workflow.phases)}
    return {s.id: order.get(s.phase, 0) for s in workflow.steps}


def topological(workflow: Workflow) -> tuple[list[str], list[str]]:
    """Return (ordered ids, ids on or behind a cycle), phase barriers included.

    The order is the one of repeated passes over the steps in workflow order, each pass taking
    every step whose dependencies and earlier phases are done (a step may follow, in the same
    pass, a dependency placed before it). Rather than making the passes (quadratic), each
    step's pass is computed from its dependencies' in dependency order (Kahn's algorithm, one
    phase after the other) and the steps are sorted by (pass, position).
    """
    deps = {sid: set(ds) for sid, ds in known_deps(workflow).items()}
    phase = phase_index(workflow)
    position = {sid: i for i, sid in enumerate(deps)}
    by_level: dict[int, list[str]] = {}
    for sid in deps:
        by_level.setdefault(phase[sid], []).append(sid)
    passes: dict[str, int] = {}
    mark: _Mark = (0, -1)
    for level in sorted(by_level):
        steps = by_level[level]
        _pass_level(steps, level, mark, deps=deps, phase=phase, position=position, passes=passes)
        if any(sid not in passes for sid in steps):
            break  # a stuck step holds back every later phase
        for sid in steps:
            mark = max(mark, (passes[sid], position[sid]))
    ordered = sorted(passes, key=lambda sid: (passes[sid], position[sid]))
    return ordered, [sid for sid in deps if sid not in passes]


def _pass_level(
    steps: list[str],
    level: int,
    mark: _Mark,
    *,
    deps: Mapping[str, set[str]],
    phase: Mapping[str, int],
    position: Mapping[str, int],
    passes: dict[str, int],
) -> None:
    """Give its pass to every step of one phase that can run (the earlier phases all ran).

    ``mark`` is (highest pass, latest position in it) of the earlier phases: a step placed
    before that position waits one more pass. A step depending on a later phase never runs.
    """
    waiting: dict[str, int] = {}
    dependents: dict[str, list[str]] = {sid: [] for sid in steps}
    ready: list[str] = []
    for sid in steps:
        if any(phase[d] > level for d in deps[sid]):
            continue
        same = [d for d in deps[sid] if phase[d] == level]
        waiting[sid] = len(same)
        for d in same:
            dependents[d].append(sid)
        if not same:
            ready.append(sid)
    while ready:
        sid = ready.pop()
        here = position[sid]
        taken = max(1, mark[0] + (mark[1] > here))
        for d in deps[sid]:
            taken = max(taken, passes[d] + (position[d] > here))
        passes[sid] = taken
        for target in dependents[sid]:
            waiting[target] -= 1
            if waiting[target] == 0:
                ready.append(target)


def require_schedulable(workflow: object) -> list[str]:
    """Return the step ids in execution order.

    Raises:
        InputTypeError: ``workflow`` is not a [`Workflow`][tthc.workflows.Workflow].
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


def handover_edges(workflow: Workflow) -> dict[str, list[str]]:
    """Edges step → next steps: depends_on, plus the barrier between consecutive phases.

    The last steps of a phase (no successor in the same phase) hand over to the first steps of
    the next phase (no depends_on), through one node per barrier (``"|k"``: not a valid step
    id) so that the edges stay linear in the number of steps.
    """
    deps = known_deps(workflow)
    phase = phase_index(workflow)
    out: dict[str, list[str]] = {s.id: [] for s in workflow.steps}
    continued: set[str] = set()  # steps with a successor in their own phase
    for sid, ds in deps.items():
        for d in ds:
            out[d].append(sid)
            if phase[d] == phase[sid]:
                continued.add(d)
    last_phase = len(workflow.phases) - 1
    for sid in deps:
        k = phase[sid]
        if k < last_phase and sid not in continued:
            out[sid].append(f"|{k}")
        if 0 < k <= last_phase and not deps[sid]:
            out.setdefault(f"|{k - 1}", []).append(sid)
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
    """Steps that lie on a dependency cycle, in workflow order.

    The strongly connected components of the dependency graph with more than one step
    (Tarjan's algorithm, without recursion so that long chains do not hit Python's limit).
    """
    deps = known_deps(workflow)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cyclic: set[str] = set()
    for root in deps:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = deps[node]
            while i < len(targets) and targets[i] in index:
                if targets[i] in on_stack:
                    low[node] = min(low[node], index[targets[i]])
                i += 1
            if i < len(targets):
                work.append((node, i + 1))
                work.append((targets[i], 0))
                continue
            if low[node] == index[node]:
                _pop_component(node, stack, on_stack, cyclic)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return [sid for sid in deps if sid in cyclic]


def _pop_component(root: str, stack: list[str], on_stack: set[str], cyclic: set[str]) -> None:
    """Pop the component of ``root`` off Tarjan's stack; keep it when it is a cycle."""
    component: list[str] = []
    while True:
        node = stack.pop()
        on_stack.discard(node)
        component.append(node)
        if node == root:
            break
    if len(component) > 1:
        cyclic.update(component)


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
    steps = {s.id: s for s in workflow.steps}
    finish: dict[str, _dt.timedelta] = {}
    before: dict[str, str | None] = {}
    exact = True
    # The execution order runs phase after phase: ``earlier`` is the first step, in that order,
    # that finishes last among the earlier phases; ``current`` the same within the current one.
    earlier: str | None = None
    current: str | None = None
    current_phase = None
    for sid in ordered:
        if phase[sid] != current_phase:
            earlier = _first_latest(finish, earlier, current)
            current, current_phase = None, phase[sid]
        step = steps[sid]
        prev = _first_latest(finish, *step.depends_on)
        if prev is None or (earlier is not None and finish[earlier] > finish[prev]):
            prev = earlier
        span = working_time(step.budget, hours)
        if span is None:
            exact = False
            span = _dt.timedelta(0)
        finish[sid] = (finish[prev] if prev is not None else _dt.timedelta(0)) + span
        before[sid] = prev
        current = _first_latest(finish, current, sid)
    last: str | None = max(enumerate(ordered), key=lambda item: (finish[item[1]], item[0]))[1]
    path: list[str] = []
    while last is not None:
        path.append(last)
        last = before[last]
    path.reverse()
    return tuple(path), (finish[path[-1]] if exact else None)


def _first_latest(finish: Mapping[str, _dt.timedelta], *candidates: str | None) -> str | None:
    """The first of ``candidates`` (``None`` skipped) with the latest finish, or ``None``."""
    best: str | None = None
    for sid in candidates:
        if sid is not None and (best is None or finish[sid] > finish[best]):
            best = sid
    return best
