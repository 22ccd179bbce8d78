"""Regenerate the pictures of docs/guide/tt09-report.md: the 07a XLSX sheet and the chart.

Run from the repository root (needs the reports extra, LibreOffice and poppler-utils)::

    apt-get install libreoffice-calc-nogui poppler-utils
    python scripts/report_screenshots.py

The forms are those of the September and October 2026 scenario of tests/reports/test_form07a.py.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "reports"))

from test_form07a import FIELDS, OCTOBER, SEPTEMBER, fully_online, scenario  # noqa: E402

from tthc.reports import form_07a, plot_on_time_rates, write_xlsx  # noqa: E402

OUT = ROOT / "docs" / "assets" / "reports"


def main() -> None:
    """Write docs/assets/reports/07a-chart.png and 07a-xlsx.png."""
    OUT.mkdir(parents=True, exist_ok=True)
    dossiers = scenario().values()
    september = form_07a(dossiers, SEPTEMBER, fields=FIELDS, online_full=fully_online)
    october = form_07a(dossiers, OCTOBER, fields=FIELDS, online_full=fully_online)
    plot_on_time_rates([september, october], OUT / "07a-chart.png")
    with tempfile.TemporaryDirectory() as folder:
        sheet = Path(folder) / "07a.xlsx"
        write_xlsx(
            september, sheet, reporter="UBND phường Ninh Kiều", recipient="UBND thành phố Cần Thơ"
        )
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", folder, str(sheet)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        # The form fills the top of a landscape A4 page: crop to it (120 dpi).
        crop = ["-x", "70", "-y", "90", "-W", "1260", "-H", "340"]
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "120",
                *crop,
                "-singlefile",
                str(Path(folder) / "07a.pdf"),
                str(OUT / "07a-xlsx"),
            ],
            check=True,
        )
    print("wrote", *sorted(p.name for p in OUT.iterdir()))


if __name__ == "__main__":
    main()
