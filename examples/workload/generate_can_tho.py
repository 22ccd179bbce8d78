"""Generate a SYNTHETIC, Cần Thơ-like data set of monthly dossier counts (seeded, reproducible).

THE NUMBERS ARE INVENTED. They have plausible orders of magnitude so that ``tthc workload plan``
has something realistic to chew on; they are not statistics of Cần Thơ or of any commune.

What is real:

* the shape of the city after the reform: 103 communes = 31 phường + 72 xã (Nghị quyết
  1668/NQ-UBTVQH15; Điều 1 khoản 96), about 4.2 million people (NQ 202/2025/QH15 gives
  4,199,824). When ``tthc.units`` is available the real codes and names of the 103 communes
  (Quyết định 19/2025/QĐ-TTg) are used; otherwise synthetic ``CT001``… codes;
* the national procedure codes and fields (from the national portal), and which procedures moved
  from the district to the commune on 1/7/2025 (NĐ 120/2025 hộ tịch, NĐ 151/2025 đất đai,
  NĐ 140/2025 xây dựng, NĐ 125/2025 hộ kinh doanh).

What is invented (all documented below, all easy to change):

* populations: phường around 48,000 and xã around 37,800 people (log-normal spread, σ = 0.35),
  scaled so that the 103 communes add up to ≈ 4.2 million;
* dossiers per 1,000 residents per month, by procedure and kind of commune (``PROCEDURES``);
* how much of each procedure the commune handled before 1/7/2025 (``before``: 1 = same
  competence, 0 = it was a district procedure; ``cải chính hộ tịch`` 0.5 because only some
  cases were commune-level);
* a three-month ramp-up of the newly devolved procedures (60 %, 80 %, 100 % from July 2025);
* month-of-year seasonality (``SEASON``: busy before Tết, quiet in the Tết month, poor-household
  review in the last quarter), a per-commune factor for the devolved fields (σ = 0.35) and
  Poisson noise;
* the share of dossiers filed in person, by field (``IN_PERSON``);
* staff minutes per dossier by role (``EFFORT``: reception, processing, approval), written to
  ``efforts.csv``. Time your own steps before using any of this for decisions.

Usage::

    python examples/workload/generate_can_tho.py OUT_DIR [--seed 2025] [--communes 103]
        [--start 2024-07] [--end 2026-06]

writes ``OUT_DIR/dossiers.csv`` (unit_code, unit_name, unit_kind, procedure_code, field, month,
count, in_person) and ``OUT_DIR/efforts.csv`` (procedure_code, role, minutes).
"""

# test-args: {tmp}/out --communes 6

from __future__ import annotations

import argparse
import csv
import math
import random
from pathlib import Path
from typing import Any

try:  # optional: the real codes and names of the 103 communes
    from tthc.units import communes as _registry_communes
except ImportError:  # pragma: no cover - tthc.units not installed

    def _registry_communes(*_args: Any, **_kwargs: Any) -> Any:
        raise LookupError("tthc.units is not available")


#: Cần Thơ after 1/7/2025 (NQ 1668/NQ-UBTVQH15): 31 phường + 72 xã.
WARDS, RURAL = 31, 72
#: Population of the merged city (NQ 202/2025/QH15): the synthetic populations are scaled to it.
POPULATION = 4_199_824
#: Mean synthetic population by kind before scaling (invented).
MEAN_POPULATION = {"phường": 48_000, "xã": 37_800}
REFORM_MONTH = (2025, 7)

#: code, name, field, dossiers per 1,000 residents per month (xã, phường), share handled by the
#: commune before 1/7/2025. Rates are INVENTED orders of magnitude.
PROCEDURES: tuple[tuple[str, str, str, float, float, float], ...] = (
    ("2.000815", "Chứng thực bản sao từ bản chính", "chứng thực", 6.0, 9.0, 1.0),
    ("2.000884", "Chứng thực chữ ký", "chứng thực", 0.8, 1.2, 1.0),
    ("1.001193", "Đăng ký khai sinh", "hộ tịch", 1.1, 1.0, 1.0),
    ("1.004859", "Thay đổi, cải chính, bổ sung thông tin hộ tịch", "hộ tịch", 0.15, 0.2, 0.5),
    ("2.000806", "Đăng ký kết hôn có yếu tố nước ngoài", "hộ tịch", 0.02, 0.03, 0.0),
    ("1.013978", "Đăng ký đất đai, cấp GCN lần đầu", "đất đai", 0.5, 0.3, 0.0),
    (
        "1.013225",
        "Cấp giấy phép xây dựng (cấp III, IV, nhà ở riêng lẻ)",
        "xây dựng",
        0.25,
        0.45,
        0.0,
    ),
    ("2.000720", "Đăng ký thay đổi nội dung hộ kinh doanh", "hộ kinh doanh", 0.3, 0.6, 0.0),
    ("1.011607", "Công nhận hộ nghèo, hộ cận nghèo", "giảm nghèo", 0.1, 0.04, 1.0),
    ("KHAC", "Các thủ tục khác cấp xã (gộp)", "khác", 3.0, 3.0, 0.8),
)

#: Staff minutes per dossier by role (INVENTED planning values).
EFFORT: dict[str, dict[str, int]] = {
    "2.000815": {"reception": 6, "processing": 3, "approval": 1},
    "2.000884": {"reception": 8, "processing": 5, "approval": 2},
    "1.001193": {"reception": 12, "processing": 20, "approval": 5},
    "1.004859": {"reception": 15, "processing": 60, "approval": 10},
    "2.000806": {"reception": 20, "processing": 240, "approval": 20},
    "1.013978": {"reception": 20, "processing": 240, "approval": 20},
    "1.013225": {"reception": 20, "processing": 180, "approval": 15},
    "2.000720": {"reception": 15, "processing": 40, "approval": 5},
    "1.011607": {"reception": 10, "processing": 60, "approval": 5},
    "KHAC": {"reception": 12, "processing": 45, "approval": 8},
}

#: Share of dossiers filed in person at a counter, by field (INVENTED).
IN_PERSON = {
    "chứng thực": 0.95,
    "hộ tịch": 0.55,
    "đất đai": 0.8,
    "xây dựng": 0.6,
    "hộ kinh doanh": 0.5,
    "giảm nghèo": 0.9,
    "khác": 0.6,
}

#: Month-of-year factor (INVENTED): busy before Tết, quiet in February.
SEASON = (1.10, 0.75, 1.05, 0.95, 1.0, 1.0, 1.0, 1.0, 0.95, 1.0, 1.0, 1.10)
#: Poor-household review happens in the last quarter (factor on top of SEASON).
POOR_HOUSEHOLD_SEASON = (0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 1.0, 3.0, 3.5, 2.5)
#: Ramp-up of newly devolved procedures in July, August, September 2025.
RAMP_UP = (0.6, 0.8)


def _communes(count: int) -> list[tuple[str, str, str]]:
    """Return (code, name, kind) of the communes: the real 103 when tthc.units is available."""
    try:
        real = [(u.code, u.full_name, u.kind.value) for u in _registry_communes("92")]
    except Exception:  # optional enrichment; fall back to synthetic names
        real = []
    if len(real) != WARDS + RURAL:
        real = [(f"CT{i:03d}", f"Phường CT{i:03d}", "phường") for i in range(1, WARDS + 1)]
        real += [(f"CT{i:03d}", f"Xã CT{i:03d}", "xã") for i in range(WARDS + 1, WARDS + RURAL + 1)]
    if count >= len(real):
        return real
    # A small sample keeps both kinds: every k-th commune.
    step = len(real) / count
    return [real[int(i * step)] for i in range(count)]


def _months(start: str, end: str) -> list[tuple[int, int]]:
    year, month = (int(part) for part in start.split("-"))
    last = tuple(int(part) for part in end.split("-"))
    months = []
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _poisson(rng: random.Random, mean: float) -> int:
    """Poisson draw: Knuth for small means, a rounded normal approximation above 30."""
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def _binomial(rng: random.Random, n: int, p: float) -> int:
    """Binomial draw: exact for small n, a clipped normal approximation above 50."""
    if n <= 50:
        return sum(rng.random() < p for _ in range(n))
    return min(n, max(0, round(rng.gauss(n * p, math.sqrt(n * p * (1 - p))))))


def generate(
    out_dir: Path,
    *,
    seed: int = 2025,
    communes: int = 103,
    start: str = "2024-07",
    end: str = "2026-06",
) -> tuple[Path, Path]:
    """Write dossiers.csv and efforts.csv into ``out_dir``; return their paths."""
    rng = random.Random(seed)
    units = _communes(communes)
    raw = {code: rng.lognormvariate(0, 0.35) * MEAN_POPULATION[kind] for code, _, kind in units}
    full = _communes(WARDS + RURAL)
    expected_total = sum(MEAN_POPULATION[kind] for _, _, kind in full) * math.exp(0.35**2 / 2)
    scale = POPULATION / expected_total
    population = {code: value * scale for code, value in raw.items()}
    devolved = {code: rng.lognormvariate(0, 0.35) for code, _, _ in units}
    months = _months(start, end)

    out_dir.mkdir(parents=True, exist_ok=True)
    dossiers = out_dir / "dossiers.csv"
    with dossiers.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "unit_code",
                "unit_name",
                "unit_kind",
                "procedure_code",
                "field",
                "month",
                "count",
                "in_person",
            ]
        )
        for code, name, kind in units:
            thousands = population[code] / 1000
            for year, month in months:
                after = (year, month) >= REFORM_MONTH
                since = (year - REFORM_MONTH[0]) * 12 + month - REFORM_MONTH[1]
                for proc, _, field, rate_xa, rate_ward, before in PROCEDURES:
                    rate = rate_ward if kind == "phường" else rate_xa
                    share = 1.0 if after else before
                    if after and before < 1 and since < len(RAMP_UP):
                        share = before + (1 - before) * RAMP_UP[since]
                    season = SEASON[month - 1]
                    if proc == "1.011607":
                        season *= POOR_HOUSEHOLD_SEASON[month - 1]
                    local = devolved[code] if before < 1 else 1.0
                    mean = thousands * rate * share * season * local
                    count = _poisson(rng, mean)
                    if count == 0:
                        continue
                    in_person = _binomial(rng, count, IN_PERSON[field])
                    writer.writerow(
                        [code, name, kind, proc, field, f"{year:04d}-{month:02d}", count, in_person]
                    )
    efforts = out_dir / "efforts.csv"
    with efforts.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["procedure_code", "role", "minutes"])
        for proc, roles in EFFORT.items():
            for role, minutes in roles.items():
                writer.writerow([proc, role, minutes])
    return dossiers, efforts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the CSV files into")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--communes", type=int, default=WARDS + RURAL, help="default 103")
    parser.add_argument("--start", default="2024-07", help="first month (YYYY-MM)")
    parser.add_argument("--end", default="2026-06", help="last month (YYYY-MM)")
    args = parser.parse_args(argv)
    if args.communes < 1:
        parser.error("--communes must be at least 1")
    dossiers, efforts = generate(
        args.out_dir, seed=args.seed, communes=args.communes, start=args.start, end=args.end
    )
    print(f"wrote {dossiers} and {efforts} (SYNTHETIC data, seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
