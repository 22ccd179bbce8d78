"""The CSV layout a province can fill in a spreadsheet: [`from_csv`][tthc.workflows.from_csv], [`to_csv`][tthc.workflows.to_csv].

One row per step; the workflow and phase columns may be left blank after the first row of a
workflow (a repeated value must be identical). Every error names the file, the row (the header
is row 1) and the column.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from collections.abc import Callable, Iterable, Mapping
from os import PathLike
from typing import Any, TypeVar

import attrs

from tthc._data import read_source
from tthc._text import squash_space
from tthc.authorities import AuthorityKind
from tthc.errors import DataFileError, InputTypeError, TthcError
from tthc.legal import LegalRef, Validity
from tthc.units import UnitKind, UnitLevel
from tthc.workflows._budgets import format_budget, parse_budget, parse_limit
from tthc.workflows._model import Phase, Step, Workflow, require_workflow

__all__: list[str] = []  # private module: the names are exported by tthc.workflows

_T = TypeVar("_T")

FILE_WHAT = "Tệp quy trình (workflow file)"
"""How the messages about a user's workflow file start."""

#: Columns of the CSV layout, in order. One row per step; the workflow and phase columns may be
#: left blank after the first row of a workflow (a repeated value must be identical). Required:
#: ``procedure_code``, ``workflow_version``, ``step_id``, ``step_name``, ``role``, ``budget``.
CSV_COLUMNS: tuple[str, ...] = (
    "procedure_code",
    "workflow_version",
    "procedure_name",
    "valid_from",
    "valid_to",
    "legal_limit",
    "one_stop",
    "decision_document",
    "decision_kind",
    "decision_issuer",
    "decision_date",
    "decision_article",
    "decision_url",
    "decision_title",
    "decision_confidence",
    "phase",
    "phase_name",
    "phase_starts_after",
    "phase_clock_stops",
    "step_id",
    "step_name",
    "role",
    "unit_level",
    "authority_kind",
    "budget",
    "depends_on",
    "branch",
    "is_intake",
    "is_signing",
    "is_return",
    "note",
)
_REQUIRED = ("procedure_code", "workflow_version", "step_id", "step_name", "role", "budget")
_WORKFLOW_COLUMNS = CSV_COLUMNS[2:15]  # procedure_name ... decision_confidence
_PHASE_COLUMNS = ("phase_name", "phase_starts_after", "phase_clock_stops")
_TRUE = frozenset({"x", "1", "true", "yes", "có", "co", "c", "y"})
_FALSE = frozenset({"", "0", "false", "no", "không", "khong", "k", "n"})
_LEVEL_WORDS = {
    "province": UnitLevel.PROVINCE,
    "cấp tỉnh": UnitLevel.PROVINCE,
    "district": UnitLevel.DISTRICT,
    "cấp huyện": UnitLevel.DISTRICT,
    "commune": UnitLevel.COMMUNE,
    "cấp xã": UnitLevel.COMMUNE,
    **{kind.value: kind.level for kind in UnitKind},
}


# --- cells ---------------------------------------------------------------------------------------


def _parse_bool(text: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise DataFileError(
        f"Giá trị có/không (yes/no value) {text!r} cannot be read",
        hint="write x, 1, true, có for yes; leave empty or write 0, false, không for no",
    )


def _parse_date(text: str) -> _dt.date | None:
    value = text.strip()
    if not value:
        return None
    try:
        if "/" in value:
            d, m, y = (int(p) for p in value.split("/"))
            return _dt.date(y, m, d)
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise DataFileError(
            f"Ngày (date) {text!r} cannot be read", hint="write YYYY-MM-DD or DD/MM/YYYY"
        ) from None


def _parse_level(text: str) -> UnitLevel | None:
    value = squash_space(text).lower()
    if not value:
        return None
    if value in _LEVEL_WORDS:
        return _LEVEL_WORDS[value]
    raise DataFileError(
        f"Cấp (unit level) {text!r} cannot be read",
        hint="write province, district, commune (or tỉnh, huyện, xã, phường, ...)",
    )


def _parse_kind(text: str) -> AuthorityKind | None:
    value = text.strip()
    if not value:
        return None
    for kind in AuthorityKind:
        if value in (kind.value, kind.name):
            return kind
    raise DataFileError(
        f"Loại cơ quan (authority kind) {text!r} is not one of "
        + ", ".join(k.value for k in AuthorityKind),
        hint="e.g. commune_pc, commune_pc_chair, land_registration_office",
    )


def _field_error(exc: TthcError, file: str, row: int, field: str) -> DataFileError:
    return DataFileError(
        f"{exc.message} ({file}, row {row}, column {field})",
        hint=exc.hint,
        file=file,
        row=row,
        field=field,
    )


def _conflict(file: str, row: int, col: str, seen: tuple[str, int]) -> DataFileError:
    return DataFileError(
        f"Giá trị mâu thuẫn (conflicting value) in column {col!r}: {file}, row {row} differs "
        f"from row {seen[1]} ({seen[0]!r})",
        hint="leave the cell empty or repeat the same value",
        file=file,
        row=row,
        field=col,
    )


# --- one workflow's rows -------------------------------------------------------------------------


@attrs.define
class _Group:
    """The rows of one workflow, gathered before the workflow is built."""

    file: str
    first_row: int
    values: dict[str, tuple[str, int]] = attrs.field(factory=dict)
    phases: list[str] = attrs.field(factory=list)
    phase_values: dict[tuple[str, str], tuple[str, int]] = attrs.field(factory=dict)
    steps: list[tuple[int, Step]] = attrs.field(factory=list)

    def value(self, col: str) -> tuple[str, int]:
        """The workflow cell of ``col`` and the row it was read from."""
        return self.values.get(col, ("", self.first_row))

    def parse(self, col: str, parse: Callable[[str], _T]) -> _T:
        """Parse the workflow cell of ``col``; an error names its row and column."""
        text, row = self.value(col)
        try:
            return parse(text)
        except TthcError as exc:
            raise _field_error(exc, self.file, row, col) from exc

    def merge(self, row: Mapping[str, str], number: int) -> None:
        """Keep the workflow cells of ``row``; a repeated value must be identical."""
        for col in _WORKFLOW_COLUMNS:
            cell = row.get(col, "")
            if not cell:
                continue
            seen = self.values.get(col)
            if seen is not None and seen[0] != cell:
                raise _conflict(self.file, number, col, seen)
            self.values.setdefault(col, (cell, number))

    def merge_phase(self, row: Mapping[str, str], number: int) -> None:
        """Keep the phase cells of ``row``; a phase column needs a phase."""
        phase = row.get("phase", "")
        if not phase:
            filled = [c for c in _PHASE_COLUMNS if row.get(c)]
            if filled:
                raise DataFileError(
                    f"Giai đoạn (phase) {filled[0]!r} is filled but 'phase' is empty "
                    f"({self.file}, row {number})",
                    file=self.file,
                    row=number,
                    field=filled[0],
                )
            return
        if phase not in self.phases:
            self.phases.append(phase)
        for col in _PHASE_COLUMNS:
            if row.get(col):
                seen = self.phase_values.get((phase, col))
                if seen is not None and seen[0] != row[col]:
                    raise _conflict(self.file, number, col, seen)
                self.phase_values.setdefault((phase, col), (row[col], number))

    def add_step(self, row: Mapping[str, str], number: int, dep_sep: str) -> None:
        """Read the step of ``row``; step ids are unique in the workflow."""
        if any(row["step_id"] == s.id for _, s in self.steps):
            raise DataFileError(
                f"Mã bước trùng (duplicate step id) {row['step_id']!r} ({self.file}, row {number})",
                file=self.file,
                row=number,
                field="step_id",
            )
        self.steps.append((number, _step_from_row(row, number, self.file, dep_sep)))


_STEP_PARSERS: tuple[tuple[str, Callable[[str], Any]], ...] = (
    ("budget", parse_budget),
    ("unit_level", _parse_level),
    ("authority_kind", _parse_kind),
    ("is_intake", _parse_bool),
    ("is_signing", _parse_bool),
    ("is_return", _parse_bool),
)


def _step_from_row(row: Mapping[str, str], number: int, file: str, dep_sep: str) -> Step:
    parsed: dict[str, Any] = {}
    for col, parse in _STEP_PARSERS:
        try:
            parsed[col] = parse(row.get(col, ""))
        except TthcError as exc:
            raise _field_error(exc, file, number, col) from exc
    deps = tuple(d.strip() for d in row.get("depends_on", "").split(dep_sep) if d.strip())
    try:
        return Step(
            id=row["step_id"],  # the required columns are in every row (_read_row)
            name=row["step_name"],
            role=row["role"],
            depends_on=deps,
            branch=row.get("branch", ""),
            phase=row.get("phase", ""),
            note=row.get("note", ""),
            **parsed,
        )
    except TthcError as exc:
        field = str(exc.context.get("field", "step_id"))
        raise _field_error(exc, file, number, field) from exc


def _decision(group: _Group) -> LegalRef | None:
    """The decision that issued the process, from the ``decision_*`` columns."""
    if not group.value("decision_document")[0]:
        for col in _WORKFLOW_COLUMNS:
            text, row = group.value(col)
            if col.startswith("decision_") and text:
                raise DataFileError(
                    f"Quyết định (decision) {col!r} is filled but 'decision_document' is empty "
                    f"({group.file}, row {row})",
                    file=group.file,
                    row=row,
                    field=col,
                )
        return None
    decision_date = group.parse("decision_date", _parse_date)
    try:
        return LegalRef(
            document=group.value("decision_document")[0],
            kind=group.value("decision_kind")[0],
            issuer=group.value("decision_issuer")[0],
            date=decision_date,
            article=group.value("decision_article")[0],
            url=group.value("decision_url")[0],
            title=group.value("decision_title")[0],
            confidence=group.value("decision_confidence")[0] or "official",
        )
    except TthcError as exc:
        row = group.value("decision_confidence")[1]
        raise _field_error(exc, group.file, row, "decision_confidence") from exc


def _validity(group: _Group) -> Validity:
    start = group.parse("valid_from", _parse_date)
    end = group.parse("valid_to", _parse_date)
    try:
        return Validity(start, end)
    except TthcError as exc:
        raise _field_error(exc, group.file, group.value("valid_to")[1], "valid_to") from exc


def _phase(group: _Group, phase_id: str) -> Phase:
    def cell(col: str) -> tuple[str, int]:
        return group.phase_values.get((phase_id, col), ("", group.first_row))

    stops_text, stops_row = cell("phase_clock_stops")
    try:
        stops = _parse_bool(stops_text)
    except TthcError as exc:
        raise _field_error(exc, group.file, stops_row, "phase_clock_stops") from exc
    try:
        return Phase(
            id=phase_id,
            name=cell("phase_name")[0] or phase_id,
            starts_after=cell("phase_starts_after")[0],
            clock_stops_before=stops,
        )
    except TthcError as exc:
        row = next(n for n, s in group.steps if s.phase == phase_id)
        raise _field_error(exc, group.file, row, "phase") from exc


def _phases(group: _Group) -> tuple[Phase, ...]:
    phases = tuple(_phase(group, ph) for ph in group.phases)
    if phases:
        for number, step in group.steps:
            if not step.phase:
                raise DataFileError(
                    f"Giai đoạn (phase) is empty for step {step.id!r} but the workflow has phases "
                    f"({group.file}, row {number})",
                    file=group.file,
                    row=number,
                    field="phase",
                )
    return phases


def _workflow(key: tuple[str, str], group: _Group) -> Workflow:
    legal_basis = _decision(group)
    validity = _validity(group)
    limit = group.parse("legal_limit", parse_limit)
    one_stop = group.parse("one_stop", lambda t: True if not t else _parse_bool(t))
    return Workflow(
        procedure_code=key[0],
        version=key[1],
        name=group.value("procedure_name")[0],
        steps=tuple(s for _, s in group.steps),
        validity=validity,
        legal_basis=legal_basis,
        legal_limit=limit,
        phases=_phases(group),
        one_stop=one_stop,
    )


# --- the sheet -----------------------------------------------------------------------------------


def _read_rows(text: str, file: str) -> tuple[list[list[str]], str]:
    """The rows of the sheet and its delimiter (``;`` when the header has no comma)."""
    header_line = text.partition("\n")[0]
    delimiter = ";" if ";" in header_line and "," not in header_line else ","
    # newline="" lets the csv module see the line ends itself, so a carriage return inside a field
    # is data, not a broken row.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as err:
        raise DataFileError(
            f"Tệp CSV không đọc được (unreadable CSV) {file}: {err}",
            file=file,
            row=reader.line_num,
            field="*",
        ) from None
    if not rows:
        raise DataFileError(
            f"Tệp CSV rỗng (empty CSV file): {file}", file=file, row=1, field="header"
        )
    return rows, delimiter


def _read_header(cells: list[str], file: str) -> list[str]:
    header = [h.strip() for h in cells]
    for col in header:
        if col not in CSV_COLUMNS:
            raise DataFileError(
                f"Cột không hợp lệ (unknown column) {col!r} in {file}",
                hint="columns: " + ", ".join(CSV_COLUMNS),
                file=file,
                row=1,
                field=col,
            )
    seen: set[str] = set()
    for col in header:
        if col in seen:
            raise DataFileError(
                f"Cột trùng (duplicate column) {col!r} in {file}", file=file, row=1, field=col
            )
        seen.add(col)
    for col in _REQUIRED:
        if col not in header:
            raise DataFileError(
                f"Thiếu cột (missing column) {col!r} in {file}", file=file, row=1, field=col
            )
    return header


def _read_row(header: list[str], cells: list[str], number: int, file: str) -> dict[str, str]:
    if len(cells) != len(header):
        raise DataFileError(
            f"Số cột sai (wrong number of cells): {len(cells)} cells, header has "
            f"{len(header)} ({file}, row {number})",
            file=file,
            row=number,
            field="",
        )
    row = {h: cell.strip() for h, cell in zip(header, cells, strict=True)}
    for col in _REQUIRED:
        if not row[col]:
            raise DataFileError(
                f"Ô trống (empty cell) {col!r} ({file}, row {number})",
                file=file,
                row=number,
                field=col,
            )
    return row


def from_csv(text: str, *, file: str = "<csv>") -> tuple[Workflow, ...]:
    """Read workflows from CSV text in the [`CSV_COLUMNS`][tthc.workflows.CSV_COLUMNS] layout.

    Rows are grouped by (``procedure_code``, ``workflow_version``) in order of appearance. The
    header is row 1. A ``;`` delimiter (spreadsheets in some locales) is accepted when the header
    has no comma; ``depends_on`` separates ids with ``;`` (or ``,`` in a ``;`` file).

    Raises:
        DataFileError: with ``context`` ``file``, ``row`` and ``field`` of the first bad value.
    """
    if not isinstance(text, str):
        raise InputTypeError("Nội dung CSV (CSV text) must be a str", argument="text")
    rows, delimiter = _read_rows(text.removeprefix("\ufeff"), file)
    header = _read_header(rows[0], file)
    dep_sep = "," if delimiter == ";" else ";"
    groups: dict[tuple[str, str], _Group] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        row = _read_row(header, cells, number, file)
        key = (row["procedure_code"], row["workflow_version"])
        group = groups.setdefault(key, _Group(file=file, first_row=number))
        group.merge(row, number)
        group.merge_phase(row, number)
        group.add_step(row, number, dep_sep)
    return tuple(_workflow(key, group) for key, group in groups.items())


def read_csv(path: str | PathLike[str]) -> tuple[Workflow, ...]:
    """Read a CSV file in the [`CSV_COLUMNS`][tthc.workflows.CSV_COLUMNS] layout (UTF-8, with or without BOM).

    Raises:
        DataFileError: the file cannot be read (missing, not a regular file, larger than the
            size cap of ``tthc``'s readers, not UTF-8), or a value is wrong (``file``, ``row``,
            ``field`` in ``context``).
    """
    text, name = read_source(path, what=FILE_WHAT)
    return from_csv(text, file=name)


# --- writing -------------------------------------------------------------------------------------


def _workflow_cells(wf: Workflow) -> dict[str, str]:
    ref = wf.legal_basis
    return {
        "procedure_code": wf.procedure_code,
        "workflow_version": wf.version,
        "procedure_name": wf.name,
        "valid_from": wf.validity.start.isoformat() if wf.validity.start else "",
        "valid_to": wf.validity.end.isoformat() if wf.validity.end else "",
        "legal_limit": format_budget(wf.legal_limit) if wf.legal_limit else "",
        "one_stop": "x" if wf.one_stop else "0",
        "decision_document": ref.document if ref else "",
        "decision_kind": ref.kind if ref else "",
        "decision_issuer": ref.issuer if ref else "",
        "decision_date": ref.date.isoformat() if ref and ref.date else "",
        "decision_article": ref.article if ref else "",
        "decision_url": ref.url if ref else "",
        "decision_title": ref.title if ref else "",
        "decision_confidence": ref.confidence if ref else "",
    }


def _step_cells(step: Step, phase: Phase | None) -> dict[str, str]:
    return {
        "phase": step.phase,
        "phase_name": phase.name if phase else "",
        "phase_starts_after": phase.starts_after if phase else "",
        "phase_clock_stops": ("x" if phase.clock_stops_before else "") if phase else "",
        "step_id": step.id,
        "step_name": step.name,
        "role": step.role,
        "unit_level": step.unit_level.value if step.unit_level else "",
        "authority_kind": step.authority_kind.value if step.authority_kind else "",
        "budget": format_budget(step.budget),
        "depends_on": ";".join(step.depends_on),
        "branch": step.branch,
        "is_intake": "x" if step.is_intake else "",
        "is_signing": "x" if step.is_signing else "",
        "is_return": "x" if step.is_return else "",
        "note": step.note,
    }


def to_csv(workflows: Workflow | Iterable[Workflow]) -> str:
    """Return workflows as CSV text in the [`CSV_COLUMNS`][tthc.workflows.CSV_COLUMNS] layout (every column, every row).

    ``from_csv(to_csv(w)) == (w,)`` for a workflow whose phases carry no ``legal_ref`` (the CSV
    has no column for it).

    Raises:
        InputTypeError: an item is not a [`Workflow`][tthc.workflows.Workflow].
    """
    items = (workflows,) if isinstance(workflows, Workflow) else tuple(workflows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for wf in items:
        require_workflow(wf, "workflows")
        head = _workflow_cells(wf)
        phases = {p.id: p for p in wf.phases}
        for step in wf.steps:
            values = {**head, **_step_cells(step, phases.get(step.phase))}
            writer.writerow([values[c] for c in CSV_COLUMNS])
    return buffer.getvalue()
