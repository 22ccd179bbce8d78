"""Biểu 07b (a province) and 07c (a ministry): sections summed from the bodies' 07a forms."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from tthc._text import fold
from tthc.errors import InputTypeError, ReportError
from tthc.legal import LegalRef
from tthc.reports._form07a import Form07a, Form07aRow, columns
from tthc.reports._period import ReportPeriod
from tthc.reports._rules import FormSpec, rules


@attrs.frozen(slots=True)
class Section:
    """One numbered section of a form (``"I"``, ``"II"`` …) with its rows per field."""

    key: str
    title_vi: str
    rows: tuple[Form07aRow, ...]

    @property
    def total(self) -> Form07aRow:
        """The sum of the section's rows."""
        return _sum(self.rows, f"Mục {self.key}")


@attrs.frozen(slots=True)
class SectionedForm:
    """Biểu 07b or 07c: sections of rows per field, and the total of every section.

    Attributes:
        form: ``"07b"`` or ``"07c"``.
        period: The reporting period.
        sections: The sections in the form's order.
    """

    form: str
    period: ReportPeriod
    sections: tuple[Section, ...]

    @property
    def spec(self) -> FormSpec:
        """Number, title, source and notes of the form."""
        return rules().forms[self.form]

    @property
    def total(self) -> Form07aRow:
        """The "TỔNG CỘNG" row: every section summed."""
        return _sum([s.total for s in self.sections], "TỔNG CỘNG")

    @property
    def legal_basis(self) -> LegalRef:
        """The form's source in the annex of Thông tư 09/2026/TT-BTP."""
        return self.spec.legal_ref

    def section(self, key: str) -> Section:
        """The section ``key`` (``"I"``, ``"II"`` …)."""
        for section in self.sections:
            if section.key == key:
                return section
        raise InputTypeError(
            f"Biểu {self.form} (form {self.form}) has no section {key!r}",
            hint="sections: " + ", ".join(s.key for s in self.sections),
            argument="key",
        )

    def to_csv(self) -> str:
        """The form as CSV: the column header, each section's title and rows, the total."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["STT", "Lĩnh vực giải quyết", *(f"({c.number})" for c in columns())])
        for section in self.sections:
            writer.writerow([f"{section.key}.", section.title_vi])
            for index, row in enumerate(section.rows, start=1):
                writer.writerow([index, row.field, *row.by_number().values()])
        writer.writerow(["", "TỔNG CỘNG", *self.total.by_number().values()])
        return out.getvalue()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: period, sections with their rows and totals, total, source."""
        return {
            "form": self.spec.number,
            "period": self.period.to_dict(),
            "sections": [
                {
                    "key": s.key,
                    "title_vi": s.title_vi,
                    "rows": [row.to_dict() for row in s.rows],
                    "total": s.total.to_dict(),
                }
                for s in self.sections
            ],
            "total": self.total.to_dict(),
            "legal_ref": self.legal_basis.to_dict(),
            "note": self.spec.note or None,
        }


def _sum(rows: Iterable[Form07aRow], name: str) -> Form07aRow:
    total = Form07aRow(name)
    for row in rows:
        total = total + row
    return attrs.evolve(total, field=name)


def _merge(
    forms: Iterable[Form07a], period: ReportPeriod | None
) -> tuple[ReportPeriod | None, tuple[Form07aRow, ...]]:
    by_field: dict[str, Form07aRow] = {}
    for form in forms:
        if not isinstance(form, Form07a):
            raise InputTypeError(
                f"Biểu 07a (form 07a): pass Form07a objects, got {type(form).__name__}",
                argument="forms",
            )
        if period is not None and form.period != period:
            raise ReportError(
                f"Biểu 07a (form 07a) of {form.period.label} cannot be summed with forms of "
                f"{period.label}",
                hint="sum only the forms of one reporting period",
                period=form.period.label,
            )
        period = form.period
        for row in form.rows:
            key = fold(row.field)
            known = by_field.get(key)
            by_field[key] = row if known is None else known + row
    ordered = sorted(by_field.values(), key=lambda r: (fold(r.field), r.field))
    return period, tuple(ordered)


def _build(form: str, parts: Mapping[str, Iterable[Form07a]]) -> SectionedForm:
    spec = rules().forms[form]
    unknown = sorted(set(parts) - {key for key, _ in spec.sections})
    if unknown:
        raise InputTypeError(
            f"Biểu {form} (form {form}) has no section {unknown[0]!r}",
            hint="sections: " + ", ".join(key for key, _ in spec.sections),
            argument="sections",
        )
    period: ReportPeriod | None = None
    sections = []
    for key, title in spec.sections:
        period, rows = _merge(parts.get(key, ()), period)
        sections.append(Section(key, title, rows))
    if period is None:
        raise ReportError(
            f"Biểu {form} (form {form}): no 07a form was given, so the period is unknown",
            hint="pass the 07a forms of the period (an empty one for a body with no dossier)",
        )
    return SectionedForm(form, period, tuple(sections))


def sum_07a(forms: Iterable[Form07a]) -> Form07a:
    """Add up 07a forms of one period field by field (partitions of one body's dossiers).

    Each dossier is counted in exactly one of its columns, so the form of a set of dossiers is
    the sum of the forms of any partition of it: this is how a cluster fills the form of a
    country's volume (see ``examples/dask_form_07a.py``).

    Raises:
        ReportError: forms of different periods, or no form at all.
    """
    period, rows = _merge(forms, None)
    if period is None:
        raise ReportError(
            "Biểu 07a (form 07a): no form was given, so the period is unknown",
            hint="pass at least one form (an empty one for a body with no dossier)",
        )
    return Form07a(period, rows)


def form_07b(own: Iterable[Form07a], communes: Iterable[Form07a]) -> SectionedForm:
    """Fill Biểu 07b/BTP/KSTT of a province from 07a forms of one period.

    Section I sums the 07a forms of the bodies of the provincial People's Committee (its
    departments); section II the communes' 07a forms ("số liệu được tổng hợp từ báo cáo của
    UBND các xã, phường, đặc khu"). Rows are per field, summed across forms.

    Raises:
        ReportError: forms of different periods, or no form at all.
        InputTypeError: something other than Form07a objects.
    """
    return _build("07b", {"I": own, "II": communes})


def form_07c(sections: Mapping[str, Iterable[Form07a]]) -> SectionedForm:
    """Fill Biểu 07c/BTP/KSTT of a ministry from its bodies' 07a forms, by section.

    ``sections`` maps ``"I"`` (the ministry's own units), ``"II"``, ``"III"`` and ``"IV"``
    (vertical agencies at central, regional/provincial and commune level) to 07a forms of one
    period; a missing section is empty. The circular's transcription numbers 07c's columns
    inconsistently with its own headings: tthc prints 07a's numbering and says so in
    ``to_dict()["note"]``.
    """
    return _build("07c", sections)
