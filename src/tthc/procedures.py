"""Administrative procedures (thủ tục hành chính) and the procedure catalogue.

A :class:`Procedure` is one record of the national TTHC database: national code (``"1.001193"``),
Vietnamese name, field, level, competent-authority kind, processing rules per channel (each with
the original text and its parsed :class:`~tthc.deadlines.ProcessingTime`), fees, result, legal
basis and the date the record was read.

:func:`load_catalog` returns the bundled catalogue (30 records of the national portal plus the
procedures named in the competence table of :mod:`tthc.authorities`) or reads a user's JSON file,
validated record by record: a bad file raises :class:`~tthc.errors.CatalogError` naming the record
index, its code and the field.

Processing-time texts the parser refuses do not stop loading: the rule keeps its text and records
the refusal in ``parse_error``.

Example:
    >>> from tthc.procedures import load_catalog
    >>> load_catalog().get("1.001193").name_vi
    'Thủ tục đăng ký khai sinh'
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import os
from collections.abc import Iterator, Mapping, Sequence
from importlib import resources
from typing import Any

import attrs

from tthc._validate import parse_json_data
from tthc.authorities import AuthorityKind, procedure_keys
from tthc.deadlines import ProcessingTime, parse_processing_time
from tthc.errors import CatalogError, InputTypeError, ProcessingTimeParseError, UnknownProcedure
from tthc.legal import LegalRef
from tthc.units import normalize_name

__all__ = ["MAX_CATALOG_BYTES", "Catalog", "Procedure", "ProcessingRule", "load_catalog"]

#: Largest catalogue file :func:`load_catalog` reads (bytes); a bigger one is refused.
MAX_CATALOG_BYTES = 50_000_000
#: Fields a catalogue record may have. The last five are published on the national portal and
#: kept in the bundled file for reference; tthc reads but does not model them.
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


@attrs.frozen(slots=True)
class ProcessingRule:
    """Processing time of a procedure for one channel (and case).

    Attributes:
        channel: Channel as published (``"Trực tiếp"``, ``"Trực tuyến"``, ``"Dịch vụ bưu
            chính"``), or ``None`` for the procedure-wide text.
        text: The original processing-time text (thời hạn giải quyết), unchanged.
        case: Case label when the record gives one (``"mô tả"`` for the prose description).
        fee: Fee as published for this channel, if any.
        fee_note: Remark on the fee.
        description: Remark on the channel.
        time: The parsed processing time, or ``None`` when the parser refused the text.
        parse_error: The parser's message when it refused the text.
        parse_error_reason: The parser's stable reason (``"missing_unit"``, ...), if any.
    """

    channel: str | None
    text: str
    case: str | None = None
    fee: str | None = None
    fee_note: str | None = None
    description: str | None = None
    time: ProcessingTime | None = attrs.field(default=None, eq=False)
    parse_error: str | None = None
    parse_error_reason: str | None = None

    @property
    def parsed(self) -> bool:
        """Whether the text was read."""
        return self.time is not None


@attrs.frozen(slots=True)
class Procedure:
    """One administrative procedure (thủ tục hành chính).

    Attributes:
        code: National code (``"1.001193"``), or the tthc competence key where the national code
            is not recorded.
        name_vi: Vietnamese name.
        field: Lĩnh vực (``"Hộ tịch"``).
        level: Cấp thực hiện as published (``"Cấp xã"``).
        authority_kind: Kind of the competent authority, when known.
        authority_text: Cơ quan thực hiện as published (may carry pre-reform labels).
        processing_rules: Processing time per channel and case.
        fees_text: Fees as published.
        result: Kết quả thực hiện.
        legal_basis: Documents cited by the record.
        as_of: Date the record was read.
        competence_key: Key of the procedure in :mod:`tthc.authorities`, when covered.
        source: Where the record comes from.
    """

    code: str
    name_vi: str
    field: str = ""
    level: str = ""
    authority_kind: AuthorityKind | None = None
    authority_text: str = ""
    processing_rules: tuple[ProcessingRule, ...] = ()
    fees_text: str = ""
    result: str = ""
    legal_basis: tuple[LegalRef, ...] = ()
    as_of: _dt.date | None = None
    competence_key: str | None = None
    source: str = ""

    @property
    def is_national_code(self) -> bool:
        """Whether ``code`` is a national TTHC code (``d.dddddd``) rather than a tthc key."""
        head, _, tail = self.code.partition(".")
        return head.isdigit() and tail.isdigit() and len(tail) == 6

    def rules_for(self, channel: str) -> tuple[ProcessingRule, ...]:
        """Return the processing rules of a channel (accent- and case-insensitive)."""
        wanted = normalize_name(channel)
        return tuple(
            r for r in self.processing_rules if r.channel and normalize_name(r.channel) == wanted
        )


class Catalog:
    """An immutable collection of procedures with lookups by code, name and field."""

    __slots__ = ("_by_code", "_data_version", "_source")

    def __init__(
        self, procedures: Sequence[Procedure], *, data_version: str = "", source: str = ""
    ) -> None:
        by_code: dict[str, Procedure] = {}
        for index, proc in enumerate(procedures):
            if not isinstance(proc, Procedure):
                raise InputTypeError(
                    f"Thủ tục (procedure) #{index} must be a Procedure, got {type(proc).__name__}",
                    argument="procedures",
                    got=type(proc).__name__,
                )
            if proc.code in by_code:
                raise CatalogError(
                    f"Danh mục thủ tục (procedure catalogue): code {proc.code!r} appears twice",
                    hint="each procedure code must be unique",
                    index=index,
                    code=proc.code,
                    field="code",
                )
            by_code[proc.code] = proc
        self._by_code: Mapping[str, Procedure] = by_code
        self._data_version = data_version
        self._source = source

    @property
    def data_version(self) -> str:
        """Version of the catalogue data (empty for user catalogues without one)."""
        return self._data_version

    @property
    def source(self) -> str:
        """Where the catalogue was read from."""
        return self._source

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Procedure]:
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip() in self._by_code

    def __getitem__(self, code: str) -> Procedure:
        return self.get(code)

    def __repr__(self) -> str:
        return f"Catalog({len(self)} procedures, data_version={self._data_version!r})"

    def get(self, code: str) -> Procedure:
        """Return the procedure with this code.

        Raises:
            InputTypeError: ``code`` is not a string.
            UnknownProcedure: no procedure has this code; the hint names close codes or names.
        """
        if not isinstance(code, str):
            raise InputTypeError(
                f"Mã thủ tục (procedure code) must be a string, got {type(code).__name__}",
                argument="code",
                got=type(code).__name__,
            )
        found = self._by_code.get(code.strip())
        if found is not None:
            return found
        close = difflib.get_close_matches(code.strip(), list(self._by_code), n=3, cutoff=0.6)
        by_name = self.search(code) if not close else ()
        if close:
            hint = "did you mean " + ", ".join(close) + "?"
        elif by_name:
            hint = "a name matched: " + ", ".join(p.code for p in by_name[:3])
        else:
            hint = "national codes look like '1.001193'; use Catalog.search(name) to find one"
        raise UnknownProcedure(
            f"Thủ tục hành chính (procedure): no procedure with code {code!r} in the catalogue",
            hint=hint,
            code=code,
        )

    def search(self, text: str) -> tuple[Procedure, ...]:
        """Return procedures whose name contains every word of ``text``, ignoring accents."""
        if not isinstance(text, str):
            raise InputTypeError(
                f"Tên thủ tục (procedure name) must be a string, got {type(text).__name__}",
                argument="text",
                got=type(text).__name__,
            )
        words = normalize_name(text).split()
        if not words:
            return ()
        return tuple(
            p for p in self._by_code.values() if all(w in _words(p.name_vi) for w in words)
        )

    def by_field(self, field: str) -> tuple[Procedure, ...]:
        """Return the procedures of a field (lĩnh vực), ignoring accents and case."""
        wanted = normalize_name(field)
        return tuple(p for p in self._by_code.values() if normalize_name(p.field) == wanted)

    def fields(self) -> tuple[str, ...]:
        """Return the fields present, sorted."""
        return tuple(sorted({p.field for p in self._by_code.values() if p.field}))


def load_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """Return the bundled catalogue, or read a catalogue from a JSON file.

    The file holds a list of records, or an object with ``procedures`` (a list) and optionally
    ``data_version``. Each record needs ``code`` and ``name`` (strings); optional fields:
    ``field``, ``level``, ``authority``, ``authority_kind`` (an
    :class:`~tthc.authorities.AuthorityKind` value), ``processing_time_text``,
    ``processing_time_prose``, ``processing_time_by_channel`` (a list of objects with
    ``channel`` and ``time``, optionally ``fee``, ``fee_note``, ``description``), ``fees_text``,
    ``result``, ``legal_basis`` (a list of document numbers), ``as_of`` (YYYY-MM-DD),
    ``competence_key``, ``source``.

    Raises:
        CatalogError: the file is missing, is not JSON, or a record has a missing or mistyped
            field; ``context`` names ``file``, ``index``, ``code`` and ``field``.
    """
    if path is None:
        return _bundled()
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            raw = handle.read(MAX_CATALOG_BYTES + 1)
    except OSError as exc:
        raise CatalogError(
            f"Danh mục thủ tục (procedure catalogue) {name} cannot be read: {exc.strerror}",
            hint="check the path",
            file=name,
        ) from None
    if len(raw) > MAX_CATALOG_BYTES:
        raise CatalogError(
            f"Danh mục thủ tục (procedure catalogue) {name} is larger than "
            f"{MAX_CATALOG_BYTES:,} bytes",
            hint="split the catalogue into several files",
            file=name,
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogError(
            f"Danh mục thủ tục (procedure catalogue) {name} is not UTF-8 text (byte {exc.start})",
            hint="save the file as UTF-8",
            file=name,
        ) from None
    return _from_text(text, name)


# --- private -------------------------------------------------------------------------------------


@functools.cache
def _bundled() -> Catalog:
    text = resources.files("tthc").joinpath("data/procedures.json").read_text(encoding="utf-8")
    return _from_text(text, "tthc/data/procedures.json")


def _words(text: str) -> frozenset[str]:
    return frozenset(normalize_name(text).replace(",", " ").replace(":", " ").split())


def _from_text(text: str, name: str) -> Catalog:
    raw = parse_json_data(
        text,
        name,
        CatalogError,
        what="Danh mục thủ tục (procedure catalogue)",
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
        legal_basis=tuple(_legal_ref(d) for d in basis),
        as_of=as_of,
        competence_key=competence,
        source=_text(item, "source", ctx),
    )


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


_KINDS = (
    ("NĐ-CP", "Nghị định"),
    ("NQ-CP", "Nghị quyết"),
    ("NQ-", "Nghị quyết"),
    ("TT-", "Thông tư"),
    ("TTLT-", "Thông tư liên tịch"),
    ("QĐ-", "Quyết định"),
)


def _legal_ref(document: str) -> LegalRef:
    doc = document.strip()
    tail = doc.rsplit("/", 1)[-1]
    kind = next((k for suffix, k in _KINDS if tail.startswith(suffix)), "")
    return LegalRef(document=doc, kind=kind)
