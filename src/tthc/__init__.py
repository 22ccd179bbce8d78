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

from tthc._time import VN_TZ
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

# The most used names, each re-exported lazily from its one home (the module named in _LAZY).
__all__ = [  # noqa: RUF022 - grouped by layer, as the docs present them
    # Vietnam time and the package version
    "VN_TZ",
    "__version__",
    # Errors and legal references
    "TthcError",
    "LegalRef",
    "Validity",
    # The working calendar (tthc.calendar)
    "WorkCalendar",
    "DayInfo",
    "DayKind",
    "OfficeHours",
    "civil_service_calendar",
    # Processing times and due dates (tthc.deadlines)
    "Duration",
    "ProcessingTime",
    "parse_processing_time",
    "Deadline",
    "compute_deadline",
    "Timeliness",
    "classify",
    # Dossiers and their storage (tthc.dossiers, tthc.serde)
    "Dossier",
    "DossierEvent",
    "DossierStatus",
    "EventKind",
    "to_json",
    "from_json",
    # Procedures and competent authorities (tthc.procedures, tthc.authorities)
    "load_catalog",
    "resolve_authority",
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
