"""Private: the national portal snapshot bundled as ``tthc/data/procedures_national.json``.

The file (written by ``scripts/import_national_catalogue.py``) keeps every text as published:
each channel's structured time, fee and free-text description, the legal basis, the announcing
decision. Nothing is read at import time: a record becomes a [`Procedure`][tthc.procedures.Procedure] on first use, and
its processing times are read then with [`tthc.deadlines.parse_processing_time`][tthc.deadlines.parse_processing_time], so a better
reader needs no new import.

The description is the law, the structured column a hint:

* the description is read first; when it reads, its reading is used, and a structured time that
  reads to another limit (unit or number) is recorded as a disagreement;
* when the description gives no time (empty, "Không có thông tin", no time for the authority,
  no amount: `NO_TIME_REASONS`), the structured time is used and labelled as such (``read_from``);
* when the description has a time the reader refuses, the refusal stands, with its reason;
* a bare number (``"1"``) is never given a unit: the reader refuses it.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Mapping
from typing import Any

import attrs

from tthc._data import bundled_json
from tthc._text import fold
from tthc.deadlines import ProcessingTime, parse_processing_time
from tthc.errors import DataFileError, ProcessingTimeParseError
from tthc.legal import LegalRef
from tthc.procedures._import import unglue_number
from tthc.procedures._model import Procedure, ProcessingRule, TimeSource, legal_ref

__all__ = [
    "PUBLISHERS",
    "NationalEntry",
    "folded_names",
    "national_data",
    "national_procedure",
    "read_channel",
]

FILE = "procedures_national.json"
#: The publishing bodies (the portal's folders) → their names.
PUBLISHERS = {
    "bo-tai-chinh": "Bộ Tài chính",
    "bo-nong-nghiep-mt": "Bộ Nông nghiệp và Môi trường",
    "bo-xay-dung": "Bộ Xây dựng",
    "bo-cong-an": "Bộ Công an",
    "bo-tu-phap": "Bộ Tư pháp",
    "ngan-hang-nha-nuoc": "Ngân hàng Nhà nước Việt Nam",
    "toa-an-nhan-dan": "Tòa án nhân dân tối cao",
}
#: Refusal reasons (``context["reason"]`` of [`parse_processing_time`][tthc.deadlines.parse_processing_time]) that
#: mean "the description gives no time for the authority": empty, "Không có thông tin", "xem
#: phần mô tả", only the applicant's time or a fee schedule, a time named without a number.
NO_TIME_REASONS = frozenset(
    {"empty", "no_information", "see_description", "no_duration", "no_amount"}
)
NATIONAL_COLUMNS = (
    "code",
    "name",
    "decision",
    "levels",
    "type",
    "field",
    "authority",
    "executing",
    "channels",
    "legal",
    "url",
    "publisher",
)


@attrs.frozen(slots=True)
class NationalEntry:
    """What search needs of a national record, without reading its processing times."""

    code: str
    name: str
    field: str
    levels: tuple[str, ...]
    publisher: str
    authority: str
    executing: str
    decision: str


@attrs.frozen(slots=True)
class _National:
    data_version: str
    snapshot: _dt.date
    source: str
    url_prefix: str
    texts: tuple[str, ...]
    rows: Mapping[str, tuple[Any, ...]]
    entries: Mapping[str, NationalEntry]


@functools.cache
def national_data() -> _National:
    """The bundled snapshot, indexed by code (read once)."""
    raw = bundled_json(FILE)
    try:
        if tuple(raw["columns"]) != NATIONAL_COLUMNS:
            raise DataFileError(f"Tệp dữ liệu (data file) {FILE}: unexpected columns", file=FILE)
        rows = {row[0]: tuple(row) for row in raw["procedures"]}
        entries = {code: _entry(row) for code, row in rows.items()}
        return _National(
            data_version=str(raw["data_version"]),
            snapshot=_dt.date.fromisoformat(raw["snapshot"]),
            source=str(raw["source"]),
            url_prefix=str(raw["url_prefix"]),
            texts=tuple(raw["texts"]),
            rows=rows,
            entries=entries,
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise DataFileError(
            f"Tệp dữ liệu (data file) {FILE} is malformed: {exc!r}",
            hint="regenerate it with scripts/import_national_catalogue.py",
            file=FILE,
        ) from None


def _entry(row: tuple[Any, ...]) -> NationalEntry:
    code, name, decision, levels = row[0], row[1], row[2], row[3]
    return NationalEntry(
        code=code,
        name=name,
        field=row[5],
        levels=tuple(levels),
        publisher=row[11],
        authority=row[6],
        executing=row[7],
        decision=decision,
    )


@functools.cache
def folded_names() -> Mapping[str, str]:
    """Every national record's name folded for search (built on the first search)."""
    return {code: fold(entry.name) for code, entry in national_data().entries.items()}


@functools.cache
def national_procedure(code: str) -> Procedure:
    """The [`Procedure`][tthc.procedures.Procedure] of a national record, its processing times read now."""
    data = national_data()
    row = data.rows[code]
    text = data.texts
    url = row[10]
    if url and not url.startswith("http"):
        url = data.url_prefix + url
    rules = tuple(
        read_channel(label, structured, text[fee], text[desc])
        for label, structured, fee, desc in row[8]
    )
    publisher = row[11]
    return Procedure(
        code=code,
        name_vi=row[1],
        field=row[5],
        level=", ".join(row[3]),
        authority_text=row[6],
        processing_rules=rules,
        fees_text="; ".join(dict.fromkeys(r.fee for r in rules if r.fee)),
        legal_basis=tuple(_legal(text[i]) for i in row[9]),
        as_of=data.snapshot,
        source=data.source,
        decision=announcing_decision(row[2], publisher, url),
        publisher=publisher,
        executing_agency=row[7],
        procedure_type=text[row[4]],
        source_url=url,
    )


def announcing_decision(number: str, publisher: str, url: str = "") -> LegalRef:
    """The announcing decision (quyết định công bố) as a spelled-out reference.

    382 decisions announce the 2,642 procedures: too many to register one by one in
    ``data/documents.json``, so each record cites its decision by number, kind and issuer, with
    the portal page where it is named.
    """
    return LegalRef(
        document=number,
        kind="Quyết định công bố thủ tục hành chính",
        issuer=PUBLISHERS.get(publisher, publisher),
        url=url,
    )


def _legal(entry: str) -> LegalRef:
    name, _, number = entry.rpartition("\t")
    if not number:  # text the splitter could not place: kept whole, as printed
        return LegalRef(document=name)
    name, number = unglue_number(name, number)  # data imported before the splitter knew it
    found = legal_ref(number)
    return found if found.title or not name else attrs.evolve(found, title=name)


@functools.lru_cache(maxsize=8192)
def _read(text: str) -> tuple[ProcessingTime | None, str | None, str | None]:
    try:
        return parse_processing_time(text), None, None
    except ProcessingTimeParseError as exc:
        reason = exc.context.get("reason")
        return None, exc.message, str(reason) if reason is not None else None


def read_channel(
    channel: str, structured: str | None, fee: str, description: str
) -> ProcessingRule:
    """Read one channel row: the description is the law, the structured time a hint."""
    fee_text = fee or None
    d_time, d_error, d_reason = _read(description)
    s_time, s_error, s_reason = _read(structured) if structured else (None, None, None)
    if d_time is not None or (description and d_reason not in NO_TIME_REASONS):
        return ProcessingRule(
            channel=channel,
            text=description,
            fee=fee_text,
            description=description,
            time=d_time,
            parse_error=d_error,
            parse_error_reason=d_reason,
            structured=structured,
            read_from=TimeSource.DESCRIPTION,
            disagreement=_disagreement(d_time, s_time, structured),
        )
    return ProcessingRule(
        channel=channel,
        text=structured or "",
        fee=fee_text,
        description=description,
        time=s_time,
        parse_error=s_error if structured else d_error,
        parse_error_reason=s_reason if structured else d_reason,
        structured=structured,
        read_from=TimeSource.STRUCTURED,
    )


def _disagreement(
    described: ProcessingTime | None, hinted: ProcessingTime | None, structured: str | None
) -> str | None:
    if described is None or described.base is None or not structured:
        return None
    base = described.base
    if hinted is not None and hinted.base is not None:
        other = hinted.base
        if other == base:
            return None
        what = (
            " and ".join(
                word
                for word, differs in (
                    ("unit", other.unit != base.unit),
                    ("number", other.amount != base.amount),
                )
                if differs
            )
            or "reading"
        )
        return (
            f"Cột thời gian (structured time) {structured!r} reads as {other}; the description "
            f"(mô tả) reads as {base} ({what} differs); the description is used"
        )
    if structured.replace(",", ".").replace(".", "", 1).isdigit() and (
        float(structured.replace(",", ".")) != float(base.amount)
    ):
        return (
            f"Cột thời gian (structured time) {structured!r} is a bare number other than the "
            f"description's (mô tả) {base}; the description is used"
        )
    return None
