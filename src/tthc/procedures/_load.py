"""Private: [`load_catalog`][tthc.procedures.load_catalog], reading the bundled catalogue or a user's JSON file."""

from __future__ import annotations

import datetime as _dt
import functools
import os
from collections.abc import Mapping
from typing import Any

from tthc._data import MAX_FILE_BYTES, bundled_text, parse_json, read_source
from tthc.authorities import AuthorityKind, procedure_keys
from tthc.deadlines import ProcessingTime, parse_processing_time
from tthc.errors import CatalogError, DataFileError, ProcessingTimeParseError
from tthc.procedures._catalog import Catalog, with_national
from tthc.procedures._model import Procedure, ProcessingRule, legal_ref
from tthc.procedures._national import announcing_decision, national_data

__all__ = ["MAX_CATALOG_BYTES", "load_catalog"]

#: Largest catalogue file [`load_catalog`][tthc.procedures.load_catalog] reads (bytes): the one size cap of every file tthc
#: reads, [`tthc._data.MAX_FILE_BYTES`][tthc._data.MAX_FILE_BYTES] (256 MiB). Kept under this name for compatibility.
MAX_CATALOG_BYTES = MAX_FILE_BYTES
_WHAT = "Danh mục thủ tục (procedure catalogue)"
#: Fields a catalogue record may have. ``channels`` (the channel names, also in
#: ``processing_time_by_channel``) is read but not modelled.
_RECORD_FIELDS = frozenset(
    {
        "code",
        "name",
        "field",
        "level",
        "authority",
        "authority_kind",
        "processing_time_text",
        "processing_time_prose",
        "processing_time_by_channel",
        "fees_text",
        "result",
        "legal_basis",
        "as_of",
        "competence_key",
        "source",
        "channels",
        "decision_publishing",
        "executing_agency",
        "procedure_type",
        "source_url",
    }
)
_CHANNEL_FIELDS = ("channel", "time", "fee", "fee_note", "description")


def load_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """Return the bundled catalogue, or read a catalogue from a JSON file.

    The file holds a list of records, or an object with ``procedures`` (a list) and optionally
    ``data_version``. Each record needs ``code`` and ``name`` (strings); optional fields:
    ``field``, ``level``, ``authority``, ``authority_kind`` (an
    [`AuthorityKind`][tthc.authorities.AuthorityKind] value), ``processing_time_text``,
    ``processing_time_prose``, ``processing_time_by_channel`` (a list of objects with
    ``channel`` and ``time``, optionally ``fee``, ``fee_note``, ``description``), ``fees_text``,
    ``result``, ``legal_basis`` (a list of document numbers; a number of the registry
    ``tthc/data/documents.json`` is cited with its registered entry), ``as_of`` (YYYY-MM-DD),
    ``competence_key``, ``source``, and as the national portal publishes them
    ``decision_publishing`` (the announcing decision), ``executing_agency``, ``procedure_type``,
    ``source_url``, ``channels``.

    The file is read under the rules of every file tthc reads: a regular file (not a directory,
    a pipe or a device) no larger than [`MAX_CATALOG_BYTES`][tthc.procedures.MAX_CATALOG_BYTES], UTF-8 with or without a
    byte-order mark, no object with the same key twice.

    Raises:
        CatalogError: the file is missing, is not a regular file, is too large, is not UTF-8
            JSON, has a duplicate key, or a record has a missing or mistyped field; ``context``
            names ``file``, ``index``, ``code`` and ``field``.
    """
    if path is None:
        return _bundled()
    try:
        text, name = read_source(os.fspath(path), what=_WHAT, max_bytes=MAX_CATALOG_BYTES)
    except DataFileError as exc:  # the reader's class, raised as the catalogue's own
        raise CatalogError(exc.message, hint=exc.hint, **exc.context) from None
    return _from_text(text, name)


# --- private -------------------------------------------------------------------------------------


@functools.cache
def _bundled() -> Catalog:
    curated = _from_text(bundled_text("procedures.json"), "tthc/data/procedures.json")
    joined = Catalog(
        list(curated),
        data_version=f"{curated.data_version}+{national_data().data_version}",
        source="tthc/data/procedures.json + tthc/data/procedures_national.json",
    )
    return with_national(joined)


def _from_text(text: str, name: str) -> Catalog:
    raw = parse_json(
        text,
        name,
        CatalogError,
        what=_WHAT,
        line_key="line",
        deep={"field": "procedures"},
        hint="the file must be a JSON list of records or an object with 'procedures'",
    )
    version = ""
    extra = (
        sorted(set(raw) - {"procedures", "data_version", "description"})
        if isinstance(raw, dict)
        else []
    )
    if isinstance(raw, dict):
        version = raw.get("data_version", "")
        if not isinstance(version, str):
            raise _bad(name, None, None, "data_version", "must be a string")
        raw = raw.get("procedures")
    if not isinstance(raw, list):
        raise CatalogError(
            f"Danh mục thủ tục (procedure catalogue) {name}: expected a list of procedures",
            hint='write [ {...}, ... ] or {"procedures": [ ... ]}',
            file=name,
            field="procedures",
        )
    if extra:
        raise _bad(
            name,
            None,
            None,
            extra[0],
            "is not a known field (data_version, description, procedures)",
        )
    procedures = [_record(item, index, name) for index, item in enumerate(raw)]
    return Catalog(procedures, data_version=version, source=name)


def _bad(name: str, index: int | None, code: str | None, field: str, problem: str) -> CatalogError:
    where = f"record {index}" if index is not None else "file"
    if code:
        where += f" ({code})"
    return CatalogError(
        f"Danh mục thủ tục (procedure catalogue) {name}, {where}: field {field!r} {problem}",
        hint=f"fix {field!r} in {where}",
        file=name,
        index=index,
        code=code,
        field=field,
    )


def _text(
    record: Mapping[str, Any],
    key: str,
    ctx: tuple[str, int, str | None],
    *,
    required: bool = False,
) -> str:
    value = record.get(key)
    if value is None:
        if required:
            raise _bad(*ctx, key, "is missing")
        return ""
    if not isinstance(value, str):
        raise _bad(*ctx, key, f"must be a string, got {type(value).__name__}")
    if required and not value.strip():
        raise _bad(*ctx, key, "must not be empty")
    return value


def _record(item: object, index: int, name: str) -> Procedure:
    if not isinstance(item, dict):
        raise _bad(name, index, None, "record", f"must be an object, got {type(item).__name__}")
    code_value = item.get("code")
    code = code_value.strip() if isinstance(code_value, str) else None
    ctx = (name, index, code)
    for key in item:
        if key not in _RECORD_FIELDS:
            raise _bad(*ctx, str(key), "is not a known field")
    code = _text(item, "code", ctx, required=True).strip()
    proc_name = _text(item, "name", ctx, required=True)
    level = item.get("level", "")
    if isinstance(level, list) and all(isinstance(v, str) for v in level):
        level = ", ".join(level)
    elif not isinstance(level, str):
        raise _bad(*ctx, "level", "must be a string or a list of strings")
    kind: AuthorityKind | None = None
    kind_text = _text(item, "authority_kind", ctx)
    if kind_text:
        try:
            kind = AuthorityKind(kind_text)
        except ValueError:
            allowed = ", ".join(k.value for k in AuthorityKind)
            raise _bad(*ctx, "authority_kind", f"{kind_text!r} is not one of: {allowed}") from None
    as_of: _dt.date | None = None
    as_of_text = _text(item, "as_of", ctx)
    if as_of_text:
        try:
            as_of = _dt.date.fromisoformat(as_of_text)
        except ValueError:
            raise _bad(*ctx, "as_of", f"{as_of_text!r} is not a date (YYYY-MM-DD)") from None
    basis = item.get("legal_basis", [])
    if not isinstance(basis, list) or not all(isinstance(d, str) and d.strip() for d in basis):
        raise _bad(*ctx, "legal_basis", "must be a list of document numbers (strings)")
    competence = _text(item, "competence_key", ctx) or None
    if competence is not None and competence not in procedure_keys():
        raise _bad(*ctx, "competence_key", f"{competence!r} names no competence rule of tthc")
    return Procedure(
        code=code,
        name_vi=proc_name,
        field=_text(item, "field", ctx),
        level=level,
        authority_kind=kind,
        authority_text=_text(item, "authority", ctx),
        processing_rules=_rules(item, ctx),
        fees_text=_text(item, "fees_text", ctx),
        result=_text(item, "result", ctx),
        legal_basis=tuple(legal_ref(d) for d in basis),
        as_of=as_of,
        competence_key=competence,
        source=_text(item, "source", ctx),
        **_published(item, ctx),
    )


def _published(item: Mapping[str, Any], ctx: tuple[str, int, str | None]) -> dict[str, Any]:
    # The fields the national portal publishes besides the processing times.
    decision = _text(item, "decision_publishing", ctx).strip()
    url = _text(item, "source_url", ctx)
    return {
        "decision": announcing_decision(decision, "", url) if decision else None,
        "executing_agency": _text(item, "executing_agency", ctx),
        "procedure_type": _text(item, "procedure_type", ctx),
        "source_url": url,
    }


def _rules(item: Mapping[str, Any], ctx: tuple[str, int, str | None]) -> tuple[ProcessingRule, ...]:
    channels = item.get("processing_time_by_channel", [])
    if not isinstance(channels, list):
        raise _bad(*ctx, "processing_time_by_channel", "must be a list")
    rules: list[ProcessingRule] = []
    for j, entry in enumerate(channels):
        field = f"processing_time_by_channel[{j}]"
        if not isinstance(entry, dict):
            raise _bad(*ctx, field, "must be an object")
        texts = {}
        for key in entry:
            if key not in _CHANNEL_FIELDS:
                raise _bad(*ctx, f"{field}.{key}", "is not a known field")
        for key in _CHANNEL_FIELDS:
            value = entry.get(key)
            if value is not None and not isinstance(value, str):
                raise _bad(*ctx, f"{field}.{key}", f"must be a string, got {type(value).__name__}")
            texts[key] = value
        if texts["time"] is None:
            raise _bad(*ctx, f"{field}.time", "is missing")
        rules.append(
            _rule(
                texts["channel"],
                texts["time"],
                fee=texts["fee"],
                fee_note=texts["fee_note"],
                description=texts["description"],
            )
        )
    prose = _text(item, "processing_time_prose", ctx)
    if prose:
        rules.append(_rule(None, prose, case="mô tả"))
    overall = _text(item, "processing_time_text", ctx)
    if overall and not rules:
        rules.append(_rule(None, overall))
    return tuple(rules)


def _rule(
    channel: str | None,
    text: str,
    *,
    case: str | None = None,
    fee: str | None = None,
    fee_note: str | None = None,
    description: str | None = None,
) -> ProcessingRule:
    time, error, reason = _parse(text)
    return ProcessingRule(
        channel=channel,
        text=text,
        case=case,
        fee=fee,
        fee_note=fee_note,
        description=description,
        time=time,
        parse_error=error,
        parse_error_reason=reason,
    )


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[ProcessingTime | None, str | None, str | None]:
    try:
        return parse_processing_time(text), None, None
    except ProcessingTimeParseError as exc:
        reason = exc.context.get("reason")
        return None, exc.message, str(reason) if reason is not None else None
