"""Plan staff and counters for Cần Thơ-like commune service centres (SYNTHETIC data).

Generates the seeded synthetic data set of ``examples/workload/generate_can_tho.py`` (103
communes: 31 phường + 72 xã, July 2024 – June 2026) and prints the report of::

    tthc workload plan dossiers.csv --unit-kind commune --effort efforts.csv

Usage::

    python examples/workload_plan.py [--communes 103] [--seed 2025] [--out DIR] [--json | --csv]

Without ``--out`` the files go to a temporary folder that is removed afterwards.
"""

# test-args: --communes 6

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "workload"))

from generate_can_tho import generate

from tthc.cli import main as tthc_main  # the `tthc` command line


def run(out_dir: Path, *, communes: int, seed: int, extra: list[str]) -> int:
    dossiers, efforts = generate(out_dir, seed=seed, communes=communes)
    # The command line itself, so the output is the command's output.
    return tthc_main(
        [
            "workload",
            "plan",
            str(dossiers),
            "--unit-kind",
            "commune",
            "--effort",
            str(efforts),
            *extra,
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Staff plan for synthetic Cần Thơ communes.")
    parser.add_argument("--communes", type=int, default=103)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--out", type=Path, help="keep the generated CSV files here")
    parser.add_argument("--top", type=int, default=10, help="units to flag")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--csv", action="store_true")
    args = parser.parse_args(argv)
    extra = ["--top", str(args.top)]
    extra += ["--json"] if args.json else ["--csv"] if args.csv else []
    if args.out is not None:
        return run(args.out, communes=args.communes, seed=args.seed, extra=extra)
    with tempfile.TemporaryDirectory() as folder:
        return run(Path(folder), communes=args.communes, seed=args.seed, extra=extra)


if __name__ == "__main__":
    raise SystemExit(main())
