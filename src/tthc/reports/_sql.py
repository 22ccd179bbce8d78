"""SQL recipes: due dates and Biểu 07a computed by a database, with a join on the calendar.

A province's dossiers usually live in a database. With the working calendar loaded as a table
(``tthc calendar export --format sql``), the same answers as tthc's come out of plain SQL:

* the due date of N working days is the working day whose ``working_day_ordinal`` is the
  acceptance date's ordinal + N (Bộ luật Dân sự Điều 147.2: the day of acceptance is not
  counted);
* Biểu 07a is a ``GROUP BY`` over each dossier's two columns, decided by the rules of
  [`form_07a`][tthc.reports.form_07a].

The recipes run unchanged on PostgreSQL and SQLite (dates as ``DATE`` or ISO ``TEXT``). The
tests run them on both and compare every figure with tthc's own.
"""

from __future__ import annotations

from tthc._validate import sql_identifier
from tthc.reports._form07a import COUNTED, check_in_force
from tthc.reports._period import ReportPeriod

#: The columns the recipes expect in the dossiers table.
DOSSIER_SQL_COLUMNS = (
    "field",  # lĩnh vực
    "channel",  # online_full, online_partial, post, counter
    "accepted_date",  # DATE, Vietnam date of acceptance
    "limit_working_days",  # INTEGER, or NULL when due_date is given
    "due_date",  # DATE in force, or NULL to compute it from limit_working_days
    "result_date",  # DATE of the end of processing, NULL while open
    "supplement_requested_date",  # DATE of a supplement request open at the period end
)


def due_dates_sql(*, dossiers: str = "dossiers", calendar: str = "tthc_calendar") -> str:
    """SELECT each dossier's due date: its own ``due_date``, or N working days after acceptance.

    Returns the rows of ``dossiers`` with one more column, ``computed_due_date``.
    """
    d, c = sql_identifier(dossiers), sql_identifier(calendar)
    return (
        f"SELECT x.*, COALESCE(x.due_date, due.date) AS computed_due_date\n"
        f"FROM {d} x\n"
        f"LEFT JOIN {c} acc ON acc.date = x.accepted_date\n"
        f"LEFT JOIN {c} due ON x.due_date IS NULL AND due.is_working_day\n"
        f"  AND due.working_day_ordinal = acc.working_day_ordinal + x.limit_working_days"
    )


def form_07a_sql(
    period: ReportPeriod, *, dossiers: str = "dossiers", calendar: str = "tthc_calendar"
) -> str:
    """A query returning Biểu 07a's counted columns per field for ``period``.

    One row per field with the ten counted columns of `COUNTED` ((4)–(8), (10)–(12),
    (14)–(15)); the totals (3), (9) and (13) are their sums. The period's dates are written
    into the text as ISO literals (they come from a [`ReportPeriod`][tthc.reports.ReportPeriod], never from input).
    """
    check_in_force(period)
    start, end = f"'{period.start.isoformat()}'", f"'{period.end.isoformat()}'"
    judged = (
        f"COALESCE(CASE WHEN supplement_requested_date <= {end} "
        f"THEN supplement_requested_date END, {end})"
    )
    sums = ",\n".join(
        f"  SUM(CASE WHEN received = '{key}' OR standing = '{key}' THEN 1 ELSE 0 END) AS {key}"
        for key in COUNTED
    )
    return (
        f"WITH d AS (\n{due_dates_sql(dossiers=dossiers, calendar=calendar)}\n"
        f"WHERE x.accepted_date <= {end} AND (x.result_date IS NULL OR x.result_date >= {start})\n"
        "), c AS (\n"
        "SELECT field,\n"
        f"  CASE WHEN accepted_date < {start} THEN 'carried_over'\n"
        "       ELSE 'received_' || channel END AS received,\n"
        f"  CASE WHEN result_date IS NOT NULL AND result_date <= {end} THEN\n"
        "         CASE WHEN result_date < computed_due_date THEN 'resolved_early'\n"
        "              WHEN result_date = computed_due_date THEN 'resolved_on_time'\n"
        "              ELSE 'resolved_late' END\n"
        f"       WHEN {judged} <= computed_due_date THEN 'pending_in_time'\n"
        "       ELSE 'pending_overdue' END AS standing\n"
        "FROM d\n"
        ")\n"
        f"SELECT field,\n{sums}\nFROM c GROUP BY field ORDER BY field"
    )
