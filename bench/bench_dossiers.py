"""Dossier life cycle speed: events applied per second, replay of a 20-event dossier, JSON.

Run: python bench/bench_dossiers.py [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
from time import perf_counter

from tthc import VN_TZ
from tthc.deadlines import Duration
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.serde import from_json, to_json

CODE = "BENCH-0001"
ONE = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa")
AUTH = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND xã")
APP = Actor(ActorRole.APPLICANT, "Người nộp")


def twenty_events() -> list[DossierEvent]:
    t0 = dt.datetime(2026, 3, 2, 8, tzinfo=VN_TZ)

    def at(hours: float) -> dt.datetime:
        return t0 + dt.timedelta(hours=hours)

    events = [
        DossierEvent(EventKind.SUBMITTED_ONLINE, CODE, at(0), APP),
        DossierEvent(EventKind.ACCEPTED, CODE, at(1), ONE),
        DossierEvent(EventKind.FORWARDED, CODE, at(2), ONE, to_unit="UBND xã"),
        DossierEvent(EventKind.SUPPLEMENT_REQUESTED, CODE, at(24), ONE, reason="bổ sung"),
        DossierEvent(EventKind.SUPPLEMENT_RECEIVED, CODE, at(72), ONE),
        DossierEvent(EventKind.FORWARDED, CODE, at(73), ONE, to_unit="UBND xã"),
    ]
    for i in range(8):
        events.append(
            DossierEvent(
                EventKind.FORWARDED,
                CODE,
                at(74 + i),
                AUTH,
                to_unit=f"Phòng {i}",
                time_allowed=Duration.working_days(2),
            )
        )
    events += [
        DossierEvent(EventKind.VERIFICATION_REQUIRED, CODE, at(90), AUTH),
        DossierEvent(EventKind.PAYMENT_REQUESTED, CODE, at(91), AUTH),
        DossierEvent(EventKind.PAYMENT_RECEIVED, CODE, at(95), ONE),
        DossierEvent(EventKind.RESULT_ISSUED, CODE, at(120), AUTH),
        DossierEvent(EventKind.RESULT_DELIVERED, CODE, at(121), ONE),
        DossierEvent(EventKind.CORRECTION_REQUESTED, CODE, at(122), APP, reason="sai tên"),
    ]
    assert len(events) == 20
    return events


def long_log(count: int) -> list[DossierEvent]:
    """An accepted dossier forwarded ``count - 2`` times between two divisions, a minute apart."""
    t0 = dt.datetime(2026, 3, 2, 8, tzinfo=VN_TZ)
    events = [
        DossierEvent(EventKind.SUBMITTED_ONLINE, CODE, t0, APP),
        DossierEvent(EventKind.ACCEPTED, CODE, t0 + dt.timedelta(minutes=1), ONE),
    ]
    for i in range(count - 2):
        at = t0 + dt.timedelta(minutes=2 + i)
        actor = ONE if i == 0 else AUTH
        events.append(DossierEvent(EventKind.FORWARDED, CODE, at, actor, to_unit=f"Phòng {i % 2}"))
    return events


def empty() -> Dossier:
    return Dossier(
        CODE, "1.001193", Channel.ONLINE, "Một cửa", "UBND xã", Duration.working_days(10)
    )


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(5):
        start = perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (perf_counter() - start) / repeat)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    events = twenty_events()
    base = empty()
    full = base.apply_all(events)
    text = to_json(full)

    apply_all = timed(lambda: base.apply_all(events), args.repeat)
    replay = timed(
        lambda: Dossier(
            CODE,
            "1.001193",
            Channel.ONLINE,
            "Một cửa",
            "UBND xã",
            Duration.working_days(10),
            events,
        ),
        args.repeat,
    )
    query = timed(lambda: (full.timeline(), full.deadline_history(), full.breaches), args.repeat)
    dump = timed(lambda: to_json(full), args.repeat)
    load = timed(lambda: from_json(text, Dossier), args.repeat)

    rows = [
        ("apply() one event (mean over 20)", apply_all / 20, f"{20 / apply_all:,.0f} events/s"),
        ("replay a 20-event dossier", replay, f"{1 / replay:,.0f} dossiers/s"),
        ("timeline + history (derived)", query, f"{1 / query:,.0f} /s"),
        ("to_json (20 events)", dump, f"{len(text):,} bytes"),
        ("from_json + validation replay", load, f"{1 / load:,.0f} dossiers/s"),
    ]
    for count in (1_000, 10_000):
        log = long_log(count)
        seconds = timed(lambda log=log: base.apply_all(log), 1)
        rows.append((f"replay {count:,} events, per event", seconds / count, "linear if flat"))
    print(f"{'operation':<36} {'time':>12}  throughput")
    print("-" * 70)
    for name, seconds, extra in rows:
        print(f"{name:<36} {seconds * 1e6:>9.1f} µs  {extra}")


if __name__ == "__main__":
    main()
