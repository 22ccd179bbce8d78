"""The dossier docs page shows the generated state diagram; the example and benchmark run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tthc.dossiers import mermaid_state_diagram

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "fundamentals" / "dossier-lifecycle.md"
MERMAID = re.compile(r"^```mermaid\n(.*?)^```\s*$", re.DOTALL | re.MULTILINE)


def test_docs_diagram_is_the_generated_one() -> None:
    blocks = MERMAID.findall(PAGE.read_text(encoding="utf-8"))
    assert blocks == [mermaid_state_diagram()], (
        "regenerate the diagram in docs/fundamentals/dossier-lifecycle.md from "
        "tthc.dossiers.mermaid_state_diagram()"
    )


def test_diagram_has_every_transition() -> None:
    diagram = mermaid_state_diagram()
    assert diagram.startswith("stateDiagram-v2\n")
    assert "    [*] --> DRAFT\n" in diagram
    assert "    RESULT_READY --> DELIVERED: result_delivered\n" in diagram
    assert (
        "    IN_PROCESS --> IN_PROCESS: forwarded, verification_required, extension_granted\n"
        in diagram
    )
    assert (
        "    DRAFT --> SUBMITTED: submitted_online (online/online_full/online_partial)\n" in diagram
    )
    assert "    WITHDRAWN --> [*]\n" in diagram


def test_example_and_benchmark_run() -> None:
    for script, args in (
        (ROOT / "examples" / "dossier_lifecycle.py", []),
        (ROOT / "bench" / "bench_dossiers.py", ["--repeat", "3"]),
    ):
        result = subprocess.run(
            [sys.executable, str(script), *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        assert result.stdout.strip()
    assert "JSON round trip: exact" in result.stdout or "events/s" in result.stdout
