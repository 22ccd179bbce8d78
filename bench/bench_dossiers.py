"""Dossier life cycle speed: replay, one event, JSON both ways, long logs (issue 20, item 4).

Run: python bench/bench_dossiers.py [--repeats 9] [--target-s 0.05] [--quick]

Targets of issue 20, item 4, as RATIOS measured in the same run (the candidates and their
references timed together by ``_bench_common.time_cell``: repeats interleaved in rotating order,
median), so that the load of the shared machine hits them alike:

* a 15-event replay (``Dossier(..., events)``: every check, every due date) within 250× one
  ``WorkCalendar.add_working_days`` call;
* ``from_json`` of that dossier (every check of :mod:`tthc.serde`: duplicate keys, types,
  the replay of the log) within 2× its ``to_json``; also with the limit stored as the reading of
  its text (``ProcessingTime``, re-derived from the text on load);
* a replay linear in the number of events: the cost per event at 10,000 events within 1.5× the
  cost per event at 1,000.

Also shown, without a target: ``apply()`` called once per event on a growing dossier, which
copies the event tuple (a public ``tuple`` field) at each call, so its cost per event grows with
the log; ``apply_all`` and building from the log do not.

Times are CPU time of the process (``time.process_time_ns``): on the shared machine, the wall
time also counts the time waiting for a core. Floors in the same run: one ``add_working_days``
call (the calendar core), a bare Python state machine over the same 15 events (a dict lookup of
(status, kind) and a list append per event: the least a replay can cost, with none of tthc's
checks or due dates), and ``json.loads`` / ``json.dumps`` of the same document (the least a JSON
round trip can cost).

The 15-event log is an online dossier submitted on a Sunday evening, accepted on Monday morning
(so the 8-working-hour intake limit is computed, not skipped), forwarded with step times,
supplemented once, verified, paid, issued, delivered, with a correction request.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench_common import cpu_ns, fmt_ratio, machine, table, time_cell, time_once

from tthc import VN_TZ
from tthc.calendar import civil_service_calendar
from tthc.deadlines import Duration, parse_processing_time
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.serde import from_json, to_json

CODE = "BENCH-0001"
PROCEDURE = "1.001193"
ONE = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa")
AUTH = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND xã")
APP = Actor(ActorRole.APPLICANT, "Người nộp")
LIMIT = Duration.working_days(10)
TEXT = "10 ngày làm việc"  # the limit as a procedure states it (re-derived by from_json)
TARGET_REPLAY = 250.0
TARGET_JSON = 2.0
TARGET_LINEAR = 1.5


def fifteen_events() -> list[DossierEvent]:
    """A 15-event online dossier (see the module docstring)."""
    t0 = dt.datetime(2026, 3, 1, 21, 40, tzinfo=VN_TZ)  # Sunday evening

    def at(hours: float) -> dt.datetime:
        return t0 + dt.timedelta(hours=hours)

    two_days = Duration.working_days(2)
    events = [
        DossierEvent(EventKind.SUBMITTED_ONLINE, CODE, at(0), APP),
        DossierEvent(EventKind.ACCEPTED, CODE, at(10.5), ONE),  # Monday 08:10
        DossierEvent(EventKind.FORWARDED, CODE, at(11), ONE, to_unit="UBND xã"),
        DossierEvent(EventKind.SUPPLEMENT_REQUESTED, CODE, at(36), ONE, reason="bổ sung"),
        DossierEvent(EventKind.SUPPLEMENT_RECEIVED, CODE, at(84), ONE),
        DossierEvent(EventKind.FORWARDED, CODE, at(85), ONE, to_unit="UBND xã"),
    ]
    for i in range(3):
        events.append(
            DossierEvent(
                EventKind.FORWARDED,
                CODE,
                at(86 + i),
                AUTH,
                to_unit=f"Phòng {i}",
                time_allowed=two_days,
            )
        )
    events += [
        DossierEvent(EventKind.VERIFICATION_REQUIRED, CODE, at(102), AUTH),
        DossierEvent(EventKind.PAYMENT_REQUESTED, CODE, at(103), AUTH),
        DossierEvent(EventKind.PAYMENT_RECEIVED, CODE, at(107), ONE),
        DossierEvent(EventKind.RESULT_ISSUED, CODE, at(132), AUTH),
        DossierEvent(EventKind.RESULT_DELIVERED, CODE, at(133), ONE),
        DossierEvent(EventKind.CORRECTION_REQUESTED, CODE, at(134), APP, reason="sai tên"),
    ]
    assert len(events) == 15
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


def build(events: Sequence[DossierEvent]) -> Dossier:
    """The replay: a dossier built from its log (every check, every due date)."""
    return Dossier(CODE, PROCEDURE, Channel.ONLINE, "Một cửa", "UBND xã", LIMIT, events)


def state_machine_floor(events: Sequence[DossierEvent]) -> Callable[[], Any]:
    """A bare state machine over the same events: (status, kind) → status, one append each."""
    table_: dict[tuple[str, str], str] = {}
    status = "draft"
    for event in events:
        table_[(status, event.kind.value)] = event.kind.value
        status = event.kind.value
    kinds = [event.kind.value for event in events]

    def run() -> list[str]:
        status, seen = "draft", []
        for kind in kinds:
            status = table_[(status, kind)]
            seen.append(status)
        return seen

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=9, help="interleaved repeats")
    parser.add_argument("--target-s", type=float, default=0.05, help="seconds per sample")
    parser.add_argument("--quick", action="store_true", help="3 repeats, short samples")
    args = parser.parse_args()
    repeats, target_s = (3, 0.01) if args.quick else (args.repeats, args.target_s)
    command = f"python bench/bench_dossiers.py --repeats {repeats} --target-s {target_s:g}"
    print(f"Machine: {machine()}")
    print(f"Command: {command}")
    events = fifteen_events()
    full = build(events)
    text = to_json(full)
    assert from_json(text, Dossier) == full
    # the same dossier with its limit read from the procedure's text, as real dossiers have it
    read = Dossier(
        CODE, PROCEDURE, Channel.ONLINE, "Một cửa", "UBND xã", parse_processing_time(TEXT), events
    )
    read_text = to_json(read)
    assert from_json(read_text, Dossier) == read
    plain = json.loads(text)
    cal = civil_service_calendar()
    day = dt.date(2026, 3, 2)
    last = events[-1]
    before_last = build(events[:-1])
    ns = time_cell(
        {
            "add_working_days": (cal.add_working_days, [(day, 10)]),
            "floor_state_machine": (state_machine_floor(events), [()]),
            "replay": (build, [(events,)]),
            "apply": (before_last.apply, [(last,)]),
            "to_json": (to_json, [(full,)]),
            "from_json": (from_json, [(text, Dossier)]),
            "to_json_read": (to_json, [(read,)]),
            "from_json_read": (from_json, [(read_text, Dossier)]),
            "json_dumps": (lambda: json.dumps(plain, ensure_ascii=False), [()]),
            "json_loads": (json.loads, [(text,)]),
        },
        repeats,
        target_s,
        clock=cpu_ns,
    )
    per_event, one_by_one = {}, {}
    for count in (1_000, 10_000):
        log = long_log(count)
        per_event[count] = time_once(lambda log=log: build(log), 3, clock=cpu_ns) / count
        one_by_one[count] = time_once(lambda log=log: apply_each(log), 3, clock=cpu_ns) / count
    _report(ns, per_event, one_by_one, len(text))


def apply_each(log: Sequence[DossierEvent]) -> Dossier:
    """The log applied one event at a time (each ``apply`` copies the event tuple)."""
    dossier = build(())
    for event in log:
        dossier = dossier.apply(event)
    return dossier


def _report(
    ns: dict[str, float], per_event: dict[int, float], one_by_one: dict[int, float], size: int
) -> None:
    unit = ns["add_working_days"]
    replay_ratio = ns["replay"] / unit
    json_ratio = ns["from_json"] / ns["to_json"]
    linear_ratio = per_event[10_000] / per_event[1_000]

    def us(x: float) -> str:
        return f"{x / 1e3:,.1f}"

    def met(ok: bool) -> str:
        return "met" if ok else "NOT met"

    rows = [
        ["one `add_working_days` call (reference)", us(unit), "1x", "", ""],
        [
            "15-event replay (`Dossier(..., events)`)",
            us(ns["replay"]),
            fmt_ratio(replay_ratio),
            f"≤ {TARGET_REPLAY:g}x add_working_days",
            met(replay_ratio <= TARGET_REPLAY),
        ],
        ["`apply()` of the 15th event", us(ns["apply"]), fmt_ratio(ns["apply"] / unit), "", ""],
        [f"`to_json` (15 events, {size:,} bytes)", us(ns["to_json"]), "", "", ""],
        [
            "`from_json` (every check, replay included)",
            us(ns["from_json"]),
            f"{json_ratio:.2f}x to_json",
            f"≤ {TARGET_JSON:g}x to_json",
            met(json_ratio <= TARGET_JSON),
        ],
        [
            f"`from_json` / `to_json`, limit read from {TEXT!r}",
            f"{us(ns['from_json_read'])} / {us(ns['to_json_read'])}",
            f"{ns['from_json_read'] / ns['to_json_read']:.2f}x to_json",
            f"≤ {TARGET_JSON:g}x to_json",
            met(ns["from_json_read"] / ns["to_json_read"] <= TARGET_JSON),
        ],
        [
            "`from_json` less the replay (parse, read, check the events)",
            us(ns["from_json"] - ns["replay"]),
            f"{(ns['from_json'] - ns['replay']) / ns['to_json']:.2f}x to_json",
            "",
            "",
        ],
        [
            "replay per event: 1,000 / 10,000 events",
            f"{us(per_event[1_000])} / {us(per_event[10_000])}",
            f"{linear_ratio:.2f}x",
            f"≤ {TARGET_LINEAR:g}x (linear)",
            met(linear_ratio <= TARGET_LINEAR),
        ],
        [
            "`apply()` one event at a time, per event: 1,000 / 10,000 events",
            f"{us(one_by_one[1_000])} / {us(one_by_one[10_000])}",
            f"{one_by_one[10_000] / one_by_one[1_000]:.2f}x",
            "(the event tuple is copied by each call)",
            "",
        ],
        [
            "floor: bare state machine, same 15 events",
            us(ns["floor_state_machine"]),
            fmt_ratio(ns["floor_state_machine"] / unit),
            "",
            "",
        ],
        [
            "floor: `json.dumps` / `json.loads` of the document",
            f"{us(ns['json_dumps'])} / {us(ns['json_loads'])}",
            "",
            "",
            "",
        ],
    ]
    print(table(["what", "µs", "ratio", "target", ""], rows))
    print(
        f"Throughput: {15e9 / ns['replay']:,.0f} events/s replayed (15-event log), "
        f"{1e9 / ns['from_json']:,.0f} dossiers/s read from JSON"
    )


if __name__ == "__main__":
    main()
