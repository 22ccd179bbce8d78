"""Internal electronic processes (quy trình nội bộ, quy trình điện tử) of a procedure.

Decree 118/2025/NĐ-CP obliges ministries and provinces to issue, for every procedure, the internal
process that a dossier follows from the one-stop counter (Bộ phận Một cửa) through the
specialist, the head of division and the signer back to the counter, each step with a time
budget (Điều 12 khoản 3, 27 khoản 3, 36 khoản 5, 38 khoản 1 điểm d). Provinces type these
configurations into their systems by hand; this package checks them.

* [`Workflow`][tthc.workflows.Workflow] — procedure code, version, validity, the process decision ([`LegalRef`][tthc.legal.LegalRef]),
  the published processing time, [`Phase`][tthc.workflows.Phase] s and [`Step`][tthc.workflows.Step] s.
* [`validate`][tthc.workflows.validate] — structured [`Finding`][tthc.procedures.Finding] s with stable codes and severities: critical path
  over the legal limit (counted in working hours on the office windows), steps still at the
  abolished district level, a signer who is not the competent authority, no intake or no return
  step, unknown, unreachable or cyclic steps, zero budgets where the law needs time.
* [`schedule`][tthc.workflows.schedule] — the due instant of every step for a dossier accepted at a given time
  (working time on the calendar, lunch skipped, parallel branches concurrent, joins wait for all).
* [`blame`][tthc.workflows.blame] — from the completion times of the steps, which step consumed the time of a late
  dossier.
* Import/export: JSON through [`tthc.serde`][tthc.serde] ([`to_json`][tthc.serde.to_json], [`from_json`][tthc.serde.from_json]), a CSV layout
  a province can fill in a spreadsheet ([`read_csv`][tthc.workflows.read_csv], [`to_csv`][tthc.workflows.to_csv]; see
  [`CSV_COLUMNS`][tthc.workflows.CSV_COLUMNS]), and a Mermaid diagram ([`mermaid`][tthc.workflows.mermaid]).
* [`examples`][tthc.workflows.examples] — processes modelled on published ones, bundled as data.

Budgets of internal steps are management targets counted as working time from the moment the step
can start (one working day = the length of the office windows, 8 hours by default); the
citizen-facing due date stays the one of the whole procedure (``tthc.deadlines``). A budget's
wording is read by [`tthc.deadlines.parse_processing_time`][tthc.deadlines.parse_processing_time].

Example:
    >>> import datetime as dt
    >>> from tthc.workflows import example, validate
    >>> report = validate(example("chung-thuc.ban-sao-tu-so-goc"), on=dt.date(2026, 6, 1))
    >>> report.ok
    True
"""

from __future__ import annotations

from tthc.workflows._blame import Blame, StepUsage, blame
from tthc.workflows._checks import validate
from tthc.workflows._findings import Finding, Report, Severity
from tthc.workflows._graph import critical_path
from tthc.workflows._io_csv import CSV_COLUMNS, from_csv, read_csv, to_csv
from tthc.workflows._io_json import example, examples, from_json, load, to_json
from tthc.workflows._mermaid import mermaid
from tthc.workflows._model import Phase, Step, Workflow
from tthc.workflows._rules import data_version
from tthc.workflows._schedule import StepDue, schedule

__all__ = [  # noqa: RUF022 - grouped by concept, as the module docstring presents them
    # the model
    "Phase",
    "Step",
    "Workflow",
    # checking a configuration
    "Finding",
    "Report",
    "Severity",
    "critical_path",
    "data_version",
    "validate",
    # one dossier through the process
    "Blame",
    "StepDue",
    "StepUsage",
    "blame",
    "schedule",
    # files: CSV, JSON, Mermaid, bundled examples
    "CSV_COLUMNS",
    "example",
    "examples",
    "from_csv",
    "from_json",
    "load",
    "mermaid",
    "read_csv",
    "to_csv",
    "to_json",
]
