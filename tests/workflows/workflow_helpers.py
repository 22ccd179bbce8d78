"""Shared builders of the workflow tests (tests/workflows/).

Calendar facts used by the tests (public-sector calendar 2026, bundled overlay): Tết holidays Mon
16/2 – Fri 20/2/2026; 30/4 and 1/5/2026 (Thu, Fri) days off; Sat 10/1/2026 a make-up working day.
Office windows: the default 07:30–11:30 and 13:00–17:00 (8 working hours a day).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tthc._time import VN_TZ
from tthc.authorities import AuthorityKind as K
from tthc.deadlines import Duration
from tthc.workflows import Report, Step, Workflow, schedule

ROOT = Path(__file__).resolve().parents[2]
WRONG = ROOT / "examples" / "data" / "wrong_workflows.csv"
CAN_THO_WARD = "31135"  # Phường Ninh Kiều, TP Cần Thơ (QĐ 19/2025/QĐ-TTg)
ON = dt.date(2026, 3, 1)
H = Duration.working_hours
D = Duration.working_days
HEAD = "procedure_code,workflow_version,step_id,step_name,role,budget,depends_on,is_intake\n"


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


def step(sid: str, budget: Duration | None = None, *deps: str, **kw: Any) -> Step:
    return Step(sid, f"Bước {sid}", "Công chức", budget or H(1), depends_on=deps, **kw)


def wf(*steps: Step, **kw: Any) -> Workflow:
    kw.setdefault("legal_limit", D(5))
    return Workflow("1.001193", "t", steps, **kw)


def ok_chain(**kw: Any) -> tuple[Step, ...]:
    """Intake → process → sign → return, all at the commune: no finding."""
    return (
        step("a", H(1), is_intake=True),
        step("b", H(2), "a"),
        step("c", H(1), "b", is_signing=True, authority_kind=K.COMMUNE_PC),
        step("d", H(1), "c", is_return=True),
    )


def codes(report: Report) -> list[str]:
    return [f.code for f in report]


def due_times(w: Workflow, accepted: dt.datetime, **kw: Any) -> dict[str, dt.datetime]:
    return {s.step_id: s.due for s in schedule(w, accepted, **kw)}
