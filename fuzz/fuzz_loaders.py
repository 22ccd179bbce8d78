"""Atheris harness: every JSON/CSV loader of tthc on arbitrary bytes.

The first byte picks the loader: catalogue file (``load_catalog(path)``), dossier JSON
(``serde.from_json``), calendar overlay CSV and metadata JSON, workflow CSV and JSON, staffing
dossier counts and efforts (CSV; a JSON effort file is refused).

Run: ``python fuzz/fuzz_loaders.py -atheris_runs=100000`` (``pip install atheris``).
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import atheris, guarded, run

if atheris is not None:
    with atheris.instrument_imports():
        from tthc import serde, staffing, workflows
        from tthc.calendar import _official as _calendar_data
        from tthc.dossiers import Dossier
        from tthc.procedures import load_catalog
else:  # pragma: no cover
    from tthc import serde, staffing, workflows
    from tthc.calendar import _official as _calendar_data
    from tthc.dossiers import Dossier
    from tthc.procedures import load_catalog

_TMP = Path(tempfile.mkdtemp(prefix="tthc-atheris-")) / "catalog.json"


def _catalog(raw: bytes) -> None:
    _TMP.write_bytes(raw)
    guarded(lambda: load_catalog(_TMP))


def test_one_input(data: bytes) -> None:
    """Feed one fuzzer input to the target."""
    if not data:
        return
    which, raw = data[0] % 8, data[1:]
    text = raw.decode("utf-8", "replace")
    if which == 0:
        _catalog(raw)
    elif which == 1:
        guarded(lambda: serde.from_json(raw, Dossier))
    elif which == 2:
        guarded(lambda: _calendar_data.parse_overlay(text))
    elif which == 3:
        guarded(lambda: _calendar_data.parse_meta(text))
    elif which == 4:
        guarded(lambda: workflows.from_csv(text))
    elif which == 5:
        guarded(lambda: workflows.from_json(text))
    elif which == 6:
        guarded(lambda: staffing.read_dossier_counts(io.BytesIO(raw)))
    else:
        guarded(lambda: staffing.read_efforts(io.BytesIO(raw)))


if __name__ == "__main__":
    run(test_one_input)
