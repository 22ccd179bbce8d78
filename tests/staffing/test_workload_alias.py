"""``tthc.workload``: the deprecated alias of ``tthc.staffing`` (removed in the next minor)."""

from __future__ import annotations

import importlib
import warnings

import tthc.staffing
import tthc.workload

# The public names of tthc.workload before issue 14; each must stay importable for one release.
OLD_NAMES = {
    "MAX_FILE_BYTES", "ROLE_NAMES", "ArrivalProfile", "Assumption", "Assumptions", "Capacity",
    "CounterPlan", "Demand", "DemandRow", "DossierCount", "EffortSource", "EffortTable", "Month",
    "PlanSettings", "ProcedureEffort", "QueueResult", "QueueTargets", "ReformChange", "RoleNeed",
    "Slot", "UnitPlan", "WorkloadPlan", "arrival_rates", "compute_demand", "counters_needed",
    "dossier_counts", "effort_table", "erlang_b", "erlang_c", "fte_needed", "load_assumptions",
    "mean_wait", "plan_counters", "plan_workload", "read_dossier_counts", "read_efforts",
    "reform_changes", "staff_capacity",
}  # fmt: skip

# Added to tthc.staffing after the move (not re-exported by the deprecated alias).
NEW_NAMES = {"iter_dossier_counts"}  # issue 20: the streaming reader of dossier counts


def test_alias_exports_the_same_objects() -> None:
    assert set(tthc.workload.__all__) == OLD_NAMES == set(tthc.staffing.__all__) - NEW_NAMES
    assert set(tthc.staffing.__all__) >= NEW_NAMES
    for name in OLD_NAMES:
        assert getattr(tthc.workload, name) is getattr(tthc.staffing, name), name


def test_alias_is_documented_and_silent() -> None:
    assert tthc.workload.__doc__ is not None
    assert tthc.workload.__doc__.startswith(
        "Deprecated alias of tthc.staffing, removed in the next minor release"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        importlib.reload(tthc.workload)  # no DeprecationWarning at import: the CLI imports it


def test_staffing_all_is_unique() -> None:
    assert len(tthc.staffing.__all__) == len(set(tthc.staffing.__all__))
    for name in tthc.staffing.__all__:
        assert getattr(tthc.staffing, name) is not None
