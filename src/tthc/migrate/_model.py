"""What a migration answers: the status, the old place matched and the new unit(s) with clauses."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from tthc._enums import LabelledEnum
from tthc._time import format_date
from tthc._validate import instance_of
from tthc.errors import InputTypeError
from tthc.legal import LegalRef
from tthc.units import AdministrativeUnit, Succession

__all__: list[str] = []  # private module: tthc.migrate re-exports the public names


class MigrationStatus(LabelledEnum):
    """How an old record maps to the 2025 units (the value is what tables and JSON carry)."""

    WHOLE = "whole", "nhập toàn bộ", "whole: one new unit"
    """The old commune went entirely into one new commune: the record moves without a choice."""
    SPLIT = "split", "chia tách", "split: several candidate new units"
    """The old commune was divided: every candidate is given and a person (or more data) decides."""
    AMBIGUOUS = "ambiguous", "không xác định được", "ambiguous: several old units fit"
    """The text fits several old (or old and new) units: the candidates are listed."""
    UNKNOWN = "unknown", "không tìm thấy", "unknown: no unit fits"
    """Nothing fits; near misses are given as suggestions, never as an answer."""
    ALREADY_NEW = "already_new", "đã theo đơn vị mới", "already new: a 2025 unit"
    """The record already names a 2025 unit (tỉnh + xã/phường/đặc khu, no district)."""


_WHAT = "Chuyển đổi địa chỉ (address migration)"


def _tuple_of(kind: type) -> Any:
    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple) or not all(isinstance(v, kind) for v in value):
            raise InputTypeError(
                f"{_WHAT}: {attribute.name} must be a tuple of {kind.__name__}",
                argument=attribute.name,
                got=type(value).__name__,
            )

    return check


_UNIT = instance_of(AdministrativeUnit, _WHAT)
_OPTIONAL_UNIT = attrs.validators.optional(_UNIT)


@attrs.frozen(slots=True)
class OldPlace:
    """The pre-reform unit an old record names, with the units above it.

    Attributes:
        province: The old province (tỉnh, thành phố trực thuộc trung ương).
        district: The old district (quận, huyện, thị xã, thành phố), ``None`` for a province code.
        commune: The old commune (xã, phường, thị trấn); ``None`` for the five districts without
            communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) and for a province code.
    """

    province: AdministrativeUnit = attrs.field(validator=_UNIT)
    district: AdministrativeUnit | None = attrs.field(validator=_OPTIONAL_UNIT)
    commune: AdministrativeUnit | None = attrs.field(validator=_OPTIONAL_UNIT)

    @property
    def unit(self) -> AdministrativeUnit:
        """The most precise unit matched (the commune, else the district, else the province)."""
        return self.commune or self.district or self.province

    @property
    def code(self) -> str:
        """Code of [`unit`][tthc.units.unit]."""
        return self.unit.code

    def __str__(self) -> str:
        return ", ".join(u.full_name for u in (self.commune, self.district, self.province) if u)


@attrs.frozen(slots=True)
class Conversion:
    """One old address or code read and mapped to the 2025 units.

    Attributes:
        source: The text or code as given.
        street: The part of the address before the units (số nhà, đường, ấp); ``""`` for a code.
        status: ``whole``, ``split`` or ``already_new`` (ambiguous and unknown texts raise).
        old: The old place matched; ``None`` when the record already names a 2025 unit.
        new: Every candidate 2025 unit: one when ``whole`` or ``already_new``, several when
            ``split``.
        successions: The succession rows used, each with its clause (empty for ``already_new``).
        on: The date the record was made, as given.
    """

    source: str = attrs.field(validator=instance_of(str, _WHAT))
    street: str = attrs.field(validator=instance_of(str, _WHAT))
    status: MigrationStatus = attrs.field(validator=instance_of(MigrationStatus, _WHAT))
    old: OldPlace | None = attrs.field(
        validator=attrs.validators.optional(instance_of(OldPlace, _WHAT))
    )
    new: tuple[AdministrativeUnit, ...] = attrs.field(validator=_tuple_of(AdministrativeUnit))
    successions: tuple[Succession, ...] = attrs.field(validator=_tuple_of(Succession))
    on: _dt.date = attrs.field(validator=instance_of(_dt.date, _WHAT))

    @status.validator
    def _check_status(self, _attribute: attrs.Attribute[Any], value: MigrationStatus) -> None:
        shapes = {
            MigrationStatus.WHOLE: len(self.new) == 1 and self.old is not None,
            MigrationStatus.SPLIT: len(self.new) >= 2 and self.old is not None,
            MigrationStatus.ALREADY_NEW: len(self.new) == 1 and self.old is None,
        }
        if not shapes.get(value, False):
            raise InputTypeError(
                f"{_WHAT}: status {value.value!r} does not fit {len(self.new)} new unit(s)",
                argument="status",
                got=value.value,
            )

    @property
    def new_code(self) -> str | None:
        """The one new code when there is no choice to make; ``None`` for a split."""
        return self.new[0].code if len(self.new) == 1 else None

    @property
    def codes(self) -> tuple[str, ...]:
        """Codes of every candidate new unit."""
        return tuple(u.code for u in self.new)

    @property
    def legal_basis(self) -> tuple[LegalRef, ...]:
        """The clause(s): of the succession, or that formed the unit when already new."""
        if self.successions:
            return tuple(dict.fromkeys(s.legal_basis for s in self.successions))
        return tuple(u.legal_basis for u in self.new if u.legal_basis is not None)

    def explain(self) -> str:
        """Return, line by line, what was read and why the new unit(s) follow."""
        lines = [f"Địa chỉ / mã (record): {self.source!r}"]
        if self.street:
            lines.append(f"Số nhà, đường (street): {self.street}")
        if self.old is not None:
            lines.append(
                f"Đơn vị cũ (old unit, until {_until(self.old)}): {self.old} [{self.old.code}]"
            )
        lines.append(f"Kết quả (status): {self.status.label}")
        by_new = {s.new.code: s for s in self.successions}
        for u in self.new:
            basis = by_new[u.code].legal_basis if u.code in by_new else u.legal_basis
            cite = f" — {basis.cite()}" if basis is not None else ""
            lines.append(f"  → {u.full_name} ({u.code}){cite}")
        if self.status is MigrationStatus.SPLIT:
            lines.append(
                "  Đơn vị cũ bị chia tách (split): chọn một đơn vị theo địa chỉ chi tiết; "
                "tthc không tự chọn / a person or street-level data must choose"
            )
        return "\n".join(lines)

    def __str__(self) -> str:
        names = ", ".join(f"{u.full_name} ({u.code})" for u in self.new)
        return f"{self.source} → {names} [{self.status.value}]"


@attrs.frozen(slots=True)
class MigratedRow:
    """One row of a bulk migration, as tables and reports carry it (plain strings).

    Attributes:
        source: The value as given (``""`` for a missing value).
        status: ``whole``, ``split``, ``ambiguous``, ``unknown`` or ``already_new``.
        new_code: The new code when there is exactly one, else ``None``.
        new_name: Its full name, else ``None``.
        candidates: Codes of the candidates: the new units of a split, the units an ambiguous
            text fits, the near misses of an unknown one (suggestions, not answers).
        candidate_names: Their names with the province, in the same order.
        clause: The clause(s) of the succession, ``"; "``-separated.
        old_code: The old unit matched, when one was.
        old_name: Its name with district and province.
        street: The street part of an address.
        note: What a person needs to know (the error message for ambiguous and unknown rows).
    """

    source: str = attrs.field(validator=instance_of(str, _WHAT))
    status: MigrationStatus = attrs.field(validator=instance_of(MigrationStatus, _WHAT))
    new_code: str | None = None
    new_name: str | None = None
    candidates: tuple[str, ...] = ()
    candidate_names: tuple[str, ...] = ()
    clause: str = ""
    old_code: str | None = None
    old_name: str | None = None
    street: str = ""
    note: str = ""

    def as_record(self) -> dict[str, str | None]:
        """Return the row as plain strings (candidates ``";"``-joined), for CSV and frames."""
        return {
            "new_code": self.new_code,
            "status": self.status.value,
            "candidates": ";".join(self.candidates),
            "candidate_names": "; ".join(self.candidate_names),
            "clause": self.clause,
            "old_code": self.old_code,
            "old_name": self.old_name,
            "street": self.street,
            "note": self.note,
        }


RESULT_COLUMNS = (
    "new_code",
    "status",
    "candidates",
    "candidate_names",
    "clause",
    "old_code",
    "old_name",
    "street",
    "note",
)
"""The columns a bulk migration adds, in order (see [`MigratedRow.as_record`][tthc.migrate.MigratedRow.as_record])."""


def _until(old: OldPlace) -> str:
    end = old.unit.validity.end
    return format_date(end) if end is not None else "…"
