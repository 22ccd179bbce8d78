"""Legal references and validity periods, attached to every legal fact tthc ships.

Every row of every data file under ``tthc/data`` names the document it comes from
([`LegalRef`][tthc.legal.LegalRef]) and, where the rule can change, the period in which it is in force
([`Validity`][tthc.legal.Validity]). Answers produced by tthc carry these objects so that a caller can show *why*.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from tthc._validate import require_date
from tthc.errors import DataFileError

__all__ = ["LegalRef", "Validity", "document", "documents"]


@attrs.frozen(slots=True)
class LegalRef:
    """A citation of a legal or administrative document.

    Attributes:
        document: Number/symbol of the document as printed, e.g. ``"118/2025/NĐ-CP"`` or
            ``"12729/VPCP-KGVX"``. For unnumbered documents, a short description.
        kind: Kind of document in Vietnamese (``"Nghị định"``, ``"Công văn"``, ``"Thông báo"``,
            ``"Luật"``, ``"Quyết định"``, ...).
        issuer: Issuing body (``"Chính phủ"``, ``"Văn phòng Chính phủ"``, ``"Bộ Nội vụ"``, ...).
        date: Date of issue, when known.
        article: Article/clause cited (``"Điều 19.5"``), when the reference is that precise.
        url: Where a public copy was read, when known.
        title: Short title or subject, optional.
        confidence: How the fact was established: ``"official"`` (the text itself or a
            government page reproducing it), ``"press"`` (a news report of the decision) or
            ``"reported"`` (secondary sources only, not yet confirmed).
    """

    document: str
    kind: str = ""
    issuer: str = ""
    date: _dt.date | None = None
    article: str = ""
    url: str = ""
    title: str = ""
    confidence: str = "official"

    def __attrs_post_init__(self) -> None:
        if not self.document.strip():
            raise DataFileError(
                "Văn bản (legal document): the document number must not be empty",
                hint="give the number/symbol as printed, e.g. '118/2025/NĐ-CP'",
                field="document",
            )
        if self.date is not None:
            require_date(self.date, "date")
        if self.confidence not in _CONFIDENCE:
            raise DataFileError(
                f"Độ tin cậy (confidence) {self.confidence!r} is not one of {sorted(_CONFIDENCE)}",
                field="confidence",
            )

    @property
    def provision(self) -> str:
        """The article cited in the Vietnamese order: ``"khoản 5 Điều 19"`` for ``"Điều 19.5"``.

        See [`tthc.formatting.provision_vi`][tthc.formatting.provision_vi]; empty when the reference names no article.
        """
        # Imported here: tthc.formatting compiles its patterns at import, and the first calendar
        # (which holds legal references but does not print them) need not pay for it.
        from tthc.formatting import provision_vi  # noqa: PLC0415

        return provision_vi(self.article)

    def cite(self) -> str:
        """Return a one-line citation, Vietnamese style (the smallest unit first).

        Example: ``"khoản 5 Điều 19, Nghị định 118/2025/NĐ-CP (Chính phủ, 09/06/2025)"`` for
        ``article="Điều 19.5"``.
        """
        head = " ".join(part for part in (self.kind, self.document) if part)
        if self.article:
            head = f"{self.provision}, {head}"
        details = ", ".join(
            part
            for part in (self.issuer, self.date.strftime("%d/%m/%Y") if self.date else "")
            if part
        )
        return f"{head} ({details})" if details else head

    def __str__(self) -> str:
        return self.cite()

    def to_dict(self) -> dict[str, Any]:
        """The one JSON shape of a legal reference, used by every command, record and export.

        Absent values are ``None`` (JSON ``null``); ``date`` is ISO 8601; ``citation`` is
        [`cite`][tthc.legal.LegalRef.cite]. Example: ``{"document": "118/2025/NĐ-CP", "kind": "Nghị định", ...,
        "citation": "khoản 5 Điều 19, Nghị định 118/2025/NĐ-CP (Chính phủ, 09/06/2025)"}``.
        """
        return {
            "document": self.document,
            "kind": self.kind or None,
            "issuer": self.issuer or None,
            "date": None if self.date is None else self.date.isoformat(),
            "article": self.article or None,
            "url": self.url or None,
            "title": self.title or None,
            "confidence": self.confidence,
            "citation": self.cite(),
        }

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, where: str = "") -> LegalRef:
        """Build from a mapping as stored in data files (dates as ISO strings).

        Two forms are read. The bundled data files cite a document of the registry by id,
        ``{"doc": "118-2025-nd-cp", "article": "Điều 19.5"}``, optionally with a ``title``,
        ``url`` or a lower ``confidence`` for the fact of that row. A user's file may also
        spell the whole reference out with the attributes of [`LegalRef`][tthc.legal.LegalRef].

        Raises:
            DataFileError: ``data`` is not a mapping, names an unknown document id, has a field
                other than those allowed, or a value that is not a string (``field`` names it).
        """
        if not isinstance(data, Mapping):
            raise DataFileError(
                f"Căn cứ pháp lý (legal reference) must be an object {where}".strip(),
                field="legal_ref",
            )
        if "doc" in data:
            return _cite_registered(data, where)
        for key, value in data.items():
            if key not in _MAPPING_KEYS:
                raise DataFileError(
                    f"Căn cứ pháp lý (legal reference): unknown field {key!r} {where}".strip(),
                    hint="fields: " + ", ".join(sorted(_MAPPING_KEYS)),
                    field=key,
                )
            if value is not None and not isinstance(value, str):
                raise DataFileError(
                    f"Căn cứ pháp lý (legal reference): field {key!r} must be a string, got "
                    f"{type(value).__name__} {where}".strip(),
                    field=key,
                )
        raw_date = data.get("date") or None
        parsed: _dt.date | None = None
        if raw_date is not None:
            try:
                parsed = _dt.date.fromisoformat(str(raw_date))
            except ValueError:
                raise DataFileError(
                    f"Ngày ban hành (date of issue) {raw_date!r} is not an ISO date {where}".strip(),
                    hint="write dates as YYYY-MM-DD",
                    field="date",
                ) from None
        return cls(
            document=str(data.get("document", "")),
            kind=str(data.get("kind", "")),
            issuer=str(data.get("issuer", "")),
            date=parsed,
            article=str(data.get("article", "")),
            url=str(data.get("url", "")),
            title=str(data.get("title", "")),
            confidence=str(data.get("confidence", "official")),
        )


_CONFIDENCE = frozenset({"official", "press", "reported"})
_CONFIDENCE_RANK = {"reported": 0, "press": 1, "official": 2}
_CITATION_KEYS = frozenset({"doc", "article", "title", "url", "confidence"})


def _cite_registered(data: Mapping[str, Any], where: str) -> LegalRef:
    unknown = sorted(set(data) - _CITATION_KEYS)
    if unknown:
        raise DataFileError(
            f"Căn cứ pháp lý (legal reference): unknown field {unknown[0]!r} {where}".strip(),
            hint="a citation of the registry has: " + ", ".join(sorted(_CITATION_KEYS)),
            field=unknown[0],
        )
    for key, value in data.items():
        if not isinstance(value, str):
            raise DataFileError(
                f"Căn cứ pháp lý (legal reference): field {key!r} must be a string, got "
                f"{type(value).__name__} {where}".strip(),
                field=key,
            )
    base = document(data["doc"])
    confidence = data.get("confidence", base.confidence)
    if confidence not in _CONFIDENCE:
        raise DataFileError(
            f"Độ tin cậy (confidence) {confidence!r} is not one of {sorted(_CONFIDENCE)} "
            f"{where}".strip(),
            field="confidence",
        )
    if _CONFIDENCE_RANK[confidence] > _CONFIDENCE_RANK[base.confidence]:
        raise DataFileError(
            f"Độ tin cậy (confidence) {confidence!r} is higher than that of the document "
            f"{base.document} ({base.confidence!r}) {where}".strip(),
            hint="raise the document's confidence in data/documents.json once it is confirmed",
            field="confidence",
        )
    # attrs.evolve(base, article=..., title=..., url=..., confidence=...), spelt out: evolve
    # walks the fields at every call, and the first calendar cites the registry 40 times.
    return LegalRef(
        document=base.document,
        kind=base.kind,
        issuer=base.issuer,
        date=base.date,
        article=data.get("article", ""),
        url=data.get("url", base.url),
        title=data.get("title", base.title),
        confidence=confidence,
    )


@functools.cache
def documents() -> Mapping[str, LegalRef]:
    """Return the registry of legal documents cited by the bundled data, keyed by id.

    The registry is ``tthc/data/documents.json``: one entry per document (number, kind,
    issuer, date, title, where it was read, confidence). Data files cite a document by its id.
    """
    return MappingProxyType({key: _registered(key) for key in _registry_entries()})


def document(doc_id: str) -> LegalRef:
    """Return the registered document ``doc_id`` (e.g. ``"118-2025-nd-cp"``), with no article.

    Raises:
        DataFileError: No document has that id (``context['doc']``).
    """
    try:
        return _registered(doc_id)
    except (KeyError, TypeError):
        raise DataFileError(
            f"Văn bản (legal document) {doc_id!r} is not in the document registry",
            hint="add it to tthc/data/documents.json, or cite one of its ids",
            doc=str(doc_id),
        ) from None


@functools.cache
def _registry_entries() -> Mapping[str, Any]:
    """The entries of ``documents.json``, keyed by id, each read on its first citation."""
    from tthc._data import bundled_json  # noqa: PLC0415 - _data imports this module's errors

    raw = bundled_json("documents.json")
    entries = raw.get("documents") if isinstance(raw, dict) else None
    if not isinstance(entries, dict):
        raise DataFileError(
            "Danh mục văn bản (document registry) documents.json has no 'documents' object",
            file="documents.json",
        )
    return MappingProxyType(entries)


@functools.cache
def _registered(doc_id: str) -> LegalRef:
    """The registered document ``doc_id``, built once (KeyError: no such id).

    One document at a time: the first calendar cites about a quarter of the registry, and
    building the others would cost its cold start 0.3 ms (issue 20, item 5).
    """
    return LegalRef.from_mapping(_registry_entries()[doc_id], where=f"in documents.json {doc_id}")


_MAPPING_KEYS = frozenset(
    {"document", "kind", "issuer", "date", "article", "url", "title", "confidence"}
)


@attrs.frozen(slots=True)
class Validity:
    """A period in which a rule is in force (hiệu lực), both ends inclusive.

    ``start=None`` means "since before anything tthc models"; ``end=None`` means "until further
    notice". ``Validity(start=date(2025, 7, 1))`` is the two-level local government.
    """

    start: _dt.date | None = None
    end: _dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.start is not None:
            require_date(self.start, "start")
        if self.end is not None:
            require_date(self.end, "end")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise DataFileError(
                f"Thời hạn hiệu lực (validity period) ends {self.end.isoformat()} "
                f"before it starts {self.start.isoformat()}",
                field="end",
            )

    def contains(self, day: _dt.date) -> bool:
        """Return whether ``day`` lies in the period."""
        require_date(day, "day")
        if self.start is not None and day < self.start:
            return False
        return not (self.end is not None and day > self.end)

    def __contains__(self, day: object) -> bool:
        return (
            isinstance(day, _dt.date) and not isinstance(day, _dt.datetime) and self.contains(day)
        )

    def __str__(self) -> str:
        start = self.start.strftime("%d/%m/%Y") if self.start else "…"
        end = self.end.strftime("%d/%m/%Y") if self.end else "…"
        return f"{start} – {end}"
