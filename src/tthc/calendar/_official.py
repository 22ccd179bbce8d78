"""The bundled calendar data (``tthc/data/calendar``) and the days projected by the statutes.

``calendar.json`` holds the calendar's range, its weekly rest and the statutory bases of
projected days; ``vn_public_sector_days.csv`` lists every official weekday off and working
Saturday, each row citing a document of the registry (``tthc/data/documents.json``) by id. Both
are validated row by row: a malformed file raises :class:`~tthc.errors.CalendarDataError` naming
the file, the row and the field, never a bare ``KeyError`` or ``ValueError``.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections.abc import Iterable
from typing import Any

import attrs

from tthc._data import MAX_FILE_BYTES, bundled_text, parse_json
from tthc.errors import CalendarDataError, DataFileError
from tthc.legal import LegalRef, Validity

__all__: list[str] = []  # private module: import the names directly

OVERLAY_FILE = "vn_public_sector_days.csv"
META_FILE = "calendar.json"
_DATA_DIR = "calendar/"
#: ``doc`` is a registry id; ``url`` and ``confidence`` are given only where the row's source
#: differs from the document's (``confidence`` may only be lower).
OVERLAY_COLUMNS = ("date", "kind", "name_vi", "name_en", "doc", "article", "url", "confidence")
#: Overlay kinds, and whether a day of that kind is a working day.
OVERLAY_KINDS = {
    "public_holiday": False,
    "compensatory_day_off": False,
    "swapped_day_off": False,
    "one_off_day_off": False,
    "make_up_working_day": True,
}
_CONFIDENCE = ("official", "press", "reported")
_META_KEYS = (
    "data_version",
    "name",
    "first_day",
    "last_day",
    "confirmed_through",
    "weekly_rest",
    "statutory_bases",
)
_REST_KEYS = ("weekdays", "name_vi", "name_en", "legal_ref")
_BASIS_KEYS = ("kind", "valid_from", "valid_to", "legal_ref")
_WHAT = "Dữ liệu lịch (calendar data):"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_JSON_TYPE: dict[type, str] = {str: "string", list: "list", dict: "object"}


@attrs.frozen(slots=True)
class OverlayRow:
    """One official day of the overlay: a weekday off or a weekend working day."""

    date: _dt.date
    kind: str
    name_vi: str
    name_en: str
    legal_ref: LegalRef


@attrs.frozen(slots=True)
class StatutoryBasis:
    """The legal basis used to label projected days of one kind in a period."""

    kind: str
    validity: Validity
    legal_ref: LegalRef


@attrs.frozen(slots=True)
class CalendarMeta:
    """Contents of ``calendar.json``."""

    data_version: str
    name: str
    first_day: _dt.date
    last_day: _dt.date
    confirmed_through: _dt.date
    weekly_rest: frozenset[int]
    weekly_rest_name_vi: str
    weekly_rest_name_en: str
    weekly_rest_ref: LegalRef
    statutory_bases: tuple[StatutoryBasis, ...]

    def statutory_ref(self, kind: str, day: _dt.date) -> LegalRef | None:
        """Return the statutory basis for a projected day of ``kind`` on ``day``, if any."""
        for basis in self.statutory_bases:
            if basis.kind == kind and basis.validity.contains(day):
                return basis.legal_ref
        return None


def _error(file: str, row: int | str, field: str, detail: str, **extra: Any) -> CalendarDataError:
    return CalendarDataError(f"{_WHAT} {file}{detail}", file=file, row=row, field=field, **extra)


def _iso_date(value: Any, *, file: str, row: int | str, field: str) -> _dt.date:
    try:
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
            raise ValueError(value)
        return _dt.date.fromisoformat(value.strip())
    except ValueError:
        raise _error(
            file,
            row,
            field,
            f", row {row}, field {field!r}: {value!r} is not an ISO date (YYYY-MM-DD)",
            hint="write dates as YYYY-MM-DD",
        ) from None


def _check_size(text: str, file: str) -> None:
    if len(text) > MAX_FILE_BYTES:
        raise CalendarDataError(f"{_WHAT} {file} is larger than {MAX_FILE_BYTES} bytes", file=file)


# --- the overlay CSV ------------------------------------------------------------------------------


def parse_overlay(text: str, *, file: str = OVERLAY_FILE) -> tuple[OverlayRow, ...]:
    """Parse and validate an overlay CSV text (the bundled file or a user's own)."""
    _check_size(text, file)
    reader = csv.DictReader(io.StringIO(text))
    try:
        return _overlay_rows(reader, file)
    except csv.Error as exc:
        raise _error(
            file, reader.line_num, "*", f", row {reader.line_num}: not valid CSV ({exc})"
        ) from None


def _check_header(header: tuple[str, ...], file: str) -> None:
    missing = [column for column in OVERLAY_COLUMNS if column not in header]
    unknown = [column for column in header if column not in OVERLAY_COLUMNS]
    if missing or unknown:
        raise _error(
            file,
            1,
            (missing or unknown)[0],
            f", row 1 (header): missing columns {missing}, unknown columns {unknown}",
            hint=f"the header must be: {','.join(OVERLAY_COLUMNS)}",
        )


def _overlay_rows(reader: csv.DictReader[str], file: str) -> tuple[OverlayRow, ...]:
    _check_header(tuple(reader.fieldnames or ()), file)
    rows: list[OverlayRow] = []
    seen: dict[_dt.date, int] = {}
    for number, raw in enumerate(reader, start=2):
        if None in raw or any(value is None for value in raw.values()):
            raise _error(file, number, "*", f", row {number}: wrong number of fields")
        rows.append(_parse_row(raw, file=file, row=number))
        day = rows[-1].date
        if day in seen:
            raise _error(
                file,
                number,
                "date",
                f", row {number}, field 'date': {day.isoformat()} is already given in row "
                f"{seen[day]}",
            )
        seen[day] = number
    return tuple(rows)


def _row_kind(raw: dict[str, str], day: _dt.date, file: str, row: int) -> str:
    kind = raw["kind"].strip()
    if kind not in OVERLAY_KINDS:
        raise _error(
            file,
            row,
            "kind",
            f", row {row}, field 'kind': {kind!r} is not one of {sorted(OVERLAY_KINDS)}",
        )
    if OVERLAY_KINDS[kind] != (day.weekday() >= 5):
        wanted = "a Saturday or Sunday" if OVERLAY_KINDS[kind] else "a weekday (Mon–Fri)"
        raise _error(
            file,
            row,
            "date",
            f", row {row}, field 'date': a {kind} row must fall on {wanted}, "
            f"{day.isoformat()} does not",
            hint="weekend holidays change nothing in a Mon–Fri calendar and are not listed",
        )
    return kind


def _row_ref(raw: dict[str, str], file: str, row: int) -> LegalRef:
    confidence = raw["confidence"].strip()
    if confidence and confidence not in _CONFIDENCE:
        raise _error(
            file,
            row,
            "confidence",
            f", row {row}, field 'confidence': {confidence!r} is not official, press or reported",
        )
    citation = {"doc": raw["doc"].strip(), "article": raw["article"].strip()}
    for key in ("url", "confidence"):
        if raw[key].strip():
            citation[key] = raw[key].strip()
    try:
        return LegalRef.from_mapping(citation, where=f"in {file} row {row}")
    except DataFileError as exc:
        field = "doc" if "doc" in exc.context else str(exc.context.get("field", "doc"))
        raise _error(
            file, row, field, f", row {row}, field {field!r}: {exc.message}", hint=exc.hint
        ) from None


def _parse_row(raw: dict[str, str], *, file: str, row: int) -> OverlayRow:
    day = _iso_date(raw["date"], file=file, row=row, field="date")
    kind = _row_kind(raw, day, file, row)
    for field in ("name_vi", "name_en", "doc"):
        if not raw[field].strip():
            raise _error(file, row, field, f", row {row}, field {field!r} is empty")
    return OverlayRow(
        date=day,
        kind=kind,
        name_vi=raw["name_vi"].strip(),
        name_en=raw["name_en"].strip(),
        legal_ref=_row_ref(raw, file, row),
    )


# --- calendar.json --------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class _MetaReader:
    """Reads the fields of ``calendar.json``, naming the file and field of every refusal."""

    file: str

    def need(self, mapping: Any, key: str, where: str, kind: type | None = None) -> Any:
        """Return ``mapping[key]``, refusing a missing key or a value not of ``kind``."""
        if not isinstance(mapping, dict) or key not in mapping:
            raise _error(self.file, where or "$", key, f": missing field {where}{key}")
        if kind is not None and not isinstance(mapping[key], kind):
            raise _error(
                self.file,
                where or "$",
                key,
                f": field {where}{key} must be a {_JSON_TYPE[kind]}, got "
                f"{type(mapping[key]).__name__}",
            )
        return mapping[key]

    def only(self, mapping: Any, keys: tuple[str, ...], where: str) -> None:
        """Refuse a key of ``mapping`` not in ``keys`` (keys starting with ``_`` are comments)."""
        for key in mapping if isinstance(mapping, dict) else ():
            if key not in keys and not str(key).startswith("_"):
                raise _error(
                    self.file,
                    where or "$",
                    key,
                    f": unknown field {where}{key}",
                    hint="allowed: " + ", ".join(keys),
                )

    def date(self, mapping: Any, key: str) -> _dt.date:
        """Return the top-level ISO date ``key``."""
        return _iso_date(self.need(mapping, key, ""), file=self.file, row="$", field=key)

    def ref(self, mapping: Any, where: str) -> LegalRef:
        """Return the legal reference ``mapping`` (a registry citation or spelled out)."""
        if not isinstance(mapping, dict):
            raise _error(self.file, where, "legal_ref", f": {where} must be an object")
        try:
            return LegalRef.from_mapping(mapping, where=f"in {self.file} {where}")
        except CalendarDataError:
            raise
        except Exception as exc:
            raise _error(
                self.file, where, "legal_ref", f": bad legal reference at {where}: {exc}"
            ) from None


def parse_meta(text: str, *, file: str = META_FILE) -> CalendarMeta:
    """Parse and validate ``calendar.json``.

    Unknown fields are refused (keys starting with ``_`` are comments); texts must be strings.
    """
    _check_size(text, file)
    data = parse_json(text, file, CalendarDataError, what=_WHAT, deep={"row": "$"}, field="*")
    read = _MetaReader(file)
    read.only(data, _META_KEYS, "")
    first, last = read.date(data, "first_day"), read.date(data, "last_day")
    confirmed = read.date(data, "confirmed_through")
    if not first <= confirmed <= last:
        raise _error(
            file,
            "$",
            "confirmed_through",
            ": confirmed_through must lie between first_day and last_day",
        )
    rest = read.need(data, "weekly_rest", "", dict)
    weekdays = _weekly_rest_days(read, rest)
    bases = _statutory_bases(read, read.need(data, "statutory_bases", "", list))
    return CalendarMeta(
        data_version=read.need(data, "data_version", "", str),
        name=read.need(data, "name", "", str),
        first_day=first,
        last_day=last,
        confirmed_through=confirmed,
        weekly_rest=weekdays,
        weekly_rest_name_vi=read.need(rest, "name_vi", "weekly_rest.", str),
        weekly_rest_name_en=read.need(rest, "name_en", "weekly_rest.", str),
        weekly_rest_ref=read.ref(
            read.need(rest, "legal_ref", "weekly_rest."), "weekly_rest.legal_ref"
        ),
        statutory_bases=bases,
    )


def _weekly_rest_days(read: _MetaReader, rest: dict[str, Any]) -> frozenset[int]:
    read.only(rest, _REST_KEYS, "weekly_rest.")
    weekdays = read.need(rest, "weekdays", "weekly_rest.")
    if not isinstance(weekdays, list) or not all(
        isinstance(w, int) and 0 <= w <= 6 for w in weekdays
    ):
        raise _error(
            read.file,
            "weekly_rest",
            "weekdays",
            ": weekly_rest.weekdays must list weekday numbers 0 (Monday) to 6 (Sunday)",
        )
    return frozenset(weekdays)


def _statutory_bases(read: _MetaReader, items: list[Any]) -> tuple[StatutoryBasis, ...]:
    bases = []
    for index, item in enumerate(items):
        where = f"statutory_bases[{index}]"
        read.only(item, _BASIS_KEYS, where + ".")
        kind = read.need(item, "kind", where + ".", str)
        if kind not in OVERLAY_KINDS:
            raise _error(
                read.file,
                where,
                "kind",
                f": {where}.kind {kind!r} is not one of {sorted(OVERLAY_KINDS)}",
            )
        start = read.need(item, "valid_from", where + ".")
        end = read.need(item, "valid_to", where + ".")
        file = read.file
        validity = Validity(
            _iso_date(start, file=file, row=where, field="valid_from") if start else None,
            _iso_date(end, file=file, row=where, field="valid_to") if end else None,
        )
        legal_ref = read.ref(read.need(item, "legal_ref", where + "."), where + ".legal_ref")
        bases.append(StatutoryBasis(kind=str(kind), validity=validity, legal_ref=legal_ref))
    return tuple(bases)


# --- the bundled files and the projection ----------------------------------------------------------


def load_bundled() -> tuple[CalendarMeta, tuple[OverlayRow, ...]]:
    """Load the bundled metadata and overlay."""
    meta = parse_meta(bundled_text(_DATA_DIR + META_FILE))
    rows = parse_overlay(bundled_text(_DATA_DIR + OVERLAY_FILE))
    for number, row in enumerate(rows, start=2):
        if not meta.first_day <= row.date <= meta.last_day:
            raise _error(
                OVERLAY_FILE,
                number,
                "date",
                f", row {number}, field 'date': {row.date.isoformat()} is outside the calendar "
                "range",
            )
    return meta, rows


def projected_days(years: Iterable[int]) -> dict[_dt.date, tuple[str, str, str]]:
    """Return the statutory days off that python-holidays projects for ``years``.

    Maps each date to ``(kind, name_vi, name_en)``. Weekend dates that are holidays are included
    (they are not working days either way); weekend working days are returned with the kind
    ``make_up_working_day``.
    """
    import holidays  # noqa: PLC0415 - imported lazily: it costs ~40 ms at import time

    year_list = sorted(set(years))
    if not year_list:
        return {}
    english = holidays.country_holidays("VN", years=year_list, language="en_US")
    vietnamese = holidays.country_holidays("VN", years=year_list, language="vi")
    wanted = set(year_list)
    out: dict[_dt.date, tuple[str, str, str]] = {}
    for day, name_en in english.items():
        name_vi = vietnamese.get(day, name_en)
        if "substituted" in name_en:
            kind = "swapped_day_off"
        elif "observed" in name_en:
            kind = "compensatory_day_off"
        else:
            kind = "public_holiday"
        out[day] = (kind, name_vi, name_en)
    for day in english.weekend_workdays:
        if day.year in wanted:
            out[day] = (
                "make_up_working_day",
                "Ngày làm bù (dự kiến)",
                "Make-up working day (projected)",
            )
    return out
