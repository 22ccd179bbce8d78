"""Counting rules (quy tắc tính thời hạn) with their legal basis, from ``data/counting_rules.json``."""

from __future__ import annotations

import datetime as _dt
import functools
from typing import Any

import attrs

from tthc._data import bundled_json
from tthc.errors import DataFileError
from tthc.legal import LegalRef, Validity

__all__ = ["CountingRule", "counting_rule"]


@attrs.frozen(slots=True)
class CountingRule:
    """A counting rule with its legal basis, as stored in ``data/counting_rules.json``.

    Attributes:
        id: Stable identifier (``"working_days"``, ``"calendar_days"``, ``"restart_after_supplement"``
            ...).
        name_vi: Vietnamese name.
        name_en: English name.
        summary_vi: The rule in one Vietnamese sentence.
        summary_en: The rule in one English sentence.
        legal_refs: The articles it rests on.
        validity: When the rule is in force.
        design_note: Where the rule is tthc's reading rather than the letter of the law.
    """

    id: str
    name_vi: str
    name_en: str
    summary_vi: str
    summary_en: str
    legal_refs: tuple[LegalRef, ...]
    validity: Validity = attrs.field(factory=Validity)
    design_note: str = ""

    def cite(self) -> str:
        """Return the legal basis on one line, e.g. ``"Điều 17.3, Nghị định 118/2025/NĐ-CP ..."``."""
        return "; ".join(ref.cite() for ref in self.legal_refs)

    def to_dicts(self) -> list[dict[str, Any]]:
        """The legal basis as JSON: one :meth:`LegalRef.to_dict` per document cited."""
        return [ref.to_dict() for ref in self.legal_refs]


_FILE = "counting_rules.json"


def _date_or_none(value: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


def _rule_of(row: dict[str, Any]) -> CountingRule:
    validity = row.get("validity") or {}
    return CountingRule(
        id=row["id"],
        name_vi=row["name_vi"],
        name_en=row["name_en"],
        summary_vi=row["summary_vi"],
        summary_en=row["summary_en"],
        legal_refs=tuple(LegalRef.from_mapping(ref, where=_FILE) for ref in row["refs"]),
        validity=Validity(_date_or_none(validity.get("start")), _date_or_none(validity.get("end"))),
        design_note=row.get("design", ""),
    )


@functools.cache
def _counting_rules() -> dict[str, CountingRule]:
    try:
        return {row["id"]: _rule_of(row) for row in bundled_json(_FILE)["rules"]}
    except (KeyError, TypeError, ValueError) as err:
        if isinstance(err, DataFileError):
            raise
        raise DataFileError(
            f"Dữ liệu quy tắc tính thời hạn (counting rules data) is malformed: {err!r}",
            file=_FILE,
        ) from None


def _rule(rule_id: str) -> CountingRule:
    return _counting_rules()[rule_id]


def counting_rule(rule_id: str) -> CountingRule:
    """Return the counting rule ``rule_id`` with its legal basis.

    Raises:
        DataFileError: no such rule in ``data/counting_rules.json``.
    """
    rules = _counting_rules()
    if rule_id not in rules:
        raise DataFileError(
            f"Quy tắc tính thời hạn (counting rule) {rule_id!r} is not defined",
            file=_FILE,
            field="id",
            known=sorted(rules),
        )
    return rules[rule_id]
