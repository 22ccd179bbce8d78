"""Check a province's process configuration (quy trình nội bộ) and print every finding.

Reads ``examples/data/wrong_workflows.csv`` — a deliberately wrong configuration in the tthc CSV
layout, one row per step — and validates each workflow on 1 March 2026 for Phường Ninh Kiều (Cần
Thơ). Then it shows the due time of every step of a bundled, correct process and which step to
blame for a late dossier. Exits 0 (the findings are the expected output).

Run: python examples/check_workflow.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tthc import VN_TZ
from tthc.formatting import weekday_vi
from tthc.procedures import load_catalog
from tthc.workflows import blame, example, read_csv, schedule, validate

HERE = Path(__file__).resolve().parent
ON = dt.date(2026, 3, 1)
UNIT = "31135"  # Phường Ninh Kiều, thành phố Cần Thơ


def main() -> int:
    print(f"== {HERE / 'data' / 'wrong_workflows.csv'} on {ON:%d/%m/%Y}, unit {UNIT}")
    for workflow in read_csv(HERE / "data" / "wrong_workflows.csv"):
        report = validate(workflow, on=ON, unit=UNIT)
        print(f"\n{workflow.procedure_code} {workflow.version}: ok={report.ok}")
        for finding in report:
            print(f"  {finding}")

    # The one finding a CSV cannot show: the process is checked against another procedure.
    birth = example("ho-tich.khai-sinh")
    other = load_catalog()["1.013831"]
    mismatch = validate(birth, on=ON, procedure=other, unit=UNIT)
    print(f"\n{birth.procedure_code} checked against {other.code}:")
    for finding in mismatch.errors:
        print(f"  {finding}")

    accepted = dt.datetime(2026, 4, 29, 14, 0, tzinfo=VN_TZ)
    when = f"{weekday_vi(accepted.date())} {accepted:%d/%m/%Y %H:%M}"
    print(f"\n== Due times of {birth.name}, accepted {when}")
    plan = schedule(birth, accepted)
    for due in plan:
        due_day = f"{weekday_vi(due.due.date())} {due.due:%d/%m %H:%M}"
        print(f"  {due.step_id}: {due.start:%d/%m %H:%M} → {due_day}  {due.name}")

    done = {
        "b1": dt.datetime(2026, 4, 29, 14, 45, tzinfo=VN_TZ),
        "b2": dt.datetime(2026, 5, 5, 9, 30, tzinfo=VN_TZ),
        "b3": dt.datetime(2026, 5, 5, 11, 0, tzinfo=VN_TZ),
        "b4": dt.datetime(2026, 5, 5, 13, 30, tzinfo=VN_TZ),
    }
    print("\n== " + blame(birth, plan, done).explain())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
