"""Builders shared by the dossier tests: dossier codes, actors, instants and dossiers in process.

Dates are Vietnam time. `t(day, hour)` is a day of March 2026 (9/3 to 20/3/2026 are all working
days); `vn(year, month, day, hour)` any instant. `_in_process()` is accepted Mon 9/3/2026 09:00
and forwarded at 10:00; `s_in_process(accepted)` is the life-cycle scenarios' dossier.
"""

from __future__ import annotations

import datetime as dt

from tthc._time import VN_TZ
from tthc.deadlines import Duration, ProcessingTime
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind

CODE = "000.00.01.H29-260309-0001"

ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Sài Gòn", name="Lê Văn A")

AUTHORITY = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND phường Sài Gòn")

APPLICANT = Actor(ActorRole.APPLICANT, "Nguyễn Văn A")

K = EventKind


def t(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=VN_TZ)


def _new(**kw: object) -> Dossier:
    args: dict[str, object] = {
        "code": CODE,
        "procedure_code": "1.001193",
        "channel": Channel.COUNTER,
        "reception_unit": "Một cửa",
        "competent_unit": "UBND",
        "processing_time": Duration.working_days(5),
    }
    args.update(kw)
    return Dossier(**args)  # type: ignore[arg-type]


def _in_process() -> Dossier:
    return _new().apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
        ]
    )


S_CODE = "000.00.01.H29-260429-0001"

S_ONE_STOP = Actor(ActorRole.ONE_STOP, "Trung tâm Phục vụ hành chính công phường Sài Gòn")


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


def sev(kind: EventKind, at: dt.datetime, actor: Actor = S_ONE_STOP, **kw: object) -> DossierEvent:
    return DossierEvent(kind, S_CODE, at, actor, **kw)  # type: ignore[arg-type]


def s_dossier(
    channel: Channel = Channel.COUNTER,
    limit: Duration | ProcessingTime | None = None,
    **kw: object,
) -> Dossier:
    return Dossier(
        S_CODE,
        "1.001193",
        channel,
        "Trung tâm Phục vụ hành chính công phường Sài Gòn",
        "UBND phường Sài Gòn",
        limit if limit is not None else Duration.working_days(5),
        **kw,  # type: ignore[arg-type]
    )


def s_in_process(accepted: dt.datetime, days: int = 5, **kw: object) -> Dossier:
    d = s_dossier(limit=Duration.working_days(days), **kw)
    d = d.apply(sev(K.ACCEPTED, accepted))
    return d.apply(sev(K.FORWARDED, accepted + dt.timedelta(minutes=30), to_unit="UBND phường"))
