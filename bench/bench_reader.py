"""Benchmark of reading processing times (issue 15) through the public API.

Prints µs per uncached ``parse_processing_time`` (median and 90th percentile over the labelled
corpus; every cache cleared before each reading), the cached path (a repeated text: the
``functools.lru_cache`` on the text), and the time to read the whole national catalogue (every
channel row: description and structured time) with cold caches, then warm. The command, the CPU
(``/proc/cpuinfo``) and the load average are printed with the figures::

    python bench/bench_reader.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from tthc.deadlines import parse_processing_time
from tthc.deadlines._processing_time import clear_cache
from tthc.errors import TthcError

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def _read(text: str) -> None:
    with contextlib.suppress(TthcError):
        parse_processing_time(text)


def cpu() -> str:
    """The CPU model and count, from /proc/cpuinfo where there is one."""
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return platform.processor() or "unknown CPU"
    models = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return f"{models[0] if models else 'unknown CPU'} × {len(models) or os.cpu_count()}"


def corpus_times(texts: list[str], repeat: int) -> list[float]:
    """Best-of-``repeat`` µs per uncached reading of each text."""
    result = []
    for text in texts:
        best = float("inf")
        for _ in range(repeat):
            clear_cache()
            started = time.perf_counter_ns()
            _read(text)
            best = min(best, time.perf_counter_ns() - started)
        result.append(best / 1_000)
    return result


def catalogue(rows: list[tuple[str, int]]) -> tuple[float, float]:
    """Seconds to read every row of the catalogue, cold caches then warm caches."""
    clear_cache()
    started = time.perf_counter()
    for text, count in rows:
        for _ in range(count):
            _read(text)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    for text, count in rows:
        for _ in range(count):
            _read(text)
    return cold, time.perf_counter() - started


def cached_ns(text: str, calls: int = 200_000) -> float:
    """Nanoseconds per call of ``parse_processing_time`` on a text already read."""
    parse_processing_time(text)
    started = time.perf_counter_ns()
    for _ in range(calls):
        parse_processing_time(text)
    return (time.perf_counter_ns() - started) / calls


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(
        f"cpu: {cpu()}; load average {os.getloadavg()[0]:.2f}; Python {platform.python_version()}"
    )
    corpus = [
        json.loads(line)["text"]
        for line in (DATA / "processing_time_corpus.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    payload = json.loads(gzip.decompress((DATA / "processing_time_catalogue.json.gz").read_bytes()))
    rows = [(text, count) for text, count in payload["texts"]]
    times = corpus_times(corpus, args.repeat)
    p90 = statistics.quantiles(times, n=10)[-1]
    print(f"corpus: {len(corpus)} texts, uncached reading: median {statistics.median(times):.0f} µs, "
          f"p90 {p90:.0f} µs, max {max(times):.0f} µs")  # fmt: skip
    hit = cached_ns("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ")
    print(f"cached path (lru_cache on the text): {hit:.0f} ns per call")
    cold, warm = catalogue(rows)
    total = sum(count for _, count in rows)
    print(f"catalogue: {total} texts ({len(rows)} distinct): cold {cold:.2f} s, warm {warm:.3f} s")


if __name__ == "__main__":
    main()
