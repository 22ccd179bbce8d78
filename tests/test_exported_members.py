"""The public surface of tthc, pinned (as httpx's tests/test_exported_members.py does).

A name added to or removed from a public module's ``__all__`` must be added or removed here on
purpose, with a changelog line. Every public class or function has one home: it is exported by
exactly one public module (the top-level ``tthc`` namespace re-exports a few of them lazily, and
``tthc.workload`` is the documented deprecated alias of ``tthc.staffing`` for one release).
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import tthc

SURFACE: dict[str, list[str]] = {
    "tthc.authorities": [
        "Anchor",
        "Authority",
        "AuthorityKind",
        "CompetenceResult",
        "CompetenceRule",
        "Confidence",
        "ReceptionMode",
        "ReceptionResult",
        "RuleLayer",
        "competence_rules",
        "data_version",
        "procedure_keys",
        "reception_points",
        "resolve_authority",
    ],
    "tthc.bulk": [
        "CALENDAR_COLUMNS",
        "TIMELINESS_LABELS",
        "add_working_days",
        "calendar_rows",
        "calendar_sql",
        "classify",
        "compute_due_dates",
        "is_provisional",
        "is_working_day",
        "polars_add_working_days",
        "working_day_ordinal",
        "working_days_between",
    ],
    "tthc.calendar": [
        "DayInfo",
        "DayKind",
        "OfficeHours",
        "WorkCalendar",
        "WorkdayIndex",
        "civil_service_calendar",
    ],
    "tthc.cli": ["main"],
    "tthc.deadlines": [
        "AgencyShare",
        "Alternative",
        "AlternativeKind",
        "CaseKind",
        "ChangeKind",
        "CountingRule",
        "CutoffRule",
        "Deadline",
        "DeadlineChange",
        "Duration",
        "DurationUnit",
        "MAX_TEXT_LENGTH",
        "Metric766Result",
        "ProcessingCase",
        "ProcessingTime",
        "Reading",
        "SupplementRequest",
        "Timeliness",
        "classify",
        "compute_deadline",
        "counting_rule",
        "extend",
        "latest_extension_request",
        "metric_766_on_time",
        "parse_processing_time",
        "pause_for_financial_obligation",
        "restart_after_supplement",
        "supplement_closing_date",
        "switch_to_alternative",
        "working_time_between",
    ],
    "tthc.dossiers": [
        "Actor",
        "ActorRole",
        "Breach",
        "Channel",
        "DeadlineRevision",
        "DeadlineRevisionKind",
        "Dossier",
        "DossierEvent",
        "DossierStatus",
        "EventKind",
        "Handoff",
        "Pause",
        "PauseReason",
        "PortalStatusRecord",
        "SectorRules",
        "SupplementRecord",
        "TRANSITIONS",
        "TimelineEntry",
        "Transition",
        "allowed_events",
        "dossier_rules_version",
        "mermaid_state_diagram",
        "portal_status_record",
    ],
    "tthc.errors": [
        "AmbiguousUnitName",
        "CalendarDataError",
        "CalendarRangeError",
        "CaseRequired",
        "CatalogError",
        "DataFileError",
        "DossierError",
        "DurationError",
        "ExtensionNotAllowed",
        "InputTypeError",
        "InvalidArrayError",
        "InvalidEvent",
        "InvalidTransition",
        "MissingExtraError",
        "NaiveDatetimeError",
        "NoCompetenceRule",
        "ProcessingTimeParseError",
        "ProvisionalCalendarError",
        "RegimeNotModelled",
        "ReportError",
        "SerializationError",
        "TthcError",
        "UnitNotInForce",
        "UnknownProcedure",
        "UnknownUnit",
        "all_error_codes",
    ],
    "tthc.formatting": [
        "date_vi",
        "decimal_vi",
        "long_date_vi",
        "provision_vi",
        "weekday_date_vi",
        "weekday_vi",
    ],
    "tthc.legal": ["LegalRef", "Validity", "document", "documents"],
    "tthc.migrate": [
        "Conversion",
        "MigratedRow",
        "MigrationReport",
        "MigrationStatus",
        "OldPlace",
        "REPORT_COLUMNS",
        "RESULT_COLUMNS",
        "convert_address",
        "convert_addresses",
        "convert_code",
        "convert_codes",
        "migrate_rows",
        "migration_report",
        "rehome",
        "successor_of",
    ],
    "tthc.procedures": [
        "Catalog",
        "Finding",
        "FindingKind",
        "MAX_CATALOG_BYTES",
        "Outcome",
        "Procedure",
        "ProcessingRule",
        "TimeSource",
        "deadline_outcome",
        "lint_catalog",
        "load_catalog",
    ],
    "tthc.reports": [
        "CentreFacts",
        "Column",
        "ControlSlip",
        "CountingRule",
        "DOSSIER_SQL_COLUMNS",
        "Form07a",
        "Form07aRow",
        "Form08b",
        "Form08c",
        "FormSpec",
        "PeriodKind",
        "ProcedureCounts",
        "ReportPeriod",
        "Section",
        "SectionedForm",
        "SlipEntry",
        "TABLE_COLUMNS",
        "classify_dossier",
        "columns",
        "control_slip",
        "dossiers_to_table",
        "due_dates_sql",
        "form_07a",
        "form_07a_from_table",
        "form_07a_sql",
        "form_07b",
        "form_07c",
        "form_08b",
        "form_08c",
        "on_time_rate",
        "parse_period",
        "plot_on_time_rates",
        "sum_07a",
        "to_html",
        "write_xlsx",
    ],
    "tthc.serde": [
        "SCHEMA_VERSION",
        "converter",
        "from_dict",
        "from_json",
        "register_hooks",
        "to_dict",
        "to_json",
    ],
    "tthc.staffing": [
        "ArrivalProfile",
        "Assumption",
        "Assumptions",
        "Capacity",
        "CounterPlan",
        "Demand",
        "DemandRow",
        "DossierCount",
        "EffortSource",
        "EffortTable",
        "MAX_FILE_BYTES",
        "Month",
        "PlanSettings",
        "ProcedureEffort",
        "QueueResult",
        "QueueTargets",
        "ROLE_NAMES",
        "ReformChange",
        "RoleNeed",
        "Slot",
        "UnitPlan",
        "WorkloadPlan",
        "arrival_rates",
        "compute_demand",
        "counters_needed",
        "dossier_counts",
        "effort_table",
        "erlang_b",
        "erlang_c",
        "fte_needed",
        "iter_dossier_counts",
        "load_assumptions",
        "mean_wait",
        "plan_counters",
        "plan_workload",
        "read_dossier_counts",
        "read_efforts",
        "reform_changes",
        "staff_capacity",
    ],
    "tthc.units": [
        "AdministrativeUnit",
        "Succession",
        "UnitKind",
        "UnitLevel",
        "communes",
        "data_version",
        "districts",
        "find_units",
        "legacy_unit",
        "normalize_name",
        "predecessors",
        "provinces",
        "reform_date",
        "require_in_force",
        "successors",
        "suggest_units",
        "unit",
        "unit_by_name",
    ],
    "tthc.workflows": [
        "Blame",
        "CSV_COLUMNS",
        "Finding",
        "Phase",
        "Report",
        "Severity",
        "Step",
        "StepDue",
        "StepUsage",
        "Workflow",
        "blame",
        "critical_path",
        "data_version",
        "example",
        "examples",
        "from_csv",
        "from_json",
        "load",
        "mermaid",
        "read_csv",
        "schedule",
        "to_csv",
        "to_json",
        "validate",
    ],
    "tthc.workload": [
        "ArrivalProfile",
        "Assumption",
        "Assumptions",
        "Capacity",
        "CounterPlan",
        "Demand",
        "DemandRow",
        "DossierCount",
        "EffortSource",
        "EffortTable",
        "MAX_FILE_BYTES",
        "Month",
        "PlanSettings",
        "ProcedureEffort",
        "QueueResult",
        "QueueTargets",
        "ROLE_NAMES",
        "ReformChange",
        "RoleNeed",
        "Slot",
        "UnitPlan",
        "WorkloadPlan",
        "arrival_rates",
        "compute_demand",
        "counters_needed",
        "dossier_counts",
        "effort_table",
        "erlang_b",
        "erlang_c",
        "fte_needed",
        "load_assumptions",
        "mean_wait",
        "plan_counters",
        "plan_workload",
        "read_dossier_counts",
        "read_efforts",
        "reform_changes",
        "staff_capacity",
    ],
}

ALIASES = {"tthc.workload": "tthc.staffing"}


def _public_modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.iter_modules(tthc.__path__, "tthc.")
        if not info.name.split(".")[-1].startswith("_")
    )


def test_the_public_modules_are_pinned() -> None:
    assert _public_modules() == sorted(SURFACE)


def test_every_public_module_exports_exactly_the_pinned_names() -> None:
    for name, exported in SURFACE.items():
        module = importlib.import_module(name)
        assert sorted(module.__all__) == exported, name
        for item in exported:
            assert hasattr(module, item), f"{name}.__all__ names missing {item}"


def test_one_home_per_name() -> None:
    homes: dict[int, list[str]] = {}
    keep: list[Any] = []
    for name in SURFACE:
        if name in ALIASES:
            continue
        module = importlib.import_module(name)
        for item in module.__all__:
            value = getattr(module, item)
            if isinstance(value, type) or callable(value):
                keep.append(value)
                homes.setdefault(id(value), []).append(f"{name}.{item}")
    shared = [paths for paths in homes.values() if len(paths) > 1]
    assert shared == []


def test_aliases_reexport_their_target() -> None:
    for alias, target in ALIASES.items():
        old, new = importlib.import_module(alias), importlib.import_module(target)
        # the alias keeps the names of its last release; each is the target's object
        assert set(old.__all__) <= set(new.__all__)
        assert all(getattr(old, n) is getattr(new, n) for n in old.__all__)


def test_top_level_names_are_their_homes() -> None:
    for item in tthc.__all__:
        value = getattr(tthc, item)
        if item in ("VN_TZ", "__version__"):
            continue
        homes = [
            n
            for n, names in SURFACE.items()
            if item in names
            and n not in ALIASES
            and getattr(importlib.import_module(n), item) is value
        ]
        assert len(homes) == 1, (item, homes)
