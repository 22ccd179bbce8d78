"""Import the national portal's procedures into tthc's bundled catalogue.

Reads the crawl of the National Public Service Portal (one JSON object a line, gzip; see
``../shared/reference/portal/README.md``) or a JSON list in the portal's API shape (``--api``),
splits every record back into channels / structured time / fee / description and legal basis
documents, and writes compact JSON (the wheel's zip compresses it to about 320 kB) to
``src/tthc/data/procedures_national.json``::

    python scripts/import_national_catalogue.py \
        --portal ../shared/reference/portal/national_procedures_2026.jsonl.gz --snapshot 2026-06-10

Processing times are not read here: the catalogue keeps the texts and reads them at use time with
:func:`tthc.deadlines.parse_processing_time`, so that a better reader needs no new import.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
from pathlib import Path
from typing import Any

from tthc.procedures._import import row_from_api, row_from_crawl
from tthc.procedures._national import NATIONAL_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PORTAL = ROOT.parent / "shared/reference/portal/national_procedures_2026.jsonl.gz"
URL_PREFIX = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/"
COLUMNS = NATIONAL_COLUMNS  # the compact file's columns, defined once by its reader
OUTPUT = ROOT / "src/tthc/data/procedures_national.json"
SOURCE = (
    "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), trang thủ tục hành chính theo quyết định "
    "công bố của từng bộ; bản crawl của GitHub chatbot-tthc/chatbot_tthc "
    "(scripts/crawler/data/raw/, commit 7b79a32, 2026-06-10)"
)


def read_crawl(path: Path) -> list[dict[str, Any]]:
    """The crawl's records (JSON lines, gzip or plain)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        return [json.loads(line) for line in handle if line.strip()]


def compact(rows: list[dict[str, Any]], snapshot: dt.date, source: str) -> dict[str, Any]:
    """The bundled document: repeated texts stored once in ``texts``, rows point to them.

    Channel fees and descriptions, legal basis entries (``name<TAB>number``) and the procedure
    type are indexes into ``texts``; each procedure is a list in the order of ``columns``;
    ``url`` drops the portal's common prefix ``url_prefix``.
    """
    texts: dict[str, int] = {}

    def ref(text: str) -> int:
        return texts.setdefault(text, len(texts))

    for row in rows:
        row["channels"] = [[c, s, ref(f), ref(d)] for c, s, f, d in row["channels"]]
        row["legal"] = [ref(f"{name}\t{number}") for name, number in row["legal"]]
        row["type"] = ref(row["type"])
        if row["url"].startswith(URL_PREFIX):
            row["url"] = row["url"][len(URL_PREFIX) :]
    rows.sort(key=lambda r: r["code"])
    codes = [r["code"] for r in rows]
    table = [[row[key] for key in COLUMNS] for row in rows]
    if len(codes) != len(set(codes)):
        sys.exit("duplicate procedure codes in the input")
    return {
        "data_version": f"national-{snapshot.isoformat()}",
        "snapshot": snapshot.isoformat(),
        "source": source,
        "url_prefix": URL_PREFIX,
        "texts": list(texts),
        "columns": list(COLUMNS),
        "procedures": table,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the import."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portal", type=Path, default=DEFAULT_PORTAL)
    parser.add_argument("--api", action="store_true", help="input is a JSON list, API shape")
    parser.add_argument("--snapshot", default="2026-06-10", help="date of the snapshot")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if args.api:
        records = json.loads(args.portal.read_text(encoding="utf-8"))
        rows = [row_from_api(r, i) for i, r in enumerate(records)]
    else:
        rows = [row_from_crawl(r, i) for i, r in enumerate(read_crawl(args.portal))]
    data = compact(rows, dt.date.fromisoformat(args.snapshot), SOURCE)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    args.output.write_bytes(payload + b"\n")
    packed = len(gzip.compress(payload, compresslevel=6))
    print(f"{len(rows)} procedures, {len(data['texts'])} distinct texts -> {args.output}")
    print(f"{len(payload):,} bytes of compact JSON, {packed:,} bytes compressed (as in the wheel)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
