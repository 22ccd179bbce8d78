"""Due dates of administrative dossiers (thời hạn giải quyết hồ sơ thủ tục hành chính).

* [`Duration`][tthc.deadlines.Duration] — a limit with its unit (working days, calendar days, months, working hours
  or minutes, clock hours or minutes, same day with a cut-off, immediate).
* [`parse_processing_time`][tthc.deadlines.parse_processing_time] — reads the wording of real procedures into a
  [`ProcessingTime`][tthc.deadlines.ProcessingTime]: the reading tree of the text ([`Reading`][tthc.deadlines.Reading]: steps, cases,
  alternatives, shares, channels, what was kept apart, each with its fragment) and the
  attributes that have a faithful meaning (base limit, alternatives, cases, cut-off); refuses
  what it cannot read without guessing.
* [`compute_deadline`][tthc.deadlines.compute_deadline] — the due date of a dossier accepted at a given instant, as a
  [`Deadline`][tthc.deadlines.Deadline] that explains itself (every day off skipped, the legal rule applied and the
  fragment of the text each part came from); cases and channels with no default must be named
  (``case=``, ``channel=``; [`CaseRequired`][tthc.errors.CaseRequired] otherwise).
* The clock over a dossier's life: [`restart_after_supplement`][tthc.deadlines.restart_after_supplement],
  [`pause_for_financial_obligation`][tthc.deadlines.pause_for_financial_obligation], [`extend`][tthc.deadlines.extend], [`supplement_closing_date`][tthc.deadlines.supplement_closing_date],
  [`switch_to_alternative`][tthc.deadlines.switch_to_alternative].
* [`classify`][tthc.deadlines.classify] (early / on time / late, by date) and [`metric_766_on_time`][tthc.deadlines.metric_766_on_time] (indicator
  2.1 of Decision 766/QĐ-TTg).

Counting rules follow the Civil Code 2015 (Bộ luật Dân sự, Art. 147–148) and Decree
118/2025/NĐ-CP; their legal references live in ``tthc/data/counting_rules.json``, citing the
registry of legal documents by id. See ``docs/fundamentals/deadlines.md``.

Import every name from here. The implementation lives in private modules, one per concept:
``_durations`` (the value types), ``_reader`` (the processing-time reader: text → reading
tree), ``_processing_time`` ([`ProcessingTime`][tthc.deadlines.ProcessingTime], [`parse_processing_time`][tthc.deadlines.parse_processing_time]), ``_rules`` (the
counting rules), ``_working_time``, ``_engine`` ([`compute_deadline`][tthc.deadlines.compute_deadline], [`Deadline`][tthc.deadlines.Deadline]),
``_lifecycle`` and ``_timeliness``.
"""

from __future__ import annotations

from tthc.deadlines._durations import (
    AgencyShare,
    Alternative,
    AlternativeKind,
    CaseKind,
    CutoffRule,
    Duration,
    DurationUnit,
)
from tthc.deadlines._engine import ChangeKind, Deadline, DeadlineChange, compute_deadline
from tthc.deadlines._lifecycle import (
    extend,
    latest_extension_request,
    pause_for_financial_obligation,
    restart_after_supplement,
    supplement_closing_date,
    switch_to_alternative,
)
from tthc.deadlines._processing_time import (
    MAX_TEXT_LENGTH,
    ProcessingCase,
    ProcessingTime,
    parse_processing_time,
)
from tthc.deadlines._reader import Reading
from tthc.deadlines._rules import CountingRule, counting_rule
from tthc.deadlines._timeliness import (
    Metric766Result,
    SupplementRequest,
    Timeliness,
    classify,
    metric_766_on_time,
)
from tthc.deadlines._working_time import working_time_between

__all__ = [  # noqa: RUF022 - grouped by concept, as the module docstring presents them
    # durations and the processing-time reader
    "MAX_TEXT_LENGTH",
    "AgencyShare",
    "Alternative",
    "AlternativeKind",
    "CaseKind",
    "CutoffRule",
    "Duration",
    "DurationUnit",
    "ProcessingCase",
    "ProcessingTime",
    "Reading",
    "parse_processing_time",
    # the engine and its counting rules
    "CountingRule",
    "Deadline",
    "compute_deadline",
    "counting_rule",
    "working_time_between",
    # the clock over a dossier's life
    "ChangeKind",
    "DeadlineChange",
    "extend",
    "latest_extension_request",
    "pause_for_financial_obligation",
    "restart_after_supplement",
    "supplement_closing_date",
    "switch_to_alternative",
    # timeliness
    "Metric766Result",
    "SupplementRequest",
    "Timeliness",
    "classify",
    "metric_766_on_time",
]
