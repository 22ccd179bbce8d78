"""What people file: Biểu 07a as an XLSX laid out like the official form, as HTML, as a chart."""

from __future__ import annotations

import html
import importlib
import os
from collections.abc import Sequence
from typing import Any

from tthc.errors import InputTypeError, MissingExtraError
from tthc.reports._form07a import Form07a, Form07aRow
from tthc.reports._sections import SectionedForm

AnyForm = Form07a | SectionedForm
# The header rows of the printed form: (first column, last column, text), columns 1-15.
_GROUPS = (
    (3, 8, "Số lượng hồ sơ tiếp nhận"),
    (9, 12, "Số lượng hồ sơ đã giải quyết"),
    (13, 15, "Số lượng hồ sơ đang giải quyết"),
)
_SUBHEADS = {
    3: "Tổng số",
    8: "Từ kỳ trước",
    9: "Tổng số",
    10: "Trước hạn",
    11: "Đúng hạn",
    12: "Quá hạn",
    13: "Tổng số",
    14: "Trong hạn",
    15: "Quá hạn",
}
_CHANNELS = {
    4: "Trực tuyến toàn trình",
    5: "Trực tuyến một phần",
    6: "Qua dịch vụ bưu chính",
    7: "Trực tiếp",
}
_FORMULAS = {3: "(3)=(4)+(5)+(6)+(7)+(8)", 9: "(9)=(10)+(11)+(12)", 13: "(13)=(14)+(15)"}


def _extra(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"Báo cáo (report): this output needs {module.split('.', maxsplit=1)[0]}",
            hint=f'pip install "tthc[{extra}]"',
            extra=extra,
        ) from None


def _header_lines(form: AnyForm, reporter: str, recipient: str) -> list[str]:
    return [
        f"Biểu số {form.spec.number} — {form.spec.title_vi.upper()}",
        f"Kỳ báo cáo: {form.period.label}",
        form.period.range_label,
        f"Đơn vị báo cáo: {reporter}",
        f"Đơn vị nhận báo cáo: {recipient}",
        "Đơn vị tính: Số hồ sơ TTHC.",
    ]


def _body(form: AnyForm) -> list[list[Any]]:
    parts = (
        [("", "", form.rows)]
        if isinstance(form, Form07a)
        else [(s.key, s.title_vi, s.rows) for s in form.sections]
    )
    rows: list[list[Any]] = []
    for key, title, section_rows in parts:
        if key:
            rows.append([f"{key}.", title])
        rows.extend(
            [index, row.field, *row.by_number().values()]
            for index, row in enumerate(section_rows, 1)
        )
    rows.append(["", "TỔNG CỘNG", *form.total.by_number().values()])
    return rows


def write_xlsx(
    form: AnyForm,
    path: str | os.PathLike[str],
    *,
    reporter: str = "…",
    recipient: str = "…",
) -> None:
    """Write Biểu 07a (or 07b, 07c) to ``path`` as an XLSX sheet laid out like the official form.

    The sheet has the header block (form number, title, period, "Từ ngày … đến ngày …", the
    reporting and receiving bodies, the unit), the three header rows with merged cells, the
    column numbers (1)–(15) with the form's identities, one row per field and the total row.
    Needs the ``reports`` extra (openpyxl).
    """
    openpyxl = _extra("openpyxl", "reports")
    styles = _extra("openpyxl.styles", "reports")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = f"{form.spec.number.split('/')[0]}"
    bold = styles.Font(bold=True)
    centre = styles.Alignment(horizontal="center", vertical="center", wrap_text=True)
    thin = styles.Side(style="thin")
    box = styles.Border(left=thin, right=thin, top=thin, bottom=thin)
    for line_number, line in enumerate(_header_lines(form, reporter, recipient), start=1):
        sheet.cell(row=line_number, column=1, value=line).font = bold if line_number == 1 else None
    top = 8
    _xlsx_headers(sheet, top, bold, centre)
    body = _body(form)
    for offset, values in enumerate(body):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=top + 4 + offset, column=column, value=value)
            cell.alignment = centre if column != 2 else styles.Alignment(wrap_text=True)
            if values[1] == "TỔNG CỘNG" or len(values) == 2:
                cell.font = bold
    for row in sheet.iter_rows(min_row=top, max_row=top + 3 + len(body), max_col=15):
        for cell in row:
            cell.border = box
    _xlsx_page(sheet, top)
    book.save(os.fspath(path))


def _xlsx_page(sheet: Any, top: int) -> None:
    """Column widths, header row heights, and a landscape page one sheet wide (for printing)."""
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 26
    for letter in "CDEFGHIJKLMNO":
        sheet.column_dimensions[letter].width = 11
    for row, height in ((top, 30), (top + 1, 30), (top + 2, 45), (top + 3, 45)):
        sheet.row_dimensions[row].height = height
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _xlsx_headers(sheet: Any, top: int, bold: Any, centre: Any) -> None:
    def put(row: int, column: int, value: str, *, to_row: int = 0, to_column: int = 0) -> None:
        cell = sheet.cell(row=row, column=column, value=value)
        cell.font, cell.alignment = bold, centre
        if to_row or to_column:
            sheet.merge_cells(
                start_row=row,
                start_column=column,
                end_row=to_row or row,
                end_column=to_column or column,
            )

    put(top, 1, "STT", to_row=top + 2)
    put(top, 2, "Lĩnh vực giải quyết", to_row=top + 2)
    for first, last, text in _GROUPS:
        put(top, first, text, to_column=last)
    for column, text in _SUBHEADS.items():
        put(top + 1, column, text, to_row=top + 2)
    put(top + 1, 4, "Trong kỳ", to_column=7)
    for column, text in _CHANNELS.items():
        put(top + 2, column, text)
    for column in range(1, 16):
        put(top + 3, column, _FORMULAS.get(column, f"({column})"))


def to_html(form: AnyForm, *, reporter: str = "…", recipient: str = "…") -> str:
    """Biểu 07a (or 07b, 07c) as a printable HTML page (UTF-8, no external resources)."""
    esc = html.escape
    lines = _header_lines(form, reporter, recipient)
    head = f'<p class="title">{esc(lines[0])}</p>' + "".join(f"<p>{esc(x)}</p>" for x in lines[1:])
    groups = "".join(f'<th colspan="{b - a + 1}">{esc(t)}</th>' for a, b, t in _GROUPS)
    second = (
        f"<th rowspan=2>{_SUBHEADS[3]}</th><th colspan=4>Trong kỳ</th>"
        f"<th rowspan=2>{_SUBHEADS[8]}</th>"
        + "".join(f"<th rowspan=2>{esc(_SUBHEADS[c])}</th>" for c in range(9, 16))
    )
    third = "".join(f"<th>{esc(text)}</th>" for text in _CHANNELS.values())
    numbers = "".join(f"<th>{esc(_FORMULAS.get(c, f'({c})'))}</th>" for c in range(1, 16))
    body = "".join(_html_row(values) for values in _body(form))
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>Biểu số {esc(form.spec.number)} {esc(form.period.label)}</title><style>"
        "body{font-family:sans-serif}table{border-collapse:collapse}"
        "td,th{border:1px solid #000;padding:2px 6px;text-align:center}"
        ".title{font-weight:bold}</style></head><body>"
        f"{head}<table><tr><th rowspan=3>STT</th><th rowspan=3>Lĩnh vực giải quyết</th>"
        f"{groups}</tr><tr>{second}</tr><tr>{third}</tr><tr>{numbers}</tr>{body}</table>"
        "</body></html>"
    )


def _html_row(values: list[Any]) -> str:
    if len(values) == 2:  # a section title: "I." and its text across the table
        return f'<tr><th>{html.escape(values[0])}</th><th colspan="14">{html.escape(values[1])}</th></tr>'
    return "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in values) + "</tr>"


def on_time_rate(row: Form07aRow) -> float | None:
    """Share of resolved dossiers resolved early or on time, or ``None`` when none was resolved."""
    if row.resolved_total == 0:
        return None
    return (row.resolved_early + row.resolved_on_time) / row.resolved_total


def plot_on_time_rates(forms: Sequence[Form07a], path: str | os.PathLike[str]) -> None:
    """Draw the on-time rate (trước hạn + đúng hạn over đã giải quyết) by field and period.

    One group of bars per field, one bar per form (period), in the order given; written as PNG
    (or any format matplotlib infers from the file name). Needs the ``reports`` extra.
    """
    if not forms or not all(isinstance(form, Form07a) for form in forms):
        raise InputTypeError("Biểu đồ (chart): pass one or more Form07a objects", argument="forms")
    matplotlib = _extra("matplotlib", "reports")
    matplotlib.use("Agg")
    pyplot = _extra("matplotlib.pyplot", "reports")
    fields = sorted({row.field for form in forms for row in form.rows})
    figure, axes = pyplot.subplots(figsize=(max(6.0, 1.2 * len(fields) * len(forms)), 4.0))
    width = 0.8 / len(forms)
    for index, form in enumerate(forms):
        rates = [on_time_rate(form.row(field)) for field in fields]
        positions = [f + index * width for f in range(len(fields))]
        bars = axes.bar(
            positions, [100 * (r or 0.0) for r in rates], width, label=form.period.label
        )
        # A field with nothing resolved has no rate: say so instead of drawing a 0 % bar.
        labels = ["–" if rate is None else f"{100 * rate:.0f} %" for rate in rates]
        axes.bar_label(bars, labels=labels, padding=2, fontsize=8)
    axes.set_xticks([f + width * (len(forms) - 1) / 2 for f in range(len(fields))], fields)
    axes.set_ylim(0, 110)
    axes.set_ylabel("Tỷ lệ giải quyết đúng hạn (%)")
    axes.set_title("Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn\n(Biểu 07a/BTP/KSTT)", fontsize=10)
    axes.legend(loc="lower right", fontsize=8)
    figure.tight_layout()
    figure.savefig(os.fspath(path), dpi=100)
    pyplot.close(figure)
