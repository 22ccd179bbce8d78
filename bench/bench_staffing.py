"""Staffing plan speed: reading dossier counts, the plan, and the national volume (issue 20).

Run: python bench/bench_staffing.py [--repeat 3] [--communes 3321] [--days 365] [--keep DIR]

Generates (seeded, SYNTHETIC) daily dossier counts: one row per commune and day, the procedure
rotating over the ten of ``examples/workload/generate_can_tho.py`` (whose staff minutes are the
effort table), real commune codes from ``tthc.units``. Two inputs:

* the plan-sized input: 488 communes × 365 days = 178,120 rows (the size of the 9.7 s plan in
  issue 20);
* the national volume: every commune (3,321) × 365 days ≈ 1.21 million rows, about 35 MB.

Measured, each line printed with the command that reproduces it:

* reading: ``read_dossier_counts`` (all records held) and ``iter_dossier_counts`` (streamed),
  rows/s, next to the floor of ``csv.reader`` alone over the same file;
* the plan: ``plan_workload`` over records already read, and ``tthc workload plan`` end to end;
* the national volume, each in a fresh process (so the peak RSS is its own): ``tthc workload
  plan`` (the CLI reads every record first) and ``plan_workload(iter_dossier_counts(...))``
  (streamed), with time and peak RSS (``resource.getrusage``).

Times are medians of ``--repeat`` runs, as CPU seconds of the process (``time.process_time``)
and wall seconds: the machine is shared, and CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "examples" / "workload"))

from _bench_common import machine  # noqa: E402
from generate_can_tho import EFFORT, PROCEDURES  # noqa: E402

PLAN_COMMUNES = 488
NATIONAL_COMMUNES = 3321


def generate(out: Path, communes: int, days: int, seed: int = 2026) -> tuple[Path, Path]:
    """Write ``dossiers.csv`` (daily rows) and ``efforts.csv`` into ``out``; return their paths."""
    from tthc.units import communes as registry_communes

    rng = random.Random(seed)
    codes = [unit.code for unit in registry_communes()][:communes]
    codes += [f"X{index:05d}" for index in range(communes - len(codes))]
    first = dt.date(2026, 1, 1)
    procedures = [row[0] for row in PROCEDURES]
    out.mkdir(parents=True, exist_ok=True)
    dossiers = out / "dossiers.csv"
    with dossiers.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["unit_code", "procedure_code", "month", "count", "in_person"])
        for index, code in enumerate(codes):
            for day in range(days):
                date = first + dt.timedelta(days=day)
                count = rng.randrange(40)
                procedure = procedures[(index + day) % len(procedures)]
                month = f"{date.year:04d}-{date.month:02d}"
                writer.writerow([code, procedure, month, count, count * 3 // 5])
    efforts = out / "efforts.csv"
    with efforts.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["procedure_code", "role", "minutes"])
        for procedure, roles in EFFORT.items():
            for role, minutes in roles.items():
                writer.writerow([procedure, role, minutes])
    return dossiers, efforts


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median (CPU s, wall s) of ``fn()`` and its last result."""
    cpu, wall, result = [], [], None
    for _ in range(repeat):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        result = fn()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return statistics.median(cpu), statistics.median(wall), result


def line(what: str, rows: int, times: tuple[float, float], command: str, extra: str = "") -> str:
    cpu, wall = times
    return (
        f"| {what} | {rows:,} | {cpu:.2f} | {wall:.2f} | {rows / cpu:,.0f} | {extra} | "
        f"`{command}` |"
    )


def csv_floor(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def cli_plan(dossiers: Path, efforts: Path) -> int:
    from tthc.cli import main

    with contextlib.redirect_stdout(io.StringIO()):
        return main(["workload", "plan", str(dossiers), "--effort", str(efforts), "--json"])


def child(mode: str, dossiers: str, efforts: str) -> None:
    """One national run in this (fresh) process; print JSON with its time and peak RSS."""
    start_cpu, start_wall = time.process_time(), time.perf_counter()
    if mode == "cli":
        status = cli_plan(Path(dossiers), Path(efforts))
        units = -1
    else:
        from tthc.staffing import iter_dossier_counts, plan_workload, read_efforts

        plan = plan_workload(
            iter_dossier_counts(dossiers), read_efforts(efforts), enrich_units=True
        )
        status, units = 0, len(plan.units)
    cpu, wall = time.process_time() - start_cpu, time.perf_counter() - start_wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"status": status, "units": units, "cpu": cpu, "wall": wall, "rss": peak}))


def national(dossiers: Path, efforts: Path, rows: int) -> list[str]:
    lines = []
    runs = (
        ("cli", "national: `tthc workload plan` (records held)"),
        ("stream", "national: plan_workload(iter_dossier_counts(...)) (streamed)"),
    )
    for mode, what in runs:
        command = [sys.executable, __file__, "--child", mode, str(dossiers), str(efforts)]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        result = json.loads(out.strip().splitlines()[-1])
        assert result["status"] == 0, result
        rss = f"peak RSS {result['rss'] / 1024:,.0f} MiB"
        shown = f"python bench/bench_staffing.py --child {mode} DOSSIERS.csv EFFORTS.csv"
        lines.append(line(what, rows, (result["cpu"], result["wall"]), shown, rss))
    return lines


def plan_sized(dossiers: Path, efforts: Path, repeat: int) -> list[str]:
    from tthc.staffing import iter_dossier_counts, plan_workload, read_dossier_counts, read_efforts

    size = dossiers.stat().st_size
    cpu, wall, rows = timed(lambda: csv_floor(dossiers), repeat)
    lines = [line("floor: csv.reader alone", rows, (cpu, wall), "csv.reader(open(path))")]
    cpu, wall, records = timed(lambda: read_dossier_counts(dossiers), repeat)
    lines.append(
        line("read_dossier_counts", rows, (cpu, wall), "read_dossier_counts(path)", f"{size:,} B")
    )
    cpu, wall, _ = timed(lambda: sum(1 for _ in iter_dossier_counts(dossiers)), repeat)
    lines.append(line("iter_dossier_counts", rows, (cpu, wall), "iter_dossier_counts(path)"))
    table = read_efforts(efforts)
    cpu, wall, _ = timed(lambda: plan_workload(records, table, enrich_units=True), repeat)
    lines.append(
        line("plan_workload (records read)", rows, (cpu, wall), "plan_workload(records, efforts)")
    )
    cpu, wall, _ = timed(lambda: cli_plan(dossiers, efforts), repeat)
    command = "tthc workload plan DOSSIERS.csv --effort EFFORTS.csv --json"
    lines.append(line("CLI end to end", rows, (cpu, wall), command))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--communes", type=int, default=NATIONAL_COMMUNES)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--keep", type=Path, help="write the inputs here (default: a temp dir)")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "DOSSIERS", "EFFORTS"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as temp:
        root = args.keep or Path(temp)
        small = generate(root / "plan", min(PLAN_COMMUNES, args.communes), args.days)
        large = generate(root / "national", args.communes, args.days)
        print(f"Machine: {machine()}")
        print(f"Command: python bench/bench_staffing.py --repeat {args.repeat}")
        print("| what | rows | CPU s | wall s | rows/s (CPU) | notes | command |")
        print("|---|---|---|---|---|---|---|")
        for row in plan_sized(*small, args.repeat):
            print(row, flush=True)
        for row in national(*large, args.communes * args.days):
            print(row, flush=True)


if __name__ == "__main__":
    main()
