"""Private loader of the calendar data files (``tthc/data/calendar``).

The files are read with the standard library only and validated row by row: a malformed file
raises :class:`~tthc.errors.CalendarDataError` naming the file, the row and the field, never a
bare ``KeyError`` or ``ValueError``.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

import attrs

from tthc._validate import parse_json_data
from tthc.errors import CalendarDataError
from tthc.legal import LegalRef, Validity

OVERLAY_FILE = "vn_public_sector_days.csv"
META_FILE = "calendar.json"
OVERLAY_COLUMNS = (
    "date",
    "kind",
    "name_vi",
    "name_en",
    "document",
    "doc_kind",
    "issuer",
    "doc_date",
    "article",
    "url",
    "confidence",
)
#: Overlay kinds, and whether a day of that kind is a working day.
OVERLAY_KINDS = {
    "public_holiday": False,
    "compensatory_day_off": False,
    "swapped_day_off": False,
    "one_off_day_off": False,
    "make_up_working_day": True,
}
MAX_FILE_BYTES = 5_000_000
_META_KEYS = (
    "data_version",
    "name",
    "first_day",
    "last_day",
    "confirmed_through",
    "weekly_rest",
    "statutory_bases",
)
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


def _read_text(name: str) -> str:
    return (
        resources.files("tthc")
        .joinpath("data")
        .joinpath("calendar")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


def _iso_date(value: Any, *, file: str, row: int | str, field: str) -> _dt.date:
    try:
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
            raise ValueError(value)
        return _dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CalendarDataError(
            f"Dữ liệu lịch (calendar data): {file}, row {row}, field {field!r}: "
            f"{value!r} is not an ISO date (YYYY-MM-DD)",
            hint="write dates as YYYY-MM-DD",
            file=file,
            row=row,
            field=field,
        ) from None


def parse_overlay(text: str, *, file: str = OVERLAY_FILE) -> tuple[OverlayRow, ...]:
    """Parse and validate an overlay CSV text (the bundled file or a user's own)."""
    if len(text) > MAX_FILE_BYTES:
        raise CalendarDataError(
            f"Dữ liệu lịch (calendar data): {file} is larger than {MAX_FILE_BYTES} bytes",
            file=file,
        )
    reader = csv.DictReader(io.StringIO(text))
    try:
        return _overlay_rows(reader, file)
    except csv.Error as exc:
        raise CalendarDataError(
            f"Dữ liệu lịch (calendar data): {file}, row {reader.line_num}: not valid CSV ({exc})",
            file=file,
            row=reader.line_num,
            field="*",
        ) from None


def _overlay_rows(reader: csv.DictReader[str], file: str) -> tuple[OverlayRow, ...]:
    header = tuple(reader.fieldnames or ())
    missing = [column for column in OVERLAY_COLUMNS if column not in header]
    unknown = [column for column in header if column not in OVERLAY_COLUMNS]
    if missing or unknown:
        raise CalendarDataError(
            f"Dữ liệu lịch (calendar data): {file}, row 1 (header): "
            f"missing columns {missing}, unknown columns {unknown}",
            hint=f"the header must be: {','.join(OVERLAY_COLUMNS)}",
            file=file,
            row=1,
            field=(missing or unknown)[0],
        )
    rows: list[OverlayRow] = []
    seen: dict[_dt.date, int] = {}
    for number, raw in enumerate(reader, start=2):
        if None in raw or any(value is None for value in raw.values()):
            raise CalendarDataError(
                f"Dữ liệu lịch (calendar data): {file}, row {number}: wrong number of fields",
                file=file,
                row=number,
                field="*",
            )
        rows.append(_parse_row(raw, file=file, row=number))
        day = rows[-1].date
        if day in seen:
            raise CalendarDataError(
                f"Dữ liệu lịch (calendar data): {file}, row {number}, field 'date': "
                f"{day.isoformat()} is already given in row {seen[day]}",
                file=file,
                row=number,
                field="date",
            )
        seen[day] = number
    return tuple(rows)


def _parse_row(raw: dict[str, str], *, file: str, row: int) -> OverlayRow:
    day = _iso_date(raw["date"], file=file, row=row, field="date")
    kind = raw["kind"].strip()
    if kind not in OVERLAY_KINDS:
        raise CalendarDataError(
            f"Dữ liệu lịch (calendar data): {file}, row {row}, field 'kind': {kind!r} is not one "
            f"of {sorted(OVERLAY_KINDS)}",
            file=file,
            row=row,
            field="kind",
        )
    is_weekend = day.weekday() >= 5
    if OVERLAY_KINDS[kind] != is_weekend:
        wanted = "a Saturday or Sunday" if OVERLAY_KINDS[kind] else "a weekday (Mon–Fri)"
        raise CalendarDataError(
            f"Dữ liệu lịch (calendar data): {file}, row {row}, field 'date': a {kind} row must "
            f"fall on {wanted}, {day.isoformat()} does not",
            hint="weekend holidays change nothing in a Mon–Fri calendar and are not listed",
            file=file,
            row=row,
            field="date",
        )
    for field in ("name_vi", "name_en", "document"):
        if not raw[field].strip():
            raise CalendarDataError(
                f"Dữ liệu lịch (calendar data): {file}, row {row}, field {field!r} is empty",
                file=file,
                row=row,
                field=field,
            )
    doc_date = (
        _iso_date(raw["doc_date"], file=file, row=row, field="doc_date")
        if raw["doc_date"].strip()
        else None
    )
    confidence = raw["confidence"].strip()
    if confidence not in ("official", "press", "reported"):
        raise CalendarDataError(
            f"Dữ liệu lịch (calendar data): {file}, row {row}, field 'confidence': "
            f"{confidence!r} is not official, press or reported",
            file=file,
            row=row,
            field="confidence",
        )
    ref = LegalRef(
        document=raw["document"].strip(),
        kind=raw["doc_kind"].strip(),
        issuer=raw["issuer"].strip(),
        date=doc_date,
        article=raw["article"].strip(),
        url=raw["url"].strip(),
        confidence=confidence,
    )
    return OverlayRow(
        date=day,
        kind=kind,
        name_vi=raw["name_vi"].strip(),
        name_en=raw["name_en"].strip(),
        legal_ref=ref,
    )


def parse_meta(text: str, *, file: str = META_FILE) -> CalendarMeta:
    """Parse and validate ``calendar.json``.

    Unknown fields are refused (keys starting with ``_`` are comments); texts must be strings.
    """
    if len(text) > MAX_FILE_BYTES:
        raise CalendarDataError(
            f"Dữ liệu lịch (calendar data): {file} is larger than {MAX_FILE_BYTES} bytes",
            file=file,
        )
    data = parse_json_data(
        text,
        file,
        CalendarDataError,
        what="Dữ liệu lịch (calendar data):",
        deep={"row": "$"},
        field="*",
    )

    def need(mapping: Any, key: str, where: str, kind: type | None = None) -> Any:
        if not isinstance(mapping, dict) or key not in mapping:
            raise CalendarDataError(
                f"Dữ liệu lịch (calendar data): {file}: missing field {where}{key}",
                file=file,
                row=where or "$",
                field=key,
            )
        if kind is not None and not isinstance(mapping[key], kind):
            raise CalendarDataError(
                f"Dữ liệu lịch (calendar data): {file}: field {where}{key} must be a "
                f"{_JSON_TYPE[kind]}, got {type(mapping[key]).__name__}",
                file=file,
                row=where or "$",
                field=key,
            )
        return mapping[key]

    def only(mapping: Any, keys: tuple[str, ...], where: str) -> None:
        for key in mapping if isinstance(mapping, dict) else ():
            if key not in keys and not str(key).startswith("_"):
                raise CalendarDataError(
                    f"Dữ liệu lịch (calendar data): {file}: unknown field {where}{key}",
                    hint="allowed: " + ", ".join(keys),
                    file=file,
                    row=where or "$",
                    field=key,
                )

    def ref(mapping: Any, where: str) -> LegalRef:
        if not isinstance(mapping, dict):
            raise CalendarDataError(
                f"Dữ liệu lịch (calendar data): {file}: {where} must be an object",
                file=file,
                row=where,
                field="legal_ref",
            )
        try:
            return LegalRef.from_mapping(mapping, where=f"in {file} {where}")
        except CalendarDataError:
            raise
        except Exception as exc:
            raise CalendarDataError(
                f"Dữ liệu lịch (calendar data): {file}: bad legal reference at {where}: {exc}",
                file=file,
                row=where,
                field="legal_ref",
            ) from None

    only(data, _META_KEYS, "")
    first = _iso_date(need(data, "first_day", ""), file=file, row="$", field="first_day")
    last = _iso_date(need(data, "last_day", ""), file=file, row="$", field="last_day")
    confirmed = _iso_date(
        need(data, "confirmed_through", ""), file=file, row="$", field="confirmed_through"
    )
    if not first <= confirmed <= last:
        raise CalendarDataError(
            f"Dữ liệu lịch (calendar data): {file}: confirmed_through must lie between first_day "
            "and last_day",
            file=file,
            row="$",
            field="confirmed_through",
        )
    rest = need(data, "weekly_rest", "", dict)
    only(rest, ("weekdays", "name_vi", "name_en", "legal_ref"), "weekly_rest.")
    weekdays = need(rest, "weekdays", "weekly_rest.")
    if not isinstance(weekdays, list) or not all(
        isinstance(w, int) and 0 <= w <= 6 for w in weekdays
    ):
        raise CalendarDataError(
            f"Dữ liệu lịch (calendar data): {file}: weekly_rest.weekdays must list weekday "
            "numbers 0 (Monday) to 6 (Sunday)",
            file=file,
            row="weekly_rest",
            field="weekdays",
        )
    bases = []
    for index, item in enumerate(need(data, "statutory_bases", "", list)):
        where = f"statutory_bases[{index}]"
        only(item, ("kind", "valid_from", "valid_to", "legal_ref"), where + ".")
        kind = need(item, "kind", where + ".", str)
        if kind not in OVERLAY_KINDS:
            raise CalendarDataError(
                f"Dữ liệu lịch (calendar data): {file}: {where}.kind {kind!r} is not one of "
                f"{sorted(OVERLAY_KINDS)}",
                file=file,
                row=where,
                field="kind",
            )
        start = need(item, "valid_from", where + ".")
        end = need(item, "valid_to", where + ".")
        bases.append(
            StatutoryBasis(
                kind=str(kind),
                validity=Validity(
                    _iso_date(start, file=file, row=where, field="valid_from") if start else None,
                    _iso_date(end, file=file, row=where, field="valid_to") if end else None,
                ),
                legal_ref=ref(need(item, "legal_ref", where + "."), where + ".legal_ref"),
            )
        )
    return CalendarMeta(
        data_version=need(data, "data_version", "", str),
        name=need(data, "name", "", str),
        first_day=first,
        last_day=last,
        confirmed_through=confirmed,
        weekly_rest=frozenset(weekdays),
        weekly_rest_name_vi=need(rest, "name_vi", "weekly_rest.", str),
        weekly_rest_name_en=need(rest, "name_en", "weekly_rest.", str),
        weekly_rest_ref=ref(need(rest, "legal_ref", "weekly_rest."), "weekly_rest.legal_ref"),
        statutory_bases=tuple(bases),
    )


def load_bundled() -> tuple[CalendarMeta, tuple[OverlayRow, ...]]:
    """Load the bundled metadata and overlay."""
    meta = parse_meta(_read_text(META_FILE))
    rows = parse_overlay(_read_text(OVERLAY_FILE))
    for number, row in enumerate(rows, start=2):
        if not meta.first_day <= row.date <= meta.last_day:
            raise CalendarDataError(
                f"Dữ liệu lịch (calendar data): {OVERLAY_FILE}, row {number}, field 'date': "
                f"{row.date.isoformat()} is outside the calendar range",
                file=OVERLAY_FILE,
                row=number,
                field="date",
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
