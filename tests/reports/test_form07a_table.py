"""Biểu 07a from a table (pandas, polars, Arrow, plain columns) equals Biểu 07a from dossiers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_form07a import (
    APPLICANT,
    AUTHORITY,
    FIELDS,
    ONE_STOP,
    SEPTEMBER,
    K,
    accepted,
    fully_online,
    scenario,
    t,
    then,
)

from tthc._time import VN_TZ
from tthc.dossiers import Channel, Dossier
from tthc.errors import InputTypeError, InvalidArrayError, NaiveDatetimeError, ReportError
from tthc.reports import (
    TABLE_COLUMNS,
    ReportPeriod,
    dossiers_to_table,
    form_07a,
    form_07a_from_table,
)


def _table() -> dict[str, list[Any]]:
    return dossiers_to_table(
        scenario().values(), SEPTEMBER, fields=FIELDS, online_full=fully_online
    )


def _frames() -> dict[str, Any]:
    table = _table()
    frame = pd.DataFrame(table)
    for name in ("accepted_at", "result_at", "supplement_requested_at"):
        frame[name] = pd.to_datetime(frame[name], utc=True)
    return {
        "mapping": table,
        "pandas": frame,
        "pandas-vietnam-time": frame.assign(
            accepted_at=frame["accepted_at"].dt.tz_convert("Asia/Ho_Chi_Minh")
        ),
        "polars": pl.from_pandas(frame),
        "arrow": pa.Table.from_pandas(frame),
    }


@pytest.mark.parametrize("kind", list(_frames()))
def test_every_container_gives_the_form_of_the_dossiers(kind: str) -> None:
    expected = form_07a(scenario().values(), SEPTEMBER, fields=FIELDS, online_full=fully_online)
    assert form_07a_from_table(_frames()[kind], SEPTEMBER) == expected


def test_table_columns_and_refusals_match_the_dossier_path() -> None:
    assert tuple(_table()) == TABLE_COLUMNS
    with pytest.raises(ReportError, match="toàn trình"):
        dossiers_to_table(scenario().values(), SEPTEMBER, fields=FIELDS)


def test_dates_instead_of_instants_and_vietnamese_channel_names() -> None:
    table = {
        "field": ["Hộ tịch", "Hộ tịch"],
        "channel": ["Trực tiếp", "truc tuyen toan trinh"],
        "accepted_at": [dt.date(2026, 9, 1), dt.date(2026, 9, 2)],
        "due_date": np.array(["2026-09-10", "2026-09-03"], dtype="datetime64[D]"),
        "result_at": [None, dt.date(2026, 9, 4)],
    }
    form = form_07a_from_table(table, SEPTEMBER)
    # 1/9 due 10/9, open on 14/9: overdue; 2/9 due 3/9, ended 4/9: late.
    counts = {3: 2, 4: 1, 5: 0, 6: 0, 7: 1, 8: 0, 9: 1, 10: 0, 11: 0, 12: 1, 13: 1, 14: 0, 15: 1}
    assert form.total.by_number() == counts


def test_naive_instants_are_refused() -> None:
    table = _table()
    naive = pd.DataFrame(table).assign(
        accepted_at=[a.replace(tzinfo=None) for a in table["accepted_at"]]
    )
    with pytest.raises(NaiveDatetimeError, match="no time zone"):
        form_07a_from_table(naive.astype({"accepted_at": "datetime64[ns]"}), SEPTEMBER)
    table["accepted_at"][0] = table["accepted_at"][0].replace(tzinfo=None)
    with pytest.raises(NaiveDatetimeError, match="row 0"):
        form_07a_from_table(table, SEPTEMBER)


@pytest.mark.parametrize(
    ("change", "error", "match"),
    [
        ({"channel": "kiosk"}, InvalidArrayError, "kiosk"),
        ({"due_date": None}, InvalidArrayError, "no due_date"),
        ({"accepted_at": "yesterday"}, InputTypeError, "not a date"),
    ],
)
def test_bad_rows(change: dict[str, object], error: type[Exception], match: str) -> None:
    table = _table()
    for name, value in change.items():
        table[name][1] = value
    with pytest.raises(error, match=match):
        form_07a_from_table(table, SEPTEMBER)


def test_bad_tables() -> None:
    table = _table()
    del table["due_date"]
    with pytest.raises(InputTypeError, match="no column 'due_date'"):
        form_07a_from_table(table, SEPTEMBER)
    table = _table()
    table["field"].append("Hộ tịch")
    with pytest.raises(InvalidArrayError, match="different lengths"):
        form_07a_from_table(table, SEPTEMBER)
    with pytest.raises(InputTypeError, match="dates or aware datetimes"):
        form_07a_from_table({**_table(), "due_date": np.arange(len(_table()["field"]))}, SEPTEMBER)
    with pytest.raises(ReportError, match="applies from"):
        form_07a_from_table(_table(), ReportPeriod.month(2026, 6))


# --- the two paths agree on any dossiers ----------------------------------------------------------

_START = dt.date(2026, 8, 1)


@st.composite
def _dossier(draw: st.DrawFn, index: int) -> Dossier:
    day = _START + dt.timedelta(days=draw(st.integers(0, 110)))
    at = dt.datetime.combine(day, dt.time(draw(st.integers(8, 16))), VN_TZ)
    channel = draw(st.sampled_from([Channel.COUNTER, Channel.POST, Channel.ONLINE]))
    dossier = accepted(f"HT-{index}", at, draw(st.integers(1, 15)), channel=channel)
    step = draw(st.sampled_from(["open", "result", "withdrawn", "supplement", "restart"]))
    later = at + dt.timedelta(days=draw(st.integers(1, 40)), hours=1)
    if step == "result":
        dossier = then(dossier, K.RESULT_ISSUED, later)
    elif step == "withdrawn":
        dossier = then(dossier, K.WITHDRAWN, later, APPLICANT, reason="rút hồ sơ")
    elif step in ("supplement", "restart"):
        dossier = then(dossier, K.SUPPLEMENT_REQUESTED, later, reason="thiếu giấy tờ")
        if step == "restart":
            back = later + dt.timedelta(days=draw(st.integers(1, 20)))
            dossier = then(dossier, K.SUPPLEMENT_RECEIVED, back, ONE_STOP)
            dossier = then(
                dossier, K.FORWARDED, back + dt.timedelta(hours=1), ONE_STOP, to_unit=AUTHORITY.unit
            )
    return dossier


_DOSSIERS = st.integers(0, 12).flatmap(lambda n: st.tuples(*(_dossier(i) for i in range(n))))
_MONTHS = st.sampled_from([ReportPeriod.month(2026, m) for m in (8, 9, 10, 11)])


def _online_full(dossier: Dossier) -> bool:
    return int(dossier.code.split("-")[1]) % 2 == 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOSSIERS, _MONTHS)
def test_table_and_dossier_paths_agree(dossiers: tuple[Dossier, ...], period: ReportPeriod) -> None:
    expected = form_07a(dossiers, period, fields=FIELDS, online_full=_online_full)
    table = dossiers_to_table(dossiers, period, fields=FIELDS, online_full=_online_full)
    assert form_07a_from_table(table, period) == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOSSIERS, _MONTHS)
def test_carried_over_equals_pending_of_the_previous_period(
    dossiers: tuple[Dossier, ...], period: ReportPeriod
) -> None:
    current = form_07a(dossiers, period.next(), fields=FIELDS, online_full=_online_full)
    previous = form_07a(dossiers, period, fields=FIELDS, online_full=_online_full)
    assert current.total.carried_over == previous.total.pending_total


def test_unused() -> None:
    # the helpers imported for the scenario are used by the strategies above
    assert t(9, 1).tzinfo is VN_TZ
