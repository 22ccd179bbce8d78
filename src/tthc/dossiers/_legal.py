"""The legal data of the dossier life cycle, read from ``tthc/data/dossier_rules.json``.

The file holds what the law and the national portal say (portal codes, who records each event,
the transition rows with the rule they follow, the rules' legal basis, the national limits and
the breaches); documents are cited by their id in the registry (``data/documents.json``).
Nothing here knows the enumerations: entries are keyed by their string values.
"""

from __future__ import annotations

import datetime as _dt
import functools
import types
from collections.abc import Mapping
from typing import Any, NamedTuple

import attrs

from tthc._data import bundled_json
from tthc.errors import DataFileError
from tthc.legal import LegalRef, Validity, documents

__all__: list[str] = []  # private module

DATA_FILE = "dossier_rules.json"


class Limit(NamedTuple):
    """A national period of the life cycle and its legal basis."""

    value: int
    legal_ref: LegalRef


class BreachText(NamedTuple):
    """The words of a breach (Vietnamese, then English) and the rule it breaches."""

    text: str
    legal_ref: LegalRef


@attrs.frozen(slots=True)
class RulesData:
    """The parsed file: legal references resolved, everything else as stored."""

    data_version: str
    regime_name: str
    regime_before: str
    regime_ref: LegalRef
    regime_validity: Validity
    channels: Mapping[str, Mapping[str, Any]]
    statuses: Mapping[str, Mapping[str, Any]]
    events: Mapping[str, Mapping[str, Any]]
    rules: Mapping[str, LegalRef]
    rule_text: Mapping[str, str]
    limits: Mapping[str, Limit]
    breaches: Mapping[str, BreachText]
    event_refs: Mapping[str, LegalRef]


@functools.cache
def raw() -> Mapping[str, Any]:
    """Return the bundled file as parsed JSON (duplicate keys refused), read once."""
    data: Mapping[str, Any] = bundled_json(DATA_FILE)
    return data


@functools.cache
def rules() -> RulesData:
    """Return the bundled legal data, parsed once."""
    return parse_rules(raw())


def dossier_rules_version() -> str:
    """Return the ``data_version`` of the bundled dossier rules (``dossier_rules.json``)."""
    return rules().data_version


def cite(entry: Mapping[str, Any], where: str) -> LegalRef:
    """Resolve the citation ``{"doc": id, "article": ...}`` of an entry of the file."""
    doc = entry.get("doc")
    if not isinstance(doc, str) or doc not in documents():
        raise DataFileError(
            f"Tệp dữ liệu (data file) {DATA_FILE}: {where} names an unknown document",
            file=DATA_FILE,
            path=where,
        )
    citation = {"doc": doc}
    if entry.get("article"):
        citation["article"] = entry["article"]
    return LegalRef.from_mapping(citation, where=where)


def _date(value: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


def parse_rules(raw: Mapping[str, Any]) -> RulesData:
    """Parse the file's content (a mapping as stored), resolving every legal reference."""
    regime = raw["regime"]
    period = regime["validity"]
    entries = raw["rules"]
    return RulesData(
        data_version=str(raw["data_version"]),
        regime_name=f"{regime['name_vi']} ({regime['name_en']})",
        regime_before=str(regime["before"]),
        regime_ref=cite(regime, "regime"),
        regime_validity=Validity(start=_date(period["start"]), end=_date(period["end"])),
        channels=types.MappingProxyType(raw["channels"]),
        statuses=types.MappingProxyType(raw["statuses"]),
        events=types.MappingProxyType(raw["events"]),
        rules=types.MappingProxyType(
            {key: cite(value, f"rules.{key}") for key, value in entries.items()}
        ),
        rule_text=types.MappingProxyType({key: str(value["en"]) for key, value in entries.items()}),
        limits=types.MappingProxyType(
            {
                key: Limit(int(value["value"]), cite(value, f"limits.{key}"))
                for key, value in raw["limits"].items()
            }
        ),
        breaches=types.MappingProxyType(
            {
                key: BreachText(f"{value['vi']} ({value['en']})", cite(value, f"breaches.{key}"))
                for key, value in raw["breaches"].items()
            }
        ),
        event_refs=types.MappingProxyType(
            {
                key: cite(value, f"events.{key}")
                for key, value in raw["events"].items()
                if "doc" in value
            }
        ),
    )
