"""Migrating merged data (chuyển đổi dữ liệu sau sắp xếp đơn vị hành chính): old addresses and codes.

From 1/7/2025 the districts are gone and about 10,000 communes became 3,321 (Nghị quyết
1654–1687/NQ-UBTVQH15; Nghị quyết 202/2025/QH15 for the provinces). Every record made before
names units that no longer exist, mostly as free text. This package reads such records — one at a
time or by the million — and gives the 2025 unit(s) with the clause that transferred them:

* [`convert_address`][tthc.migrate.convert_address] reads an address (``"P. Tân An, Q. Ninh Kiều, TP Cần Thơ"``: kind
  words written out or abbreviated, accents or none, the statistics office's spellings,
  numbered wards, the new form without a district) and returns a [`Conversion`][tthc.migrate.Conversion]: the
  street, the old place matched, every candidate new unit and the status (``whole``, ``split``,
  ``already_new``). A text that fits several units raises
  [`AmbiguousUnitName`][tthc.errors.AmbiguousUnitName]; one that fits none
  [`UnknownUnit`][tthc.errors.UnknownUnit], with near misses as suggestions, never as the answer.
* [`convert_code`][tthc.migrate.convert_code] does the same for an old unit code; [`successor_of`][tthc.migrate.successor_of] gives the one
  succession row a record moves by, and needs an explicit ``choose=`` for a split unit;
  [`rehome`][tthc.migrate.rehome] moves a dossier's receiving or competent unit to it, recorded as an event
  citing that clause.
* [`convert_addresses`][tthc.migrate.convert_addresses] and [`convert_codes`][tthc.migrate.convert_codes] do it for a whole column (pandas, polars,
  Arrow, a list), marking each row instead of raising.
* [`migration_report`][tthc.migrate.migration_report] gives a [`MigrationReport`][tthc.migrate.MigrationReport] a person works through: counts by
  status, the split, ambiguous and unknown rows with their candidates and clause, as CSV, XLSX
  (``pip install openpyxl``) and a text summary.

A split commune (441 of them) is never mapped to one successor: its records need a person, a
street-level register or a map.

Example:
    >>> from tthc.migrate import convert_address
    >>> r = convert_address("Phường Bùi Hữu Nghĩa, Quận Bình Thủy, Thành phố Cần Thơ")
    >>> r.status.value, [u.full_name for u in r.new]
    ('split', ['Phường Cái Khế', 'Phường Bình Thủy'])
"""

from __future__ import annotations

from tthc.migrate._bulk import convert_addresses, convert_codes, migrate_rows
from tthc.migrate._convert import convert_address, convert_code, successor_of
from tthc.migrate._model import (
    RESULT_COLUMNS,
    Conversion,
    MigratedRow,
    MigrationStatus,
    OldPlace,
)
from tthc.migrate._rehome import rehome
from tthc.migrate._report import REPORT_COLUMNS, MigrationReport, migration_report

__all__ = [  # noqa: RUF022 - grouped by concept, as the module docstring presents them
    # one record
    "Conversion",
    "MigrationStatus",
    "OldPlace",
    "convert_address",
    "convert_code",
    # re-homing a record: the one successor, chosen explicitly for a split unit
    "successor_of",
    "rehome",
    # a whole column
    "RESULT_COLUMNS",
    "MigratedRow",
    "convert_addresses",
    "convert_codes",
    "migrate_rows",
    # the report a person works through
    "REPORT_COLUMNS",
    "MigrationReport",
    "migration_report",
]
