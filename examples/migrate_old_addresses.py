"""Migrate records that name pre-reform communes (before 1/7/2025) to the 2025 units.

Every old commune code is mapped with tthc.units.successors(). A commune that went whole into one
new commune migrates automatically; a commune that was split between several new communes
(nhập một phần) cannot be mapped without the street address, so it is reported with every
candidate instead of being guessed. Legal basis: the Nghị quyết .../NQ-UBTVQH15 of 16/6/2025 for
the province, clause by clause.

Run:  python examples/migrate_old_addresses.py [OLD_CODE ...]
"""

from __future__ import annotations

import sys

from tthc.errors import TthcError
from tthc.units import successors

#: Old commune codes as they appear on records made before 1/7/2025.
SAMPLE = [
    "00001",  # Phường Phúc Xá (Ba Đình, Hà Nội): whole → Phường Hồng Hà
    "00007",  # Phường Cống Vị (Ba Đình, Hà Nội): split between Ngọc Hà and Giảng Võ
    "31135",  # Phường Tân An (Ninh Kiều, Cần Thơ): whole → Phường Ninh Kiều
    "916",  # Quận Ninh Kiều: a district, not a commune: reported as an error
    "99999",  # unknown code: reported as an error
]


def migrate(codes: list[str]) -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    """Return (migrated old → new, ambiguous old → candidates, errors old → message)."""
    migrated: dict[str, str] = {}
    ambiguous: dict[str, list[str]] = {}
    errors: dict[str, str] = {}
    for code in codes:
        try:
            found = successors(code)
        except TthcError as err:
            errors[code] = f"error[{err.code}]: {err}"
            continue
        if len(found) == 1 and found[0].whole:
            migrated[code] = found[0].new.code
        else:
            ambiguous[code] = [s.new.code for s in found]
        for s in found:
            print(f"  {s}")
    return migrated, ambiguous, errors


def main(argv: list[str]) -> int:
    codes = argv or SAMPLE
    print(f"Migrating {len(codes)} old commune codes to the units of 1/7/2025:")
    migrated, ambiguous, errors = migrate(codes)
    print(f"\nMigrated automatically ({len(migrated)}):")
    for old, new in migrated.items():
        print(f"  {old} → {new}")
    print(f"\nAmbiguous: split communes, need the street address ({len(ambiguous)}):")
    for old, candidates in ambiguous.items():
        print(f"  {old} → one of {', '.join(candidates)}")
    print(f"\nNot migrated ({len(errors)}):")
    for old, message in errors.items():
        print(f"  {old}: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
