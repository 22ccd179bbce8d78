"""On-time report (báo cáo tỷ lệ giải quyết hồ sơ đúng hạn) for a table of dossiers, with pandas.

For every dossier: the legal due date from its acceptance date and its procedure's processing
time (read from the bundled catalogue of the national portal), then its timeliness: early
(trước hạn), on time (đúng hạn) or late (quá hạn) when finished; in time (trong hạn) or overdue
(quá hạn) when still open on the reporting date. Then, per procedure and month of acceptance, the
on-time ratio = (early + on time) / finished. Due dates use the public-sector calendar, make-up
Saturdays and Tết included (tthc.bulk; Civil Code 2015 Art. 147–148, Decree 118/2025 Art. 17.3).

Input: a CSV with columns procedure, accepted, finished (dates YYYY-MM-DD; finished empty while
open). Without a file the script makes a small seeded sample.

Run:  pip install "tthc[pandas]"
      python examples/bulk_on_time_report.py [dossiers.csv] [--as-of 2026-07-15]
"""

from __future__ import annotations

import argparse
import datetime as dt

import numpy as np
import pandas as pd

from tthc import bulk, load_catalog

#: Procedures of the bundled catalogue (national codes) and the channel whose limit applies.
PROCEDURES = {
    "1.004194": "Trực tiếp",  # Đăng ký tạm trú: 3 ngày làm việc
    "2.000693": "Trực tiếp",  # Giải quyết hưởng chế độ thai sản: 6 ngày làm việc
    "1.012786": "Trực tuyến",  # Cấp lại Giấy chứng nhận do bị mất: 10 ngày làm việc online
    "3.000330": "Trực tiếp",  # Cấp Phiếu lý lịch tư pháp: 10 ngày (calendar days)
}


def limits() -> pd.DataFrame:
    """One row per procedure: the limit's amount and unit, from the catalogue."""
    catalog = load_catalog()
    rows = []
    for code, channel in PROCEDURES.items():
        procedure = catalog[code]
        rule = procedure.rule_for(channel)
        assert rule.time is not None, rule.parse_error
        base = rule.time.base
        rows.append(
            {
                "procedure": code,
                "name": procedure.name_vi[:40],
                "limit": rule.text,
                "amount": int(base.amount),
                "unit": base.unit.value,  # "working_day", "calendar_day" or "month"
            }
        )
    return pd.DataFrame(rows)


def sample_dossiers(rows: int = 2_000, seed: int = 2026) -> pd.DataFrame:
    """Random dossiers accepted in the first half of 2026, about 10 % still open."""
    rng = np.random.default_rng(seed)
    first, last = np.datetime64("2026-01-02"), np.datetime64("2026-06-30")
    days = first + rng.integers(0, int((last - first).astype(int)) + 1, rows)
    accepted = bulk.add_working_days(days, 0)  # offices accept on working days only
    took = rng.gamma(shape=2.0, scale=4.0, size=rows).astype("timedelta64[D]")
    finished = (accepted + took).astype("datetime64[D]")
    finished[rng.random(rows) < 0.10] = np.datetime64("NaT")
    return pd.DataFrame(
        {
            "procedure": rng.choice(list(PROCEDURES), rows),
            "accepted": pd.to_datetime(accepted),
            "finished": pd.to_datetime(finished),
        }
    )


def report(dossiers: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """Timeliness counts and on-time ratio per procedure and month of acceptance."""
    frame = dossiers.merge(limits(), on="procedure", how="left", validate="many_to_one")
    unknown = frame["amount"].isna()
    if unknown.any():
        raise SystemExit(f"procedures without a limit: {sorted(set(frame['procedure'][unknown]))}")
    frame["due"] = bulk.compute_due_dates(frame["accepted"], frame["amount"], frame["unit"])
    frame["timeliness"] = bulk.classify(frame["due"], frame["finished"], as_of=as_of)
    frame["month"] = frame["accepted"].dt.to_period("M")
    counts = frame.pivot_table(
        index=["procedure", "month"],
        columns="timeliness",
        values="accepted",
        aggfunc="count",
        fill_value=0,
        observed=False,
    )
    finished = counts["early"] + counts["on_time"] + counts["late"]
    counts["on_time_ratio"] = ((counts["early"] + counts["on_time"]) / finished).round(3)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", nargs="?", help="dossiers: procedure, accepted, finished")
    parser.add_argument("--as-of", default="2026-07-15", help="reporting date (YYYY-MM-DD)")
    args = parser.parse_args()
    as_of = dt.date.fromisoformat(args.as_of)
    if args.csv:
        dossiers = pd.read_csv(
            args.csv, dtype={"procedure": str}, parse_dates=["accepted", "finished"]
        )
    else:
        dossiers = sample_dossiers()

    print("Thời hạn giải quyết (limits, from the national portal's records):")
    print(limits().to_string(index=False))
    table = report(dossiers, as_of)
    print(f"\n{len(dossiers):,} dossiers; timeliness as of {as_of:%d/%m/%Y}")
    print(table.to_string())
    overall = table[["early", "on_time", "late"]].sum()
    ratio = (overall["early"] + overall["on_time"]) / overall.sum()
    print(f"\nTỷ lệ giải quyết đúng hạn (on-time ratio, all finished dossiers): {ratio:.1%}")


if __name__ == "__main__":
    main()
