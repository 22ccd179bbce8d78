"""Calendars and dossiers cross process boundaries (issue 17, item 2).

A ``spawn`` multiprocessing pool and a Dask ``LocalCluster(processes=True)`` receive a local
calendar and a dossier on it, compute with them and send them back: the answers are those of
the parent process. Kept small and bounded in time (one worker each).
"""

from __future__ import annotations

import copy
import datetime as dt
import multiprocessing
import operator

import pytest

from tthc._time import VN_TZ
from tthc.calendar import WorkCalendar, civil_service_calendar
from tthc.deadlines import parse_processing_time
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.legal import LegalRef

CODE = "CT-261002-0001"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Ninh Kiều")
STORM = LegalRef("1234/QĐ-UBND", kind="Quyết định", issuer="UBND thành phố Cần Thơ")
TIMEOUT = 120


def _storm_calendar() -> WorkCalendar:
    return civil_service_calendar().with_days_off(
        [dt.date(2026, 10, 5), dt.date(2026, 10, 6)],
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=STORM,
    )


def _dossier(calendar: WorkCalendar) -> Dossier:
    dossier = Dossier(
        CODE,
        "1.001193",
        Channel.COUNTER,
        ONE_STOP.unit,
        "UBND phường Ninh Kiều",
        parse_processing_time("03 ngày làm việc"),
        calendar=calendar,
    )
    at = dt.datetime(2026, 10, 2, 9, 0, tzinfo=VN_TZ)
    return dossier.apply(DossierEvent(EventKind.ACCEPTED, CODE, at, ONE_STOP))


def test_a_spawn_pool_receives_and_returns_calendars_and_dossiers() -> None:
    calendar = _storm_calendar()
    dossier = _dossier(calendar)
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        # a bound method pickles its calendar; attrgetter and copy are importable everywhere
        due = pool.apply_async(calendar.add_working_days, (dt.date(2026, 10, 2), 3))
        dues = pool.map_async(operator.attrgetter("due_date"), [dossier])
        back = pool.map_async(copy.copy, [calendar, dossier])
        assert due.get(TIMEOUT) == dt.date(2026, 10, 9)
        assert dues.get(TIMEOUT) == [dt.date(2026, 10, 9)]
        assert back.get(TIMEOUT) == [calendar, dossier]


def test_a_dask_cluster_with_processes_receives_calendars_and_dossiers() -> None:
    distributed = pytest.importorskip("distributed")
    calendar = _storm_calendar()
    dossier = _dossier(calendar)
    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            worker_dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        due = client.submit(calendar.add_working_days, dt.date(2026, 10, 2), 3)
        dossier_due = client.submit(operator.attrgetter("due_date"), dossier)
        back = client.submit(copy.copy, dossier)
        assert due.result(TIMEOUT) == dt.date(2026, 10, 9)
        assert dossier_due.result(TIMEOUT) == dt.date(2026, 10, 9)
        assert back.result(TIMEOUT) == dossier
