"""tthc: Vietnamese administrative-procedure (thủ tục hành chính) rules as a Python library.

Public-sector working days, due dates of dossiers, the dossier life cycle under Decree
118/2025/NĐ-CP and competent authorities under the two-level local government, each answer with
its legal basis.

``import tthc`` is cheap: the names below are imported on first access, and the calendar and the
data tables are built on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from tthc._validate import VN_TZ
from tthc._version import __version__

if TYPE_CHECKING:
    from tthc.authorities import resolve_authority
    from tthc.calendar import DayInfo, DayKind, OfficeHours, WorkCalendar, civil_service_calendar
    from tthc.deadlines import (
        Deadline,
        Duration,
        ProcessingTime,
        Timeliness,
        classify,
        compute_deadline,
        parse_processing_time,
    )
    from tthc.dossiers import Dossier, DossierEvent, DossierStatus, EventKind
    from tthc.errors import TthcError
    from tthc.legal import LegalRef, Validity
    from tthc.procedures import load_catalog
    from tthc.serde import from_json, to_json

__all__ = [
    "VN_TZ",
    "DayInfo",
    "DayKind",
    "Deadline",
    "Dossier",
    "DossierEvent",
    "DossierStatus",
    "Duration",
    "EventKind",
    "LegalRef",
    "OfficeHours",
    "ProcessingTime",
    "Timeliness",
    "TthcError",
    "Validity",
    "WorkCalendar",
    "__version__",
    "civil_service_calendar",
    "classify",
    "compute_deadline",
    "from_json",
    "load_catalog",
    "parse_processing_time",
    "resolve_authority",
    "to_json",
]

_LAZY = {
    "DayInfo": "tthc.calendar",
    "DayKind": "tthc.calendar",
    "OfficeHours": "tthc.calendar",
    "WorkCalendar": "tthc.calendar",
    "civil_service_calendar": "tthc.calendar",
    "TthcError": "tthc.errors",
    "LegalRef": "tthc.legal",
    "Validity": "tthc.legal",
    "Deadline": "tthc.deadlines",
    "Duration": "tthc.deadlines",
    "ProcessingTime": "tthc.deadlines",
    "Timeliness": "tthc.deadlines",
    "classify": "tthc.deadlines",
    "compute_deadline": "tthc.deadlines",
    "parse_processing_time": "tthc.deadlines",
    "Dossier": "tthc.dossiers",
    "DossierEvent": "tthc.dossiers",
    "DossierStatus": "tthc.dossiers",
    "EventKind": "tthc.dossiers",
    "to_json": "tthc.serde",
    "from_json": "tthc.serde",
    "load_catalog": "tthc.procedures",
    "resolve_authority": "tthc.authorities",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tthc' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
