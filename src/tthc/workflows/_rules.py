"""The legal facts the checks rest on, read from ``tthc/data/workflows/rules.json``.

Which levels of local government exist on a date (the district level ended on 30/6/2025), and
the legal basis named by each finding code. Every citation names a document of the registry
(``tthc/data/documents.json``) by id.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Mapping
from typing import Any

import attrs

from tthc._data import bundled_json
from tthc.errors import DataFileError
from tthc.legal import LegalRef, Validity
from tthc.units import UnitLevel

__all__: list[str] = []  # private module

_FILE = "workflows/rules.json"
_WHERE = "in tthc/data/workflows/rules.json"


@attrs.frozen(slots=True)
class LevelRule:
    """When a level of local government exists, and why (one row of ``levels``)."""

    level: UnitLevel
    validity: Validity
    legal_basis: LegalRef
    note: str
    also: tuple[LegalRef, ...] = ()


@attrs.frozen(slots=True)
class Rules:
    """The whole rule file."""

    data_version: str
    levels: tuple[LevelRule, ...]
    refs: Mapping[str, LegalRef]


def _date(value: Any) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


def _level(row: Mapping[str, Any]) -> LevelRule:
    return LevelRule(
        level=UnitLevel(row["level"]),
        validity=Validity(_date(row["valid_from"]), _date(row["valid_to"])),
        legal_basis=LegalRef.from_mapping(row["legal_basis"], where=_WHERE),
        note=str(row.get("note", "")),
        also=tuple(LegalRef.from_mapping(ref, where=_WHERE) for ref in row.get("also", ())),
    )


@functools.cache
def rules() -> Rules:
    """Return the bundled rule data (read once).

    Raises:
        DataFileError: the file is missing or malformed.
    """
    raw = bundled_json(_FILE)
    try:
        levels = tuple(_level(row) for row in raw["levels"])
        refs = {
            code: LegalRef.from_mapping(entry, where=_WHERE)
            for code, entry in raw["findings"].items()
        }
        return Rules(str(raw["data_version"]), levels, refs)
    except (KeyError, TypeError, ValueError) as exc:  # pragma: no cover - guarded by tests
        raise DataFileError(
            f"Dữ liệu quy trình (workflow rule data) is malformed: {exc}", file=_FILE
        ) from exc


def data_version() -> str:
    """Return the version of the bundled workflow rule data."""
    return rules().data_version


def finding_ref(code: str) -> LegalRef:
    """Return the legal basis of the finding ``code``."""
    return rules().refs[code]


def level_rule(level: UnitLevel) -> LevelRule:
    """Return the rule of ``level``."""
    for rule in rules().levels:
        if rule.level is level:
            return rule
    raise DataFileError(  # pragma: no cover - every level is in the data
        f"Cấp (level) {level.value} has no rule in the workflow data", field="level"
    )
