"""The bundled rules of the reports (``data/reports.json``), read once."""

from __future__ import annotations

import datetime as _dt
import functools
from typing import Any

import attrs

from tthc._data import bundled_json
from tthc.errors import DataFileError
from tthc.legal import LegalRef

_FILE = "reports.json"


@attrs.frozen(slots=True)
class Column:
    """One numbered column of a statistical form.

    Attributes:
        key: The stable name other systems use (``"received_online_full"``).
        number: The official column number printed on the form (``4``).
        name_vi: The Vietnamese heading.
        name_en: The English meaning.
        sum_of: The keys this column is the sum of (the form's identities), if any.
    """

    key: str
    number: int
    name_vi: str
    name_en: str
    sum_of: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class CountingRule:
    """How one kind of count is decided, with the source relied on."""

    key: str
    rule: str
    legal_ref: LegalRef


@attrs.frozen(slots=True)
class FormSpec:
    """A statistical form of the circular: its number, title, sections and source."""

    number: str
    title_vi: str
    valid_from: _dt.date
    legal_ref: LegalRef
    sections: tuple[tuple[str, str], ...]
    note: str = ""


@attrs.frozen(slots=True)
class _Rules:
    cutoff_day: int
    period_ref: LegalRef
    period_applied_by: LegalRef
    months: frozenset[int]
    quarters: frozenset[int]
    half_years: frozenset[int]
    yearly: bool
    frequency_ref: LegalRef
    form_07a_columns: tuple[Column, ...]
    counting: tuple[CountingRule, ...]
    forms: dict[str, FormSpec]


def _ref(raw: Any, where: str) -> LegalRef:
    return LegalRef.from_mapping(raw, where=f"in {_FILE} {where}")


def _columns(raw: list[dict[str, Any]]) -> tuple[Column, ...]:
    return tuple(
        Column(
            key=str(item["key"]),
            number=int(item["number"]),
            name_vi=str(item["name_vi"]),
            name_en=str(item["name_en"]),
            sum_of=tuple(item.get("sum_of", ())),
        )
        for item in raw
    )


def _form(key: str, raw: dict[str, Any]) -> FormSpec:
    return FormSpec(
        number=f"{key}/BTP/KSTT",
        title_vi=str(raw["title_vi"]),
        valid_from=_dt.date.fromisoformat(raw["valid_from"]),
        legal_ref=_ref(raw["legal_ref"], f"forms.{key}"),
        sections=tuple((str(s["key"]), str(s["title_vi"])) for s in raw.get("sections", ())),
        note=str(raw.get("_note", "")),
    )


@functools.cache
def rules() -> _Rules:
    """Return the rules of ``reports.json`` (cached: the file is immutable)."""
    raw = bundled_json(_FILE)
    try:
        periods, frequency, form = raw["periods"], raw["frequency"], raw["forms"]["07a"]
        return _Rules(
            cutoff_day=int(periods["cutoff_day"]),
            period_ref=_ref(periods["legal_ref"], "periods"),
            period_applied_by=_ref(periods["applied_by"], "periods"),
            months=frozenset(frequency["months"]),
            quarters=frozenset(frequency["quarters"]),
            half_years=frozenset(frequency["half_years"]),
            yearly=bool(frequency["yearly"]),
            frequency_ref=_ref(frequency["legal_ref"], "frequency"),
            form_07a_columns=_columns(form["columns"]),
            forms={key: _form(key, value) for key, value in raw["forms"].items()},
            counting=tuple(
                CountingRule(str(c["key"]), str(c["rule"]), _ref(c["legal_ref"], c["key"]))
                for c in raw["counting"]
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(
            f"Tệp dữ liệu (data file) {_FILE} is not in the expected shape ({exc!r})",
            file=_FILE,
        ) from None
