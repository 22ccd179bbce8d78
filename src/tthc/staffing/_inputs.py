"""The inputs of a plan: staff effort per procedure and dossier counts per unit and month.

Both are read from CSV files (UTF-8, comma-separated, one header row; header names are matched
case-insensitively) or given directly as Python values. Files are read by [`tthc._data`][tthc._data]:
regular files only, one size cap ([`tthc._data.MAX_FILE_BYTES`][tthc._data.MAX_FILE_BYTES] unless ``max_bytes`` says
otherwise), a leading byte-order mark dropped. Nothing in a file is evaluated.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

import attrs

from tthc._data import MAX_FILE_BYTES, PathOrFile, read_source
from tthc._enums import LabelledEnum
from tthc._text import fold
from tthc._validate import require_int
from tthc.errors import DataFileError, InputTypeError, UnknownProcedure
from tthc.staffing._assumptions import ASSUMPTIONS_FILE, Assumptions
from tthc.staffing._months import Month
from tthc.staffing._numbers import (
    TEN_THOUSANDTH,
    Number,
    Validator,
    clean,
    exact,
    instance_of,
    non_empty_text,
    parse_amount,
    to_decimal,
)

__all__: list[str] = []  # private module: the public names are exported by tthc.staffing

_RECORDS = "<records>"
"""The file name given to records passed as Python values (record ``n`` is row ``n``)."""

_WHAT = "Tệp dữ liệu (data file)"


# --- roles ---------------------------------------------------------------------------------------


class Role(LabelledEnum):
    """The conventional roles of a dossier's handling. Any other role name is accepted as given."""

    RECEPTION = "reception", "tiếp nhận hồ sơ", "Reception"
    PROCESSING = "processing", "thẩm định, xử lý", "Processing"
    APPROVAL = "approval", "phê duyệt, ký", "Approval"
    RETURN = "return", "trả kết quả", "Return of results"


ROLE_NAMES: Mapping[str, str] = MappingProxyType({role.value: role.name_vi for role in Role})
"""Vietnamese names of the conventional roles. Any other role name is accepted as given."""

_ROLE_ORDER = {role.value: index for index, role in enumerate(Role)}


def role_key(role: str) -> tuple[int, str]:
    """Sort key of a role: the conventional roles in order, then the others alphabetically."""
    return (_ROLE_ORDER.get(role, len(_ROLE_ORDER)), role)


# --- effort --------------------------------------------------------------------------------------


@runtime_checkable
class EffortSource(Protocol):
    """Anything that knows the staff time of one procedure, per role.

    This is the conversion hook for ``tthc.workflows``: a ``Workflow`` satisfies it by exposing
    ``procedure_code`` and ``staff_minutes_by_role()`` (its steps' staff time summed per role:
    intake → ``reception``, signing → ``approval``, return → ``return``, others →
    ``processing``). Step budgets are deadlines, not staff time, and must not be used as effort.
    """

    @property
    def procedure_code(self) -> str:
        """National code of the procedure (``"1.001193"``)."""
        ...

    def staff_minutes_by_role(self) -> Mapping[str, Any]:
        """Return staff minutes per dossier for each role (``{"reception": 10, ...}``)."""
        ...


def _check_minutes(instance: Any, _attribute: Any, value: object) -> None:
    if not isinstance(value, tuple):
        raise InputTypeError(
            "Thời gian xử lý (staff effort): minutes must be a tuple of (role, Decimal) pairs",
            argument="minutes",
        )
    seen: set[str] = set()
    for pair in value:
        if not _is_role_minutes(pair):
            raise InputTypeError(
                "Thời gian xử lý (staff effort): each entry must be (role, minutes) with a "
                f"non-empty role and a non-negative Decimal, got {pair!r}",
                argument="minutes",
            )
        if pair[0] in seen:
            raise InputTypeError(
                f"Thời gian xử lý (staff effort): role {pair[0]!r} is listed twice for "
                f"{instance.key}",
                argument="minutes",
            )
        seen.add(pair[0])


def _is_role_minutes(pair: object) -> bool:
    return (
        isinstance(pair, tuple)
        and len(pair) == 2
        and isinstance(pair[0], str)
        and bool(pair[0].strip())
        and isinstance(pair[1], Decimal)
        and pair[1].is_finite()
        and pair[1] >= 0
    )


@attrs.frozen(slots=True)
class ProcedureEffort:
    """Staff minutes one dossier of a procedure needs, per role.

    Attributes:
        key: Procedure code, or a field name when the entry is a default for a whole field.
        minutes: ``(role, minutes per dossier)`` pairs, roles in conventional order
            (reception, processing, approval, return, then others alphabetically).
        source: Where the numbers come from (``"given"``, a file name, ``"workflow"``,
            ``"default_effort_by_field"``).
    """

    key: str = attrs.field(
        validator=non_empty_text(
            "Thủ tục (procedure): the procedure code must be a non-empty string"
        )
    )
    minutes: tuple[tuple[str, Decimal], ...] = attrs.field(validator=_check_minutes)
    source: str = "given"

    @classmethod
    def from_minutes(
        cls, key: str, minutes: Mapping[str, Number], *, source: str = "given"
    ) -> ProcedureEffort:
        """Build from ``{role: minutes per dossier}``.

        Raises:
            InputTypeError: a value is not a non-negative number or the mapping is empty.
        """
        return cls._build(key, minutes, Fraction(1), source)

    @classmethod
    def from_hours(
        cls, key: str, hours: Mapping[str, Number], *, source: str = "given"
    ) -> ProcedureEffort:
        """Build from ``{role: working hours per dossier}``."""
        return cls._build(key, hours, Fraction(60), source)

    @classmethod
    def from_source(cls, source: EffortSource) -> ProcedureEffort:
        """Convert an [`EffortSource`][tthc.staffing.EffortSource] (e.g. a ``tthc.workflows.Workflow``).

        Raises:
            InputTypeError: ``source`` does not implement the protocol.
        """
        if not isinstance(source, EffortSource):
            raise InputTypeError(
                "Quy trình (workflow): expected an object with procedure_code and "
                f"staff_minutes_by_role(), got {type(source).__name__}",
                argument="source",
            )
        return cls.from_minutes(
            source.procedure_code,
            source.staff_minutes_by_role(),
            source=f"{type(source).__name__.lower()}",
        )

    @classmethod
    def _build(
        cls, key: str, amounts: Mapping[str, Number], factor: Fraction, source: str
    ) -> ProcedureEffort:
        if not isinstance(amounts, Mapping) or not amounts:
            raise InputTypeError(
                f"Thời gian xử lý (staff effort) for {key!r}: give a non-empty mapping "
                "role → amount, e.g. {'reception': 10, 'processing': 30}",
                argument="minutes",
            )
        pairs: list[tuple[str, Decimal]] = []
        for role, amount in amounts.items():
            minutes = _amount(key, role, amount) * factor  # checks the role is a string first
            pairs.append((clean(role), to_decimal(minutes, TEN_THOUSANDTH)))
        pairs.sort(key=lambda pair: role_key(pair[0]))
        return cls(
            key=clean(key),
            minutes=tuple((role, minutes.normalize()) for role, minutes in pairs),
            source=source,
        )

    def minutes_for(self, role: str) -> Decimal:
        """Minutes per dossier for ``role`` (0 if the role has no step in this procedure)."""
        for name, minutes in self.minutes:
            if name == role:
                return minutes
        return Decimal(0)

    @property
    def total_minutes(self) -> Decimal:
        """Minutes per dossier over all roles."""
        return sum((minutes for _, minutes in self.minutes), Decimal(0))

    @property
    def roles(self) -> tuple[str, ...]:
        """The roles involved."""
        return tuple(role for role, _ in self.minutes)


def _amount(key: str, role: object, amount: object) -> Fraction:
    if not isinstance(role, str):
        raise InputTypeError(
            f"Vai trò (role): role names must be strings, got {type(role).__name__}",
            argument="role",
        )
    if not isinstance(amount, str):
        return exact(amount, f"{key}.{role}")
    parsed = parse_amount(amount)
    if parsed is None:
        raise InputTypeError(
            f"Thời gian xử lý (staff effort) for {key!r}, role {role!r}: {amount!r} is not a "
            "number",
            argument=role,
        )
    return Fraction(parsed)


def _entries(section: str, key: Callable[[ProcedureEffort], str]) -> Validator:
    """Validator of an [`EffortTable`][tthc.staffing.EffortTable] section: a tuple of entries, one per key."""

    def check(_instance: object, _attribute: Any, value: object) -> None:
        if not isinstance(value, tuple) or not all(
            isinstance(entry, ProcedureEffort) for entry in value
        ):
            raise InputTypeError(
                f"Bảng thời gian xử lý (effort table): {section} must be a tuple of "
                "ProcedureEffort",
                argument=section,
            )
        seen: set[str] = set()
        for entry in value:
            if key(entry) in seen:
                raise InputTypeError(
                    f"Bảng thời gian xử lý (effort table): {entry.key!r} is listed twice "
                    f"in {section}",
                    argument=section,
                )
            seen.add(key(entry))

    return check


def _field_key(entry: ProcedureEffort) -> str:
    return fold(entry.key)


@attrs.frozen(slots=True)
class EffortTable:
    """Staff effort per procedure, with optional defaults per field (lĩnh vực).

    Lookup order for a dossier: its procedure code, then its field in ``fields`` (field names
    are matched without case or accents: ``"Hộ tịch"``, ``"hộ tịch"`` and ``"ho tich"`` agree).

    Attributes:
        procedures: One entry per procedure code.
        fields: One entry per field name (``"hộ tịch"``), used for procedures not listed.
    """

    procedures: tuple[ProcedureEffort, ...] = attrs.field(
        default=(), validator=_entries("procedures", lambda entry: entry.key)
    )
    fields: tuple[ProcedureEffort, ...] = attrs.field(
        default=(), validator=_entries("fields", _field_key)
    )

    @functools.cached_property
    def _by_code(self) -> dict[str, ProcedureEffort]:
        return {entry.key: entry for entry in self.procedures}

    @functools.cached_property
    def _by_field(self) -> dict[str, ProcedureEffort]:
        return {_field_key(entry): entry for entry in self.fields}

    def get(self, procedure_code: str, field: str = "") -> ProcedureEffort | None:
        """Return the effort for a procedure (or its field's default), or ``None``."""
        entry = self._by_code.get(procedure_code)
        if entry is None and field:
            entry = self._by_field.get(fold(field))
        return entry

    def lookup(self, procedure_code: str, field: str = "") -> ProcedureEffort:
        """Return the effort for a procedure (or its field's default).

        Raises:
            UnknownProcedure: neither the procedure nor its field has an effort entry.
        """
        entry = self.get(procedure_code, field)
        if entry is None:
            raise UnknownProcedure(
                f"Thời gian xử lý (staff effort) is not known for procedure {procedure_code!r}"
                + (f" (field {field!r})" if field else ""),
                hint="add the procedure (or its field) to the effort table: "
                "procedure_code,role,minutes",
                procedure_code=procedure_code,
                field=field,
            )
        return entry

    def merged_with(self, other: EffortTable) -> EffortTable:
        """Return a table with ``self``'s entries first and ``other``'s for the rest."""
        procedures = self.procedures + tuple(
            entry for entry in other.procedures if entry.key not in self._by_code
        )
        fields = self.fields + tuple(
            entry for entry in other.fields if _field_key(entry) not in self._by_field
        )
        return EffortTable(procedures=procedures, fields=fields)

    def __len__(self) -> int:
        return len(self.procedures) + len(self.fields)


def effort_table(
    procedures: Mapping[str, Mapping[str, Number]] | Iterable[ProcedureEffort | EffortSource] = (),
    *,
    fields: Mapping[str, Mapping[str, Number]] | None = None,
    unit: str = "minutes",
) -> EffortTable:
    """Build an [`EffortTable`][tthc.staffing.EffortTable] from effort given directly.

    Args:
        procedures: ``{procedure code: {role: amount}}``, or an iterable of
            [`ProcedureEffort`][tthc.staffing.ProcedureEffort] and [`EffortSource`][tthc.staffing.EffortSource] objects (e.g. workflows).
        fields: ``{field name: {role: amount}}`` defaults for procedures not listed.
        unit: ``"minutes"`` or ``"hours"``: the unit of the amounts in the mappings.

    Example:
        >>> table = effort_table({"1.001193": {"reception": 10, "processing": 20}})
        >>> table.lookup("1.001193").total_minutes
        Decimal('30')

    Raises:
        InputTypeError: bad unit, amounts or entries.
    """
    if unit not in ("minutes", "hours"):
        raise InputTypeError(
            f"Đơn vị (unit): {unit!r} must be 'minutes' or 'hours'", argument="unit"
        )
    build = ProcedureEffort.from_minutes if unit == "minutes" else ProcedureEffort.from_hours
    given: object = procedures
    if isinstance(procedures, Mapping):
        entries = [build(str(code), amounts) for code, amounts in procedures.items()]
    elif isinstance(given, str | bytes) or not isinstance(procedures, Iterable):
        raise InputTypeError(
            "Thời gian xử lý (staff effort): procedures must be a mapping or an iterable of "
            f"ProcedureEffort, got {type(procedures).__name__}",
            argument="procedures",
        )
    else:
        entries = [
            item if isinstance(item, ProcedureEffort) else ProcedureEffort.from_source(item)
            for item in procedures
        ]
    field_entries: list[ProcedureEffort] = []
    if fields is not None:
        if not isinstance(fields, Mapping):
            raise InputTypeError(
                "Thời gian xử lý (staff effort): fields must be a mapping field → {role: amount}",
                argument="fields",
            )
        field_entries = [build(str(name), amounts) for name, amounts in fields.items()]
    return EffortTable(procedures=tuple(entries), fields=tuple(field_entries))


def default_field_effort(assumptions: Assumptions) -> EffortTable:
    """Return the illustrative per-field efforts of the assumptions file as a table.

    Raises:
        DataFileError: ``default_effort_by_field`` is not an object field → {role: minutes}.
    """
    raw = assumptions["default_effort_by_field"].value
    if not isinstance(raw, Mapping):
        raise DataFileError(
            f"Giả định (assumption) default_effort_by_field in {ASSUMPTIONS_FILE} must be an "
            "object field → {role: minutes}",
            file=ASSUMPTIONS_FILE,
            field="default_effort_by_field",
        )
    fields = tuple(
        ProcedureEffort.from_minutes(name, amounts, source="default_effort_by_field")
        for name, amounts in raw.items()
    )
    return EffortTable(fields=fields)


# --- CSV rows ------------------------------------------------------------------------------------


def csv_rows(
    lines: Iterable[str], name: str, required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line, {column: value}) with the header as line 1; blank lines skipped.

    ``lines`` are the file's lines with their ends (``io.StringIO(text, newline="")`` or
    [`tthc._data.stream_lines`][tthc._data.stream_lines]). Rows are numbered by the physical line they end on,
    so an error names the line a person finds in an editor.
    """
    reader = csv.reader(lines)
    try:
        header = header_of(next(reader, None), name, required)
        for values in reader:
            row = reader.line_num
            if is_blank(values):
                continue
            if len(values) != len(header):
                raise width_error(name, row, len(values), len(header))
            yield row, {column: clean(value) for column, value in zip(header, values, strict=True)}
    except csv.Error as err:
        raise not_csv(name, reader.line_num, err) from None


def is_blank(values: list[str]) -> bool:
    """Whether a CSV row is empty or holds only blank values (such rows are skipped)."""
    return not values or all(not value.strip() for value in values)


def width_error(name: str, row: int, got: int, header: int) -> DataFileError:
    """The error of a row whose number of fields differs from the header's."""
    return DataFileError(
        f"{_WHAT} {name}, row {row}: {got} fields, the header has {header}",
        file=name,
        row=row,
    )


def not_csv(name: str, row: int, err: csv.Error) -> DataFileError:
    """The error of text ``csv`` cannot split."""
    return DataFileError(f"{_WHAT} {name}, row {row}: not valid CSV ({err})", file=name, row=row)


def no_rows(name: str) -> DataFileError:
    """The error of a file with a header and no data row."""
    return DataFileError(f"{_WHAT} {name} has no data rows", file=name, row=2)


def header_of(row: list[str] | None, name: str, required: tuple[str, ...]) -> list[str]:
    if row is None:
        raise DataFileError(f"{_WHAT} {name} is empty; expected a header row", file=name, row=1)
    header = [clean(column).casefold() for column in row]
    duplicates = sorted({column for column in header if header.count(column) > 1 and column})
    if duplicates:
        raise DataFileError(
            f"{_WHAT} {name}: column {duplicates[0]!r} appears twice in the header",
            file=name,
            row=1,
            field=duplicates[0],
        )
    for column in required:
        if column not in header:
            raise DataFileError(
                f"{_WHAT} {name}: the header has no column {column!r}",
                hint="required columns: " + ", ".join(required),
                file=name,
                row=1,
                field=column,
            )
    return header


def row_error(name: str, row: int, field: str, message: str) -> DataFileError:
    return DataFileError(
        f"{_WHAT} {name}, row {row}, field {field!r}: {message}",
        file=name,
        row=row,
        field=field,
    )


# --- effort files --------------------------------------------------------------------------------


def read_efforts(source: PathOrFile, *, max_bytes: int = MAX_FILE_BYTES) -> EffortTable:
    """Read staff effort from a CSV file.

    Columns: ``procedure_code`` (or ``field`` for a whole-field default), ``role`` and either
    ``minutes`` or ``hours`` per dossier; one row per procedure and role. Amounts may use a
    decimal point or comma (``"20,5"``).

    Raises:
        DataFileError: the file is unreadable, too large, not CSV (a JSON effort file is refused
            with a hint) or malformed (naming file, row and field).
        InputTypeError: ``source`` is not a path or an open file; ``max_bytes`` is not a
            positive integer.
    """
    text, name = read_source(source, max_bytes=max_bytes)
    if text.lstrip()[:1] in ("{", "["):
        raise DataFileError(
            f"{_WHAT} {name} looks like JSON; staff effort is read from CSV only",
            hint="write one row per procedure and role: procedure_code,role,minutes",
            file=name,
            row=1,
        )
    return _efforts_from_csv(text, name)


def _efforts_from_csv(text: str, name: str) -> EffortTable:
    tables: dict[str, dict[str, dict[str, Fraction]]] = {"p": {}, "f": {}}
    first_row: dict[tuple[str, str, str], int] = {}
    spelling: dict[tuple[str, str], str] = {}  # a field is named as on its first row
    for row, values in csv_rows(io.StringIO(text, newline=""), name, ("role",)):
        if not first_row:
            _check_effortheader_of(values, name)
        section, key, role, minutes = _effort_row(values, name, row)
        same = fold(key) if section == "f" else key
        slot = (section, same, role)
        if slot in first_row:
            raise row_error(
                name, row, "role", f"{key} / {role} is already given at row {first_row[slot]}"
            )
        first_row[slot] = row
        tables[section].setdefault(spelling.setdefault((section, same), key), {})[role] = minutes
    if not first_row:
        raise no_rows(name)
    procedures, fields = (
        tuple(
            ProcedureEffort.from_minutes(key, amounts, source=name)
            for key, amounts in tables[section].items()
        )
        for section in ("p", "f")
    )
    return EffortTable(procedures=procedures, fields=fields)


def _check_effortheader_of(values: Mapping[str, str], name: str) -> None:
    if "procedure_code" not in values and "field" not in values:
        raise row_error(name, 1, "procedure_code", "the header needs procedure_code")
    if ("minutes" in values) == ("hours" in values):
        raise row_error(name, 1, "minutes", "the header needs exactly one of minutes or hours")


def _effort_row(values: Mapping[str, str], name: str, row: int) -> tuple[str, str, str, Fraction]:
    """Return (section "p" or "f", procedure code or field, role, minutes) of one row."""
    code = values.get("procedure_code", "")
    field = values.get("field", "")
    if bool(code) == bool(field):
        raise row_error(
            name,
            row,
            "procedure_code",
            "give either a procedure_code or a field (a whole-field default), not both",
        )
    role = values["role"]
    if not role:
        raise row_error(name, row, "role", "the role is empty")
    unit = "minutes" if "minutes" in values else "hours"
    amount = parse_amount(values[unit])
    if amount is None:
        raise row_error(name, row, unit, f"{values[unit]!r} is not a non-negative number")
    factor = 1 if unit == "minutes" else 60
    return ("p" if code else "f", code or field, role, Fraction(amount) * factor)


# --- dossier counts ------------------------------------------------------------------------------


def _check_in_person(instance: Any, _attribute: Any, value: Any) -> None:
    if value is None:
        return
    in_person = require_int(value, "in_person")
    if not 0 <= in_person <= instance.count:
        raise InputTypeError(
            f"Số liệu hồ sơ (dossier count): in_person {in_person} must be between 0 and count "
            f"{instance.count}",
            argument="in_person",
        )


MAX_COUNT = 10**9
"""The largest dossier count of one row (one unit, procedure and month): counts are small."""


def _check_count(_instance: Any, _attribute: Any, value: Any) -> None:
    count = require_int(value, "count")
    if not 0 <= count <= MAX_COUNT:
        raise InputTypeError(
            f"Số liệu hồ sơ (dossier count): count must be between 0 and {MAX_COUNT:,}, "
            f"got {str(count)[:20]}",
            argument="count",
        )


def _code(name: str) -> Validator:
    return non_empty_text(f"Số liệu hồ sơ (dossier count): {name} must be a non-empty string")


def _text(name: str) -> Validator:
    return instance_of(str, f"Số liệu hồ sơ (dossier count): {name} must be a string")


@attrs.frozen(slots=True)
class DossierCount:
    """Dossiers of one procedure received by one unit in one month.

    Attributes:
        unit_code: Code of the receiving or competent unit (``"31120"``).
        procedure_code: National procedure code (``"1.001193"``).
        month: The month.
        count: Number of dossiers (hồ sơ).
        unit_name: Name of the unit, optional.
        unit_kind: Kind of the unit (``"xã"``, ``"phường"``, ``"đặc khu"``, ``"tỉnh"``, or
            ``"commune"``/``"province"``), optional.
        field: Field of the procedure (lĩnh vực, ``"hộ tịch"``), optional; used to find a
            default effort.
        in_person: Of ``count``, the dossiers filed in person at a counter; ``None`` when
            unknown (the plan then applies ``in_person_share``).
    """

    unit_code: str = attrs.field(validator=_code("unit_code"))
    procedure_code: str = attrs.field(validator=_code("procedure_code"))
    month: Month = attrs.field(
        validator=instance_of(
            Month, "Số liệu hồ sơ (dossier count): month must be a tthc.staffing.Month"
        )
    )
    count: int = attrs.field(validator=_check_count)
    unit_name: str = attrs.field(default="", validator=_text("unit_name"))
    unit_kind: str = attrs.field(default="", validator=_text("unit_kind"))
    field: str = attrs.field(default="", validator=_text("field"))
    in_person: int | None = attrs.field(default=None, validator=_check_in_person)


_CountValues = tuple[str, str, Month, int, str, str, str, int | None]
"""unit_code, procedure_code, month, count, unit_name, unit_kind, field, in_person."""


def checked_count(values: _CountValues) -> DossierCount:
    """A [`DossierCount`][tthc.staffing.DossierCount] of values the caller has checked by its validators' rules.

    The CSV reader's fast path checks each value as it reads it (non-empty cleaned codes, a
    [`Month`][tthc.staffing.Month], whole numbers with ``in_person <= count``); running the validators again
    would cost as much as reading the row. The slots are set as attrs' ``__init__`` of a frozen
    class sets them (``object.__setattr__``); the record equals ``DossierCount(*values)``
    (tests/staffing/test_counts_streaming.py).
    """
    unit_code, procedure_code, month, count, unit_name, unit_kind, field, in_person = values
    record = _new(DossierCount)
    _set(record, "unit_code", unit_code)
    _set(record, "procedure_code", procedure_code)
    _set(record, "month", month)
    _set(record, "count", count)
    _set(record, "unit_name", unit_name)
    _set(record, "unit_kind", unit_kind)
    _set(record, "field", field)
    _set(record, "in_person", in_person)
    return record


_new = object.__new__
_set = object.__setattr__

COUNT_COLUMNS = ("unit_code", "procedure_code", "month", "count")
OPTIONAL_COUNT_COLUMNS = ("unit_name", "unit_kind", "field", "in_person")


def count_from_values(values: Mapping[str, Any], name: str, row: int) -> DossierCount:
    """Validate one record (CSV text values or Python values)."""
    text = _text_values(values, name, row)
    month = month_value(values["month"], name, row)
    count = _whole_number(values.get("count"), name, row, "count")
    assert count is not None  # required by _text_values
    in_person = _whole_number(values.get("in_person"), name, row, "in_person")
    if in_person is not None and in_person > count:
        raise row_error(
            name, row, "in_person", f"{in_person} in person is more than the count {count}"
        )
    return DossierCount(
        unit_code=text["unit_code"],
        procedure_code=text["procedure_code"],
        month=month,
        count=count,
        unit_name=text.get("unit_name", ""),
        unit_kind=text.get("unit_kind", ""),
        field=text.get("field", ""),
        in_person=in_person,
    )


def _text_values(values: Mapping[str, Any], name: str, row: int) -> dict[str, str]:
    """Check the required columns are there and return the text values, cleaned."""
    for column in COUNT_COLUMNS:
        value = values.get(column)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise row_error(name, row, column, "the value is missing")
    text: dict[str, str] = {}
    for column in (*COUNT_COLUMNS, *OPTIONAL_COUNT_COLUMNS):
        value = values.get(column)
        if isinstance(value, str):
            text[column] = clean(value)
        elif value is not None and column not in ("count", "in_person", "month"):
            raise row_error(name, row, column, f"expected text, got {type(value).__name__}")
    return text


def month_value(value: object, name: str, row: int) -> Month:
    if isinstance(value, Month):
        return value
    if isinstance(value, _dt.datetime):
        raise row_error(name, row, "month", "expected a month, got a datetime")
    if isinstance(value, _dt.date):
        return Month.of(value)
    if not isinstance(value, str):
        raise row_error(name, row, "month", f"expected text, got {type(value).__name__}")
    try:
        return Month.parse(clean(value))
    except InputTypeError:
        raise row_error(
            name, row, "month", f"{clean(value)!r} is not a month (write YYYY-MM)"
        ) from None


def _whole_number(value: object, name: str, row: int, column: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and value.strip().isdecimal():
        if len(value.strip()) > len(str(MAX_COUNT)):
            raise row_error(name, row, column, f"more than {MAX_COUNT:,} dossiers")
        value = int(value.strip())
    if type(value) is int and value > MAX_COUNT:
        raise row_error(name, row, column, f"more than {MAX_COUNT:,} dossiers")
    if type(value) is int and value >= 0:
        return value
    raise row_error(
        name, row, column, f"{str(value)[:40]!r} is not a whole number of dossiers (0 or more)"
    )


def dossier_counts(
    records: Iterable[DossierCount | Mapping[str, Any]],
) -> tuple[DossierCount, ...]:
    """Validate an iterable of records (mappings with the CSV's columns, or DossierCount).

    Values may be text (as in the CSV) or Python values (``int`` counts, [`Month`][tthc.staffing.Month] or
    ``date`` months). Record ``n`` (1-based) is reported as row ``n`` of file ``<records>``.

    Raises:
        InputTypeError: ``records`` is not an iterable.
        DataFileError: a record is invalid (naming its position and field).
    """
    return tuple(iter_records(records))


def iter_records(
    records: Iterable[DossierCount | Mapping[str, Any]],
) -> Iterator[DossierCount]:
    """[`dossier_counts`][tthc.staffing.dossier_counts] one record at a time (the type of ``records`` is checked now)."""
    if isinstance(records, str | bytes | Mapping) or not isinstance(records, Iterable):
        raise InputTypeError(
            "Số liệu hồ sơ (dossier counts): pass an iterable of records, got "
            f"{type(records).__name__}",
            argument="records",
        )
    return _validated(records)


def _validated(records: Iterable[DossierCount | Mapping[str, Any]]) -> Iterator[DossierCount]:
    for index, record in enumerate(records, start=1):
        if isinstance(record, DossierCount):
            yield record
        elif isinstance(record, Mapping):
            yield count_from_values(record, _RECORDS, index)
        else:
            raise DataFileError(
                f"Số liệu hồ sơ (dossier counts): record {index} is a "
                f"{type(record).__name__}, expected a mapping or DossierCount",
                file=_RECORDS,
                row=index,
            )
