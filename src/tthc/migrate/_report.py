"""The migration report (báo cáo chuyển đổi) a person works through.

Counts by status, then every row that needs a person — split communes (choose among the
candidates, by street or map), ambiguous texts (add the district or province), unknown texts
(correct the spelling; near misses are listed) — with its candidates and the clause. Written as
CSV (one row per record to review), as an XLSX workbook (summary, rows to review, every row;
needs ``openpyxl``) and as a text summary.
"""

from __future__ import annotations

import csv
import datetime as _dt
import importlib
import io
import os
from collections import Counter
from typing import IO, Any

import attrs

from tthc._time import format_date
from tthc._validate import instance_of
from tthc.errors import InputTypeError, MissingExtraError
from tthc.formatting import decimal_vi
from tthc.migrate._bulk import migrate_rows
from tthc.migrate._convert import record_day
from tthc.migrate._model import MigratedRow, MigrationStatus

__all__: list[str] = []  # private module: tthc.migrate re-exports the public names

_WHAT = "Báo cáo chuyển đổi (migration report)"
_REVIEW = frozenset({MigrationStatus.SPLIT, MigrationStatus.AMBIGUOUS, MigrationStatus.UNKNOWN})
REPORT_COLUMNS = (
    "row",
    "source",
    "status",
    "candidates",
    "candidate_names",
    "clause",
    "old_code",
    "old_name",
    "new_code",
    "new_name",
    "street",
    "note",
)
_ACTIONS = {
    MigrationStatus.SPLIT: "chọn một đơn vị theo địa chỉ chi tiết / choose one candidate by street or map",
    MigrationStatus.AMBIGUOUS: "bổ sung quận/huyện, tỉnh / add the district and province",
    MigrationStatus.UNKNOWN: "sửa địa chỉ / correct the text (near misses are listed, not taken)",
}


def _rows(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not all(isinstance(r, MigratedRow) for r in value):
        raise InputTypeError(
            f"{_WHAT}: {attribute.name} must be a tuple of MigratedRow",
            argument=attribute.name,
            got=type(value).__name__,
        )


def _kind(_instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if value not in ("addresses", "codes"):
        raise InputTypeError(
            f"{_WHAT}: {attribute.name} must be 'addresses' or 'codes', got {value!r}",
            argument=attribute.name,
            got=repr(value),
        )


@attrs.frozen(slots=True)
class MigrationReport:
    """Every row of a migration with its status, and what a person must do about the others.

    Attributes:
        rows: One [`MigratedRow`][tthc.migrate.MigratedRow] per input row, in order (row numbers start at 1).
        kind: ``"addresses"`` or ``"codes"``.
        on: The date the records were made.
    """

    rows: tuple[MigratedRow, ...] = attrs.field(validator=_rows)
    kind: str = attrs.field(validator=_kind)
    on: _dt.date = attrs.field(validator=instance_of(_dt.date, _WHAT))

    @property
    def counts(self) -> dict[str, int]:
        """Rows by status (every status, zeros included, in a fixed order)."""
        found = Counter(row.status for row in self.rows)
        return {status.value: found.get(status, 0) for status in MigrationStatus}

    @property
    def to_review(self) -> tuple[tuple[int, MigratedRow], ...]:
        """``(row number, row)`` of every split, ambiguous or unknown row."""
        return tuple((i, row) for i, row in enumerate(self.rows, 1) if row.status in _REVIEW)

    @property
    def done(self) -> bool:
        """Whether every row was converted without a person (no row to review)."""
        return not self.to_review

    def records(self, *, everything: bool = False) -> list[dict[str, str]]:
        """The rows to review (or every row) as plain strings, keyed by [`REPORT_COLUMNS`][tthc.migrate.REPORT_COLUMNS]."""
        chosen = enumerate(self.rows, 1) if everything else self.to_review
        return [_record(i, row) for i, row in chosen]

    def to_csv(
        self, target: str | os.PathLike[str] | IO[str] | None = None, *, everything: bool = False
    ) -> str:
        """Write the rows to review (or every row) as UTF-8 CSV; return the text.

        Args:
            target: A path or a text file to write to; ``None`` only returns the text.
            everything: Write every row, not only those to review.
        """
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=REPORT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.records(everything=everything))
        text = buffer.getvalue()
        if isinstance(target, str | os.PathLike):
            with open(target, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        elif target is not None:
            target.write(text)
        return text

    def to_xlsx(self, target: str | os.PathLike[str] | IO[bytes]) -> None:
        """Write a workbook: the summary, the rows to review and every row (needs openpyxl).

        Raises:
            MissingExtraError: openpyxl is not installed.
        """
        try:
            openpyxl = importlib.import_module("openpyxl")
        except ImportError:
            raise MissingExtraError(
                f"{_WHAT}: writing XLSX needs openpyxl",
                hint='pip install "tthc[xlsx]" (or pip install openpyxl); CSV needs nothing',
                extra="xlsx",
            ) from None
        book = openpyxl.Workbook()
        summary = book.active
        summary.title = "Tóm tắt"
        summary.append(["trạng thái / status", "nghĩa / meaning", "số dòng / rows"])
        for status in MigrationStatus:
            summary.append([status.value, status.label, self.counts[status.value]])
        summary.append([])
        for line in self.summary().splitlines():
            summary.append([line])
        for title, everything in (("Cần xử lý", False), ("Tất cả", True)):
            sheet = book.create_sheet(title)
            sheet.append(list(REPORT_COLUMNS))
            for record in self.records(everything=everything):
                sheet.append([record[name] for name in REPORT_COLUMNS])
        book.save(target)

    def summary(self, *, limit: int = 10) -> str:
        """A text summary: counts by status, what to do, and the first rows to review."""
        what = "địa chỉ / addresses" if self.kind == "addresses" else "mã / codes"
        lines = [
            f"{_WHAT}: {_count(len(self.rows))} {what}, lập ngày (made on) {format_date(self.on)}",
        ]
        counts = self.counts
        for status in MigrationStatus:
            lines.append(f"  {status.label}: {_count(counts[status.value])}")
        review = self.to_review
        if not review:
            lines.append("Không có dòng cần xử lý (nothing to review): every row has one new unit.")
            return "\n".join(lines)
        lines.append(f"Cần xử lý (to review): {_count(len(review))} dòng (rows)")
        for status, action in _ACTIONS.items():
            if counts[status.value]:
                lines.append(f"  {status.name_vi} ({status.value}): {action}")
        for number, row in review[:limit]:
            lines.append(
                f"  dòng / row {number}: {row.source!r} → {row.status.name_vi} "
                f"({row.status.value}): " + _choices(row)
            )
        if len(review) > limit:
            more = _count(len(review) - limit)
            lines.append(f"  … còn {more} dòng ({more} more: see the CSV or XLSX report)")
        return "\n".join(lines)

    def explain(self) -> str:
        """Same as [`summary`][tthc.migrate.MigrationReport.summary] (the text a person reads first)."""
        return self.summary()


def _count(number: int) -> str:
    """A count as Vietnamese text writes it: ``"1.234"``."""
    return decimal_vi(number, 0)


def migration_report(
    values: Any, *, kind: str = "addresses", on: _dt.date | None = None
) -> MigrationReport:
    """Convert a column and return the report a person works through.

    Args:
        values: A pandas or polars Series, an Arrow array or an iterable of strings.
        kind: ``"addresses"`` (free text) or ``"codes"`` (old unit codes).
        on: The date the records were made (default: 30/6/2025).

    Raises:
        InputTypeError: ``kind`` is neither, a value is not text, ``on`` is not a date.
    """
    day = record_day(on)
    return MigrationReport(rows=migrate_rows(values, kind=kind, on=day), kind=kind, on=day)


def _choices(row: MigratedRow) -> str:
    if row.candidates:
        listed = zip(row.candidates, row.candidate_names or row.candidates, strict=False)
        return "; ".join(f"{code} {name}" for code, name in listed)
    return row.note


def _record(number: int, row: MigratedRow) -> dict[str, str]:
    plain = row.as_record()
    return {
        "row": str(number),
        "source": row.source,
        "status": row.status.value,
        "candidates": plain["candidates"] or "",
        "candidate_names": plain["candidate_names"] or "",
        "clause": row.clause,
        "old_code": row.old_code or "",
        "old_name": row.old_name or "",
        "new_code": row.new_code or "",
        "new_name": row.new_name or "",
        "street": row.street,
        "note": row.note,
    }
