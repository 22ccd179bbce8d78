"""Private: the catalogue layer of the competence table (``data/competence/catalogue.json``).

For a procedure of the national snapshot with no researched rule, [`tthc.authorities`][tthc.authorities] asks
`catalogue_rules` for one rule derived from the record: the published competent authority
mapped onto an [`AuthorityKind`][tthc.authorities.AuthorityKind] only when its text is one of the exact
texts of the data file, else returned as published (``AuthorityKind.AS_PUBLISHED``, the text in
``body``). The legal basis is the record's announcing decision; the layer is ``CATALOGUE``, below
every researched rule.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Mapping
from typing import Any

import attrs

from tthc._data import bundled_json
from tthc._text import fold
from tthc.authorities import Anchor, AuthorityKind, CompetenceRule, Confidence, RuleLayer
from tthc.errors import DataFileError
from tthc.legal import LegalRef, Validity
from tthc.procedures._national import NationalEntry, announcing_decision, national_data

__all__ = ["CatalogueLayer", "catalogue_layer", "catalogue_rules", "map_published"]

_FILE = "competence/catalogue.json"


@attrs.frozen(slots=True)
class CatalogueLayer:
    """The settings of the catalogue layer, read from ``data/competence/catalogue.json``."""

    data_version: str
    valid_from: _dt.date
    valid_from_basis: LegalRef
    kinds: Mapping[str, tuple[AuthorityKind, str]]
    confidence_mapped: Confidence
    confidence_as_published: Confidence


@functools.cache
def catalogue_layer() -> CatalogueLayer:
    """The layer's settings (read once)."""
    raw: dict[str, Any] = bundled_json(_FILE)
    try:
        kinds = {
            text: (AuthorityKind[row["authority"]], str(row.get("body", "")))
            for text, row in raw["kinds"].items()
        }
        return CatalogueLayer(
            data_version=str(raw["data_version"]),
            valid_from=_dt.date.fromisoformat(raw["valid_from"]),
            valid_from_basis=LegalRef.from_mapping(raw["valid_from_basis"]),
            kinds=kinds,
            confidence_mapped=Confidence(raw["confidence_mapped"]),
            confidence_as_published=Confidence(raw["confidence_as_published"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(
            f"Tệp dữ liệu (data file) {_FILE} is malformed: {exc!r}", file=_FILE
        ) from None


def map_published(text: str) -> tuple[AuthorityKind, str] | None:
    """The kind (and body) of a published authority text, or ``None`` when it does not map."""
    key = fold(text).strip().rstrip(".").strip()
    return catalogue_layer().kinds.get(key)


@functools.cache
def catalogue_rules(code: str) -> tuple[CompetenceRule, ...]:
    """The catalogue rule of a national code (one rule), or ``()`` when the code is not there."""
    entry = national_data().entries.get(code)
    if entry is None:
        return ()
    return (_rule(entry),)


def _rule(entry: NationalEntry) -> CompetenceRule:
    layer = catalogue_layer()
    mapped = map_published(entry.authority) if entry.authority else None
    published = entry.authority
    note = (
        f"Theo Cổng Dịch vụ công quốc gia ({national_data().snapshot.isoformat()}): cấp thực hiện "
        f"{', '.join(entry.levels) or '-'}; cơ quan có thẩm quyền {published or '-'}; cơ quan "
        f"thực hiện {entry.executing or '-'}."
    )
    if mapped is None:
        kind, body, confidence = (
            AuthorityKind.AS_PUBLISHED,
            published,
            layer.confidence_as_published,
        )
        note += " Không ánh xạ (not mapped): trả về như công bố (returned as published)."
    else:
        (kind, body), confidence = mapped, layer.confidence_mapped
    return CompetenceRule(
        id=f"catalogue/{entry.code}",
        procedure=entry.code,
        procedure_codes=(entry.code,),
        name_vi=entry.name,
        field=entry.field,
        variant=(),
        authority_kind=kind,
        anchor=Anchor.UNSPECIFIED,
        validity=Validity(layer.valid_from, None),
        legal_basis=announcing_decision(entry.decision, entry.publisher),
        also=(layer.valid_from_basis,),
        confidence=confidence,
        layer=RuleLayer.CATALOGUE,
        body=body,
        note=note,
    )
