"""Biểu 08b (a commune's one-stop centre) and 08c (a province): reception points, staff, kit.

The facts are what a centre has — reception points, staff by kind, whether each kind of
equipment is sufficient — as the centre declares them; tthc checks them, lays them out as the
circular's annex does, and adds the commune reports up into the province's section II.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from tthc.errors import InputTypeError, ReportError
from tthc.reports._form07a import check_in_force
from tthc.reports._period import PeriodKind, ReportPeriod
from tthc.reports._rules import FormSpec, rules

_COUNTS = ("reception_points", "staff_dedicated", "staff_seconded", "staff_contract")
_EQUIPMENT = ("computers_for_staff", "computers_for_online", "scanners", "touch_screens")


def _count(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputTypeError(
            f"Biểu 08 (form 08): {attribute.name} must be a whole number ≥ 0, got {value!r}",
            argument=attribute.name,
        )


def _flag(instance: object, attribute: attrs.Attribute[bool], value: bool) -> None:
    if not isinstance(value, bool):
        raise InputTypeError(
            f"Biểu 08 (form 08): {attribute.name} says whether the centre is fully equipped "
            f"(True/False), got {value!r}",
            argument=attribute.name,
        )


def _name(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InputTypeError("Biểu 08 (form 08): the centre needs a name", argument="name")


@attrs.frozen(slots=True)
class CentreFacts:
    """What one public administrative service centre (TTPVHCC) has, for Biểu 08b/08c.

    Attributes:
        name: The centre (``"Trung tâm Phục vụ hành chính công phường Ninh Kiều"``).
        reception_points: Số lượng chi nhánh/điểm tiếp nhận — column (3).
        staff_dedicated: Chuyên trách của TTPVHCC — column (4).
        staff_seconded: Cử đến TTPVHCC by departments/divisions — column (5).
        staff_contract: Nhân viên hợp đồng — column (6).
        computers_for_staff: Enough computers for the officers receiving and resolving — (7).
        computers_for_online: Enough computers to help people use online services — (8).
        scanners: Enough scanners — (9).
        touch_screens: Enough touch screens to look up information and give ratings — (10).
    """

    name: str = attrs.field(validator=_name)
    reception_points: int = attrs.field(default=0, validator=_count)
    staff_dedicated: int = attrs.field(default=0, validator=_count)
    staff_seconded: int = attrs.field(default=0, validator=_count)
    staff_contract: int = attrs.field(default=0, validator=_count)
    computers_for_staff: bool = attrs.field(default=False, validator=_flag)
    computers_for_online: bool = attrs.field(default=False, validator=_flag)
    scanners: bool = attrs.field(default=False, validator=_flag)
    touch_screens: bool = attrs.field(default=False, validator=_flag)

    def columns(self) -> dict[int, int]:
        """Columns (3)–(10) as printed: counts, then 1 (fully equipped) or 0."""
        values = [getattr(self, k) for k in _COUNTS] + [int(getattr(self, k)) for k in _EQUIPMENT]
        return dict(zip(range(3, 11), values, strict=True))


@attrs.frozen(slots=True)
class ProcedureCounts:
    """Section I of Biểu 08c: how many procedures, by level (cấp tỉnh / cấp xã).

    Attributes:
        province, commune: Procedures under the local authorities' competence — (2), (3).
        received_province, received_commune: Of which received at the centres — (5), (6).
        with_process_province, with_process_commune: With an internal process issued — (8), (9).
    """

    province: int = attrs.field(validator=_count)
    commune: int = attrs.field(validator=_count)
    received_province: int = attrs.field(validator=_count)
    received_commune: int = attrs.field(validator=_count)
    with_process_province: int = attrs.field(validator=_count)
    with_process_commune: int = attrs.field(validator=_count)

    def __attrs_post_init__(self) -> None:
        for level in ("province", "commune"):
            total = getattr(self, level)
            for part in (f"received_{level}", f"with_process_{level}"):
                if getattr(self, part) > total:
                    raise ReportError(
                        f"Biểu 08c (form 08c): {part} ({getattr(self, part)}) is more than the "
                        f"{level} procedures ({total})",
                        field=part,
                    )

    def columns(self) -> dict[int, int]:
        """Columns (1)–(9) with the totals (1) = (2)+(3), (4) = (5)+(6), (7) = (8)+(9)."""
        pairs = [
            (self.province, self.commune),
            (self.received_province, self.received_commune),
            (self.with_process_province, self.with_process_commune),
        ]
        out: dict[int, int] = {}
        for index, (province, commune) in enumerate(pairs):
            out |= {
                3 * index + 1: province + commune,
                3 * index + 2: province,
                3 * index + 3: commune,
            }
        return out


def _check_period(period: ReportPeriod, form: str) -> None:
    if not isinstance(period, ReportPeriod):
        raise InputTypeError(
            f"Kỳ báo cáo (reporting period): pass a ReportPeriod, got {type(period).__name__}",
            argument="period",
        )
    if period.kind is PeriodKind.MONTH:
        raise ReportError(
            f"Biểu {form} (form {form}) is reported by quarter, half-year and year, not by month",
            hint="use ReportPeriod.quarter(...), .half_year(...) or .year_of(...)",
            period=period.label,
        )
    check_in_force(period)


def _centres(centres: Iterable[CentreFacts]) -> tuple[CentreFacts, ...]:
    out = tuple(centres)
    for centre in out:
        if not isinstance(centre, CentreFacts):
            raise InputTypeError(
                f"Biểu 08 (form 08): pass CentreFacts, got {type(centre).__name__}",
                argument="centres",
            )
    return out


def _sum_centres(centres: tuple[CentreFacts, ...]) -> dict[int, int]:
    total = dict.fromkeys(range(3, 11), 0)
    for centre in centres:
        for column, value in centre.columns().items():
            total[column] += value
    return total


@attrs.frozen(slots=True)
class Form08b:
    """Biểu 08b/BTP/KSTT of a commune (one row per centre) for a period."""

    period: ReportPeriod
    centres: tuple[CentreFacts, ...]

    @property
    def spec(self) -> FormSpec:
        """Number, title, source and notes of the form."""
        return rules().forms["08b"]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "form": self.spec.number,
            "period": self.period.to_dict(),
            "rows": [{"name": c.name, "columns": c.columns()} for c in self.centres],
            "legal_ref": self.spec.legal_ref.to_dict(),
        }


@attrs.frozen(slots=True)
class Form08c:
    """Biểu 08c/BTP/KSTT of a province: section I (procedures), section II (centres)."""

    period: ReportPeriod
    procedures: ProcedureCounts
    province_centre: CentreFacts
    communes: tuple[CentreFacts, ...]

    @property
    def spec(self) -> FormSpec:
        """Number, title, source and notes of the form."""
        return rules().forms["08c"]

    def section_ii(self) -> dict[str, dict[int, int]]:
        """Rows "Cấp tỉnh", "Cấp xã" (the communes summed) and "TỔNG CỘNG", columns (3)–(10)."""
        province = self.province_centre.columns()
        communes = _sum_centres(self.communes)
        total = {k: province[k] + communes[k] for k in province}
        return {"Cấp tỉnh": province, "Cấp xã": communes, "TỔNG CỘNG": total}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "form": self.spec.number,
            "period": self.period.to_dict(),
            "section_i": self.procedures.columns(),
            "section_ii": self.section_ii(),
            "legal_ref": self.spec.legal_ref.to_dict(),
            "note": self.spec.note,
        }


def form_08b(centres: Iterable[CentreFacts], period: ReportPeriod) -> Form08b:
    """Fill Biểu 08b/BTP/KSTT (a commune's one-stop centre) for a quarter, half-year or year.

    Raises:
        ReportError: a monthly period, or one before the form was in force.
        InputTypeError: something other than CentreFacts.
    """
    _check_period(period, "08b")
    return Form08b(period, _centres(centres))


def form_08c(
    period: ReportPeriod,
    *,
    procedures: ProcedureCounts,
    province_centre: CentreFacts,
    communes: Iterable[CentreFacts | Form08b],
) -> Form08c:
    """Fill Biểu 08c/BTP/KSTT of a province from its centre and its communes' 08b reports.

    ``communes`` are the communes' centres, or their 08b forms (of the same period).

    Raises:
        ReportError: a monthly period, one before the form was in force, or 08b forms of
            another period.
        InputTypeError: wrong argument types.
    """
    _check_period(period, "08c")
    flat: list[CentreFacts] = []
    for item in communes:
        if isinstance(item, Form08b):
            if item.period != period:
                raise ReportError(
                    f"Biểu 08b (form 08b) of {item.period.label} cannot go into 08c of "
                    f"{period.label}",
                    period=item.period.label,
                )
            flat.extend(item.centres)
        else:
            flat.append(item)
    if not isinstance(procedures, ProcedureCounts):
        raise InputTypeError(
            "Biểu 08c (form 08c): procedures must be a ProcedureCounts", argument="procedures"
        )
    (province,) = _centres([province_centre])
    return Form08c(period, procedures, province, _centres(flat))
