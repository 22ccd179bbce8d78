"""Micro-benchmark of tthc.deadlines: µs per compute_deadline (per unit) and per parse call.

Plain ``time.perf_counter`` loops; prints a table. Run: ``python bench/bench_deadlines.py``
(``--repeat N`` to change the loop count). Target: ≤ 2 µs per working-day compute_deadline.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal

from tthc import VN_TZ
from tthc.calendar import civil_service_calendar
from tthc.deadlines import Duration, compute_deadline, parse_processing_time

TEXTS = {
    "structured": "5 Ngày làm việc",
    "same day": (
        "Ngay trong ngày tiếp nhận yêu cầu, trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết "
        "được ngay thì trả kết quả trong ngày làm việc tiếp theo."
    ),
    "prose + alternative": (
        "Ba (03) ngày làm việc kể từ khi các cơ quan có thẩm quyền giải quyết nhận đầy đủ hồ sơ "
        "theo quy định, trường hợp phải xác minh thì không quá năm (05) ngày làm việc."
    ),
}

DURATIONS = {
    "working days": Duration.working_days(5),
    "calendar days": Duration.calendar_days(15),
    "months": Duration.months(1),
    "working hours": Duration.working_hours(12),
    "1,5 working days": Duration.working_days(Decimal("1.5")),
    "clock hours": Duration.clock_hours(24),
    "same day": Duration.same_day(),
}


def _time(fn: Callable[[], object], repeat: int) -> float:
    fn()
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat * 1e6


def run(repeat: int) -> list[tuple[str, float]]:
    """Return (label, µs per call) rows."""
    cal = civil_service_calendar()
    accepted = datetime(2026, 4, 29, 10, tzinfo=VN_TZ)
    instants = [accepted + timedelta(hours=7 * i) for i in range(64)]
    rows: list[tuple[str, float]] = []
    for label, duration in DURATIONS.items():
        state = {"i": 0}

        def one(duration: Duration = duration, state: dict[str, int] = state) -> object:
            state["i"] = (state["i"] + 1) & 63
            return compute_deadline(instants[state["i"]], duration, calendar=cal)

        rows.append((f"compute_deadline, {label}", _time(one, repeat)))
    rows.append(
        (
            "calendar.add_working_days (reference)",
            _time(lambda: cal.add_working_days(accepted.date(), 5), repeat),
        )
    )
    for label, text in TEXTS.items():
        rows.append(
            (
                f"parse_processing_time, {label}",
                _time(lambda text=text: parse_processing_time(text), repeat),
            )
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20_000)
    args = parser.parse_args(argv)
    rows = run(args.repeat)
    width = max(len(label) for label, _ in rows)
    print(f"{'operation'.ljust(width)}  µs/call")
    print(f"{'-' * width}  -------")
    for label, micros in rows:
        print(f"{label.ljust(width)}  {micros:7.2f}")


if __name__ == "__main__":
    main()
