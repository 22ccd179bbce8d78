"""The SQL recipes give tthc's own figures, on SQLite and on a real PostgreSQL server.

The calendar is loaded from ``tthc calendar export --format sql``; the dossiers of the
September 2026 scenario (see test_form07a.py) are loaded as rows. PostgreSQL is started by the
test from Debian's package (``apt-get install postgresql``); where it is not installed the
PostgreSQL half is skipped with that message.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
from test_form07a import FIELDS, OCTOBER, SEPTEMBER, fully_online, scenario

from tthc._time import VN_TZ
from tthc.bulk import calendar_sql
from tthc.calendar import civil_service_calendar
from tthc.errors import InputTypeError
from tthc.reports import (
    DOSSIER_SQL_COLUMNS,
    Form07a,
    Form07aRow,
    ReportPeriod,
    dossiers_to_table,
    due_dates_sql,
    form_07a,
    form_07a_sql,
)

PERIODS = [ReportPeriod.month(2026, 8), SEPTEMBER, OCTOBER]
_CREATE = (
    "CREATE TABLE dossiers (field TEXT, channel TEXT, accepted_date DATE, "
    "limit_working_days INTEGER, due_date DATE, result_date DATE, "
    "supplement_requested_date DATE)"
)


def _date(value: dt.datetime | dt.date | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.astimezone(VN_TZ).date()
    return value


def _rows(period: ReportPeriod) -> list[tuple[Any, ...]]:
    """The dossiers as they stood at the end of ``period``: due dates as tthc gives them."""
    table = dossiers_to_table(scenario().values(), period, fields=FIELDS, online_full=fully_online)
    return [
        (f, c, _date(a), None, d, _date(r), _date(s))
        for f, c, a, d, r, s in zip(
            table["field"],
            table["channel"],
            table["accepted_at"],
            table["due_date"],
            table["result_at"],
            table["supplement_requested_at"],
            strict=True,
        )
    ]


def _form(period: ReportPeriod, result: list[tuple[Any, ...]]) -> Form07a:
    rows = tuple(Form07aRow(r[0], *(int(v) for v in r[1:])) for r in result)
    return Form07a(period, rows)


def _expected(period: ReportPeriod) -> Form07a:
    return form_07a(scenario().values(), period, fields=FIELDS, online_full=fully_online)


# --- SQLite ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sqlite_db() -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(":memory:")
    db.executescript(calendar_sql(civil_service_calendar(), 2025, 2027))
    db.execute(_CREATE)
    yield db
    db.close()


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.label)
def test_form_07a_in_sqlite(sqlite_db: sqlite3.Connection, period: ReportPeriod) -> None:
    sqlite_db.execute("DELETE FROM dossiers")
    sqlite_db.executemany(
        "INSERT INTO dossiers VALUES (?, ?, ?, ?, ?, ?, ?)",
        [tuple(v.isoformat() if isinstance(v, dt.date) else v for v in r) for r in _rows(period)],
    )
    result = sqlite_db.execute(form_07a_sql(period)).fetchall()
    assert _form(period, result) == _expected(period)


def test_due_dates_in_sqlite(sqlite_db: sqlite3.Connection) -> None:
    # N working days after acceptance, by the ordinal join, equal tthc's due dates (including
    # Sat 22/8/2026, a make-up working day, and the National Day days off 31/8-2/9).
    calendar = civil_service_calendar()
    cases = [
        (dt.date(2026, 8, 20), 5),
        (dt.date(2026, 8, 28), 5),
        (dt.date(2026, 8, 29), 1),
        (dt.date(2027, 2, 3), 5),
        (dt.date(2026, 12, 31), 22),
    ]
    sqlite_db.execute("DELETE FROM dossiers")
    sqlite_db.executemany(
        "INSERT INTO dossiers VALUES ('x', 'counter', ?, ?, NULL, NULL, NULL)",
        [(day.isoformat(), n) for day, n in cases],
    )
    got = sqlite_db.execute(
        f"SELECT accepted_date, limit_working_days, computed_due_date FROM ({due_dates_sql()}) q "
        "ORDER BY accepted_date"
    ).fetchall()
    expected = sorted(
        (day.isoformat(), n, calendar.add_working_days(day, n).isoformat()) for day, n in cases
    )
    assert got == expected
    assert ("2026-08-20", 5, "2026-08-26") in got


def test_calendar_sql_refuses_a_table_name_that_is_not_an_identifier() -> None:
    with pytest.raises(InputTypeError, match="table name"):
        calendar_sql(civil_service_calendar(), 2026, 2026, table="x; DROP TABLE y")
    with pytest.raises(InputTypeError, match="table name"):
        form_07a_sql(SEPTEMBER, dossiers="1dossiers")
    assert DOSSIER_SQL_COLUMNS[0] == "field"


# --- PostgreSQL -----------------------------------------------------------------------------------


def _pg_bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return None if initdb is None else os.path.dirname(os.path.realpath(initdb))


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def postgres() -> Iterator[Any]:
    psycopg = pytest.importorskip("psycopg", reason="pip install 'psycopg[binary]'")
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed here: apt-get install postgresql")
    root = tempfile.mkdtemp(prefix="tthc-pg-")
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        os.chmod(root, 0o755)
        shutil.chown(root, "postgres", "postgres")
    data, port = os.path.join(root, "data"), _free_port()

    def run(*command: str) -> None:
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)

    run(f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
    options = f"-p {port} -k {root} -c listen_addresses='' -c fsync=off"
    run(f"{bindir}/pg_ctl", "-D", data, "-o", options, "-w", "-l", f"{root}/log", "start")
    try:
        with psycopg.connect(host=root, port=port, user="postgres", dbname="postgres") as conn:
            conn.execute(calendar_sql(civil_service_calendar(), 2025, 2027))
            conn.execute(_CREATE)
            yield conn
    finally:
        run(f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.label)
def test_form_07a_in_postgresql(postgres: Any, period: ReportPeriod) -> None:
    postgres.execute("DELETE FROM dossiers")
    with postgres.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO dossiers VALUES (%s, %s, %s, %s, %s, %s, %s)", _rows(period)
        )
    result = postgres.execute(form_07a_sql(period)).fetchall()
    assert _form(period, result) == _expected(period)


def test_due_dates_in_postgresql(postgres: Any) -> None:
    postgres.execute("DELETE FROM dossiers")
    postgres.execute(
        "INSERT INTO dossiers VALUES ('x', 'counter', DATE '2026-08-28', 5, NULL, NULL, NULL)"
    )
    (due,) = postgres.execute(f"SELECT computed_due_date FROM ({due_dates_sql()}) q").fetchone()
    assert due == dt.date(2026, 9, 9)  # 31/8, 1/9, 2/9 off (Thông báo 9441/TB-BNV)
