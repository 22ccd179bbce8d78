"""tthc.workflows — the order of the steps: the critical path on ties, zero budgets and phases,
the hand-over edges through phase barriers, the cycles, and the refusals word for word.

A phase starts when every step of the earlier phases is done (Decree 118/2025/NĐ-CP Art. 12.3: the
internal process fixes the order and the time of each step); on a tie the first step in
execution order is kept, so a zero-length step never lengthens the path it does not need.
"""

from __future__ import annotations

import datetime as dt

import pytest
from workflow_helpers import D, H, step, wf

from tthc.calendar import OfficeHours
from tthc.deadlines import Duration
from tthc.errors import DataFileError, InputTypeError
from tthc.workflows import Phase, _graph, critical_path

_HOURS = dt.timedelta(hours=1)


def _phases(n: int) -> tuple[Phase, ...]:
    return tuple(Phase(f"p{i}", f"Giai đoạn {i}") for i in range(1, n + 1))


def test_critical_path_ties_keep_the_first_step() -> None:
    # c waits for a and b, both 2 h: the path goes through a, the first of the two.
    w = wf(step("a", H(2)), step("b", H(2)), step("c", H(1), "a", "b"))
    assert critical_path(w) == (("a", "c"), 3 * _HOURS)
    # Two independent steps: the path is the one that finishes last, not the last in order.
    assert critical_path(wf(step("a", H(3)), step("b", H(1)))) == (("a",), 3 * _HOURS)


def test_a_zero_step_phase_is_skipped_by_the_path() -> None:
    # p1: a (1 h); p2: b (0); p3: c (1 h). b ends when a does: the path is a → c, 2 h.
    w = wf(
        step("a", H(1), phase="p1"),
        step("b", Duration.immediate(), phase="p2"),
        step("c", H(1), phase="p3"),
        phases=_phases(3),
    )
    assert critical_path(w) == (("a", "c"), 2 * _HOURS)


def test_a_dependency_tied_with_the_barrier_is_kept() -> None:
    # p1: a (2 h); p2: b (0, free), c (1 h) after b. b and a end together: c follows b.
    w = wf(
        step("a", H(2), phase="p1"),
        step("b", Duration.immediate(), phase="p2"),
        step("c", H(1), "b", phase="p2"),
        phases=_phases(2),
    )
    assert critical_path(w) == (("a", "b", "c"), 3 * _HOURS)


def test_the_longest_step_of_a_phase_gates_the_next() -> None:
    # p2 has c (3 h) and d (1 h), both free: p3 starts after c, the longer one.
    w = wf(
        step("a", H(1), phase="p1"),
        step("c", H(3), phase="p2"),
        step("d", H(1), phase="p2"),
        step("e", H(1), phase="p3"),
        phases=_phases(3),
    )
    assert critical_path(w) == (("a", "c", "e"), 5 * _HOURS)


def test_calendar_days_count_zero_on_the_path_and_no_total() -> None:
    w = wf(step("a", Duration.calendar_days(1)), step("b", H(1)), step("c", H(1), "a", "b"))
    assert critical_path(w) == (("b", "c"), None)


def test_critical_path_on_the_given_windows() -> None:
    # 1 working day of a 07:30–12:00 office is 4,5 h: 4,5 h + 1 h = 5,5 h.
    short = OfficeHours(((dt.time(7, 30), dt.time(12)),))
    w = wf(step("a", D(1)), step("b", H(1), "a"))
    assert critical_path(w, office_hours=short) == (("a", "b"), dt.timedelta(hours=5, minutes=30))


def test_handover_edges_through_the_barriers() -> None:
    w = wf(
        step("a", H(1), phase="p1", is_intake=True),
        step("b", H(1), "a", phase="p1"),
        step("x", H(1), phase="p1"),
        step("c", H(1), phase="p2"),
        step("d", H(1), "c", phase="p2"),
        step("e", H(1), phase="p3"),
        phases=_phases(3),
    )
    assert _graph.handover_edges(w) == {
        "a": ["b"],
        "b": ["|0"],
        "x": ["|0"],
        "c": ["d"],
        "d": ["|1"],
        "e": [],
        "|0": ["c"],
        "|1": ["e"],
    }
    plain = wf(step("a", H(1)), step("b", H(1), "a"), step("c", H(1), "a", "zz"))
    assert _graph.handover_edges(plain) == {"a": ["b", "c"], "b": [], "c": []}


def test_cycles_and_reach() -> None:
    w = wf(
        step("a", H(1)),
        step("b", H(1), "a", "c"),
        step("c", H(1), "b"),
        step("d", H(1), "d2"),
        step("d2", H(1), "d"),
        step("e", H(1), "a"),
    )
    assert _graph.cycle_members(w) == ["b", "c", "d", "d2"]
    assert _graph.topological(w) == (["a", "e"], ["b", "c", "d", "d2"])
    assert _graph.reach(["a"], {"a": ["b", "c"], "b": ["a"], "c": ["d"]}) == {"a", "b", "c", "d"}
    assert _graph.reach([], {"a": ["b"]}) == set()


def test_require_schedulable_refusals() -> None:
    with pytest.raises(DataFileError) as unknown:
        critical_path(wf(step("a", H(1), "zz", "yy"), step("b", H(1), "a")))
    assert (unknown.value.message, unknown.value.hint, unknown.value.context) == (
        "Bước (step) 'a' depends on unknown step(s) zz, yy",
        "run validate() to see every problem of the configuration",
        {"field": "depends_on", "step": "a"},
    )
    cyclic = wf(
        step("a", H(1)), step("b", H(1), "a", "c"), step("c", H(1), "b"), step("d", H(1), "c")
    )
    with pytest.raises(DataFileError) as cycle:
        critical_path(cyclic)
    assert (cycle.value.message, cycle.value.hint, cycle.value.context) == (
        "Quy trình có vòng lặp (the workflow has a cycle) through b, c, d",
        "run validate() to see every problem of the configuration",
        {"field": "depends_on", "steps": ("b", "c", "d")},
    )
    with pytest.raises(InputTypeError) as wrong:
        critical_path("w")  # type: ignore[arg-type]
    assert (wrong.value.message, wrong.value.context) == (
        "Quy trình (workflow) must be a Workflow, got str",
        {"argument": "workflow"},
    )


def test_a_cycle_through_a_second_dependency() -> None:
    # a depends on b and c, c on a: the cycle a ↔ c runs through a's second dependency.
    w = wf(step("a", H(1), "b", "c"), step("b", H(1)), step("c", H(1), "a"))
    assert _graph.cycle_members(w) == ["a", "c"]


def test_a_later_phase_step_written_first_runs_after_the_earlier_phase() -> None:
    # c (phase 2) is written before a and b (phase 1): it still runs after both.
    w = wf(
        step("c", H(1), phase="p2"),
        step("a", H(1), phase="p1"),
        step("b", H(1), "a", phase="p1"),
        phases=_phases(2),
    )
    assert _graph.topological(w) == (["a", "b", "c"], [])


def test_a_chain_written_backwards_still_gates_the_next_phase() -> None:
    # s0 ← s1 ← s2 written in reverse order take passes 3, 2, 1; t (phase 2) comes after all.
    w = wf(
        step("s0", H(1), "s1", phase="p1"),
        step("s1", H(1), "s2", phase="p1"),
        step("s2", H(1), phase="p1"),
        step("t", H(1), phase="p2"),
        phases=_phases(2),
    )
    assert _graph.topological(w) == (["s2", "s1", "s0", "t"], [])
