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
        validity: When the rule is in force (with these references).
        design_note: Where the rule is tthc's reading rather than the letter of the law.
        earlier: The same rule under earlier regimes, each with its own ``validity`` and
            ``legal_refs`` (a 2020 acceptance cites Nghị định 61/2018/NĐ-CP, not 118/2025):
            [`on`][tthc.deadlines.CountingRule.on] picks the one in force on a date.
    """

    id: str
    name_vi: str
    name_en: str
    summary_vi: str
    summary_en: str
    legal_refs: tuple[LegalRef, ...]
    validity: Validity = attrs.field(factory=Validity)
    design_note: str = ""
    earlier: tuple[CountingRule, ...] = ()

    def on(self, day: _dt.date) -> CountingRule:
        """Return the rule with the legal basis in force on ``day`` (this one by default).

        Citations depend on the date through the validity periods in the data, never on a
        guess: before ``validity.start`` the earlier regime's entry answers; on a day no entry
        covers, the rule is applied as it reads today with **no** legal reference and a note
        saying so (a wrong citation is worse than none).
        """
        if self.validity.contains(day):
            return self
        found = next((old for old in self.earlier if old.validity.contains(day)), None)
        return found if found is not None else _before_known_regimes(self, day)

    def cite(self) -> str:
        """Return the legal basis on one line: ``"khoản 3 Điều 17, Nghị định 118/2025/NĐ-CP …"``."""
        return "; ".join(ref.cite() for ref in self.legal_refs)

    def to_dicts(self) -> list[dict[str, Any]]:
        """The legal basis as JSON: one [`LegalRef.to_dict`][tthc.legal.LegalRef.to_dict] per document cited."""
        return [ref.to_dict() for ref in self.legal_refs]


_FILE = "counting_rules.json"


def _before_known_regimes(rule: CountingRule, day: _dt.date) -> CountingRule:
    """The rule on a day none of its regimes covers: the counting of today, cited to nothing."""
    starts = [r.validity.start for r in (rule, *rule.earlier) if r.validity.start is not None]
    first = min(starts) if starts else day
    return attrs.evolve(
        rule,
        legal_refs=(),
        validity=Validity(None, first - _dt.timedelta(days=1)),
        design_note=(
            f"Trước ngày {first:%d/%m/%Y} tthc không có văn bản nào về quy tắc này: cách tính là "
            "của quy định hiện hành, không dẫn căn cứ pháp lý. / Before "
            f"{first:%d/%m/%Y} tthc holds no document for this rule: it is counted as the rule "
            "reads today, with no legal basis cited."
        ),
        earlier=(),
    )


def _date_or_none(value: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


def _rule_of(row: dict[str, Any], parent: dict[str, Any] | None = None) -> CountingRule:
    validity = row.get("validity") or {}
    names = parent or row  # an earlier regime's entry keeps the rule's id and names
    return CountingRule(
        id=names["id"],
        name_vi=names["name_vi"],
        name_en=names["name_en"],
        summary_vi=names["summary_vi"],
        summary_en=names["summary_en"],
        legal_refs=tuple(LegalRef.from_mapping(ref, where=_FILE) for ref in row["refs"]),
        validity=Validity(_date_or_none(validity.get("start")), _date_or_none(validity.get("end"))),
        design_note=row.get("design", ""),
        earlier=tuple(_rule_of(old, row) for old in row.get("earlier", ())),
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
