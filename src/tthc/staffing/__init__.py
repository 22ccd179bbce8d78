"""Staffing and reception capacity from dossier volume (khối lượng hồ sơ và nhu cầu nhân lực).

Three pieces of arithmetic that a planner can check by hand:

* **Demand** (nhu cầu): dossier counts per unit, procedure and month (a CSV file or any iterable of
  records) times the staff minutes each procedure needs per role give the staff-hours needed per
  unit, role and month ([`compute_demand`][tthc.staffing.compute_demand]).
* **Capacity** (khả năng đáp ứng): the hours one staff member can give in a month, from the
  civil-service calendar (holidays, Tết, swapped days and make-up Saturdays), the office hours,
  annual leave (12 working days a year, Bộ luật Lao động 2019 Điều 113.1.a) and a utilisation
  factor ([`staff_capacity`][tthc.staffing.staff_capacity]). Full-time equivalents needed = demand / capacity, rounded up per
  role ([`fte_needed`][tthc.staffing.fte_needed]).
* **Counters** (số quầy tiếp nhận): an Erlang C (M/M/c) queueing model of the reception desk:
  arrivals per hour by weekday and hour, mean service time, targets for the mean wait and the
  probability of waiting → the number of counters ([`counters_needed`][tthc.staffing.counters_needed],
  [`plan_counters`][tthc.staffing.plan_counters]).

[`plan_workload`][tthc.staffing.plan_workload] puts the three together per unit and flags the units whose volume changed
most after the 1 July 2025 reorganisation.

Every default with a source (leave days, the reform date, the 40-hour week) and every planning
assumption (utilisation, queue targets, arrival profile, illustrative efforts) lives in the data
file ``tthc/data/workload_assumptions.json``; [`load_assumptions`][tthc.staffing.load_assumptions] returns them with their
[`LegalRef`][tthc.legal.LegalRef].

**Inputs.** Dossier counts and staff effort are read from CSV files ([`read_dossier_counts`][tthc.staffing.read_dossier_counts],
[`read_efforts`][tthc.staffing.read_efforts]) or given as Python values ([`dossier_counts`][tthc.staffing.dossier_counts], [`effort_table`][tthc.staffing.effort_table]).
[`iter_dossier_counts`][tthc.staffing.iter_dossier_counts] reads the counts row by row: ``plan_workload(iter_dossier_counts(
path), efforts)`` plans a national year of daily counts (3,321 communes × 365 days ≈ 1.2 million
rows) without holding the rows; the plan keeps one sum per unit, month and procedure.

**Numbers and rounding.** Staff minutes per dossier are exact decimals; demand and capacity are
computed exactly (integer sums of the minutes scaled by the effort table's common denominator,
then rational arithmetic once per unit, role and month) and reported as
`Decimal` hours rounded half-to-even to 0.01 h. FTE is rounded *up* on the exact, unrounded ratio, so a demand of exactly
two staff-months needs 2 staff, not 3. Queueing results are floats (probabilities, minutes).

**Workflows.** Staff effort is given directly (a mapping procedure code → minutes per role, or a
CSV file). Any object with a ``procedure_code`` attribute and a ``staff_minutes_by_role()`` method
(the [`EffortSource`][tthc.staffing.EffortSource] protocol) is accepted too: that is the hook through which a
``tthc.workflows.Workflow`` becomes an effort entry, without this package importing the
workflows. A step's *budget* is a time limit (a deadline), not staff time: the conversion sums
each step's staff (touch) time per role, intake steps as ``reception``, signing steps as
``approval``, return steps as ``return``, the others as ``processing``.

Example:
    >>> from tthc.staffing import Month, staff_capacity
    >>> cap = staff_capacity(Month(2026, 2), annual_leave_days=0, utilisation=1)
    >>> cap.working_days, cap.productive_hours  # Tết 16–20/2/2026 is off
    (15, Decimal('120.00'))
"""

from __future__ import annotations

from tthc._data import MAX_FILE_BYTES
from tthc.staffing._assumptions import Assumption, Assumptions, load_assumptions
from tthc.staffing._capacity import Capacity, fte_needed, staff_capacity
from tthc.staffing._demand import Demand, DemandRow, compute_demand
from tthc.staffing._erlang import (
    QueueResult,
    QueueTargets,
    counters_needed,
    erlang_b,
    erlang_c,
    mean_wait,
)
from tthc.staffing._inputs import (
    ROLE_NAMES,
    DossierCount,
    EffortSource,
    EffortTable,
    ProcedureEffort,
    dossier_counts,
    effort_table,
    read_efforts,
)
from tthc.staffing._months import Month
from tthc.staffing._plan import PlanSettings, RoleNeed, UnitPlan, WorkloadPlan, plan_workload
from tthc.staffing._profiles import (
    ArrivalProfile,
    CounterPlan,
    Slot,
    arrival_rates,
    plan_counters,
)
from tthc.staffing._reader import iter_dossier_counts, read_dossier_counts
from tthc.staffing._reform import ReformChange, reform_changes

__all__ = [  # noqa: RUF022 - grouped by concept, in the order of the guide
    # Months
    "Month",
    # Inputs: dossier counts and staff effort (CSV files or Python values)
    "MAX_FILE_BYTES",
    "DossierCount",
    "read_dossier_counts",
    "iter_dossier_counts",
    "dossier_counts",
    "ROLE_NAMES",
    "EffortSource",
    "ProcedureEffort",
    "EffortTable",
    "effort_table",
    "read_efforts",
    # Demand
    "Demand",
    "DemandRow",
    "compute_demand",
    # Capacity of one staff member
    "Capacity",
    "staff_capacity",
    "fte_needed",
    # Queues: Erlang B and C
    "erlang_b",
    "erlang_c",
    "mean_wait",
    "QueueTargets",
    "QueueResult",
    "counters_needed",
    # Arrival profiles and counters per slot
    "Slot",
    "ArrivalProfile",
    "arrival_rates",
    "CounterPlan",
    "plan_counters",
    # The 2025 reorganisation
    "ReformChange",
    "reform_changes",
    # The plan
    "PlanSettings",
    "RoleNeed",
    "UnitPlan",
    "WorkloadPlan",
    "plan_workload",
    # Assumptions and their sources
    "Assumption",
    "Assumptions",
    "load_assumptions",
]
