"""Statistical reports of Thông tư 09/2026/TT-BTP (báo cáo kiểm soát thủ tục hành chính).

Since 1/8/2026 every commune, provincial department and ministry files the statistics of
Thông tư 09/2026/TT-BTP for exact date ranges. This package fills them from what tthc already
decides: which dossiers were received, resolved early, on time or late, and which are pending.

Example:
    >>> from tthc.reports import ReportPeriod
    >>> period = ReportPeriod.month(2026, 9)
    >>> print(period)
    Tháng 9 năm 2026 (Từ ngày 15/08/2026 đến ngày 14/09/2026)
"""

from __future__ import annotations

from tthc.reports._form07a import (
    Form07a,
    Form07aRow,
    classify_dossier,
    columns,
    form_07a,
)
from tthc.reports._form08 import (
    CentreFacts,
    Form08b,
    Form08c,
    ProcedureCounts,
    form_08b,
    form_08c,
)
from tthc.reports._output import on_time_rate, plot_on_time_rates, to_html, write_xlsx
from tthc.reports._period import PeriodKind, ReportPeriod, parse_period
from tthc.reports._rules import Column, CountingRule, FormSpec
from tthc.reports._sections import Section, SectionedForm, form_07b, form_07c, sum_07a
from tthc.reports._slip import ControlSlip, SlipEntry, control_slip
from tthc.reports._sql import DOSSIER_SQL_COLUMNS, due_dates_sql, form_07a_sql
from tthc.reports._table import TABLE_COLUMNS, dossiers_to_table, form_07a_from_table

__all__ = [  # noqa: RUF022 - grouped by concept
    # Reporting periods (kỳ báo cáo)
    "PeriodKind",
    "ReportPeriod",
    "parse_period",
    # Biểu 07a from dossiers
    "Column",
    "CountingRule",
    "Form07a",
    "Form07aRow",
    "classify_dossier",
    "columns",
    "form_07a",
    # Biểu 07b (a province) and 07c (a ministry) from 07a forms
    "FormSpec",
    "Section",
    "SectionedForm",
    "form_07b",
    "form_07c",
    "sum_07a",
    # Biểu 07a from a table (pandas, polars, Arrow, numpy)
    "TABLE_COLUMNS",
    "dossiers_to_table",
    "form_07a_from_table",
    # Biểu 08b (a commune's centre) and 08c (a province): reception points, staff, equipment
    "CentreFacts",
    "Form08b",
    "Form08c",
    "ProcedureCounts",
    "form_08b",
    "form_08c",
    # Phiếu kiểm soát quá trình giải quyết hồ sơ (the process control slip)
    "ControlSlip",
    "SlipEntry",
    "control_slip",
    # SQL recipes (PostgreSQL, SQLite) with the calendar table of `tthc calendar export`
    "DOSSIER_SQL_COLUMNS",
    "due_dates_sql",
    "form_07a_sql",
    # What people file: XLSX like the official form, printable HTML, a chart
    "on_time_rate",
    "plot_on_time_rates",
    "to_html",
    "write_xlsx",
]
