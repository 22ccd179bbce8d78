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
    from tthc.calendar import DayInfo, DayKind, OfficeHours, WorkCalendar, civil_service_calendar
    from tthc.errors import TthcError
    from tthc.legal import LegalRef, Validity

__all__ = [
    "VN_TZ",
    "DayInfo",
    "DayKind",
    "LegalRef",
    "OfficeHours",
    "TthcError",
    "Validity",
    "WorkCalendar",
    "__version__",
    "civil_service_calendar",
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
