"""tthc.migrate beside vietnamadminunits and vietnam-address-converter, on the labelled addresses.

Runs only when those packages are installed (``pip install vietnamadminunits
vietnam-address-converter``); they are not dependencies of tthc. The table in
``docs/guide/migrate-records.md`` was made with ``python tests/migrate/test_migrate_compare.py``.
What is checked is what the guide claims: on a split commune tthc gives every successor and the
others give one of them (vietnamadminunits) or mark it ambiguous (vietnam-address-converter).
"""

from __future__ import annotations

import datetime as dt
import functools
import socket
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_migrate_convert import labelled

from tthc.errors import AmbiguousUnitName, UnknownUnit
from tthc.migrate import convert_address


def tthc_answer(address: str, on: str) -> str:
    try:
        found = convert_address(address, on=dt.date.fromisoformat(on) if on else None)
    except AmbiguousUnitName as err:
        return f"ambiguous: {len(err.context['candidates'])} candidates listed"
    except UnknownUnit as err:
        names = err.context["suggestion_names"]
        return "unknown; suggests " + names[0].split(" (")[0] if names else "unknown"
    return f"{found.status.value}: " + " / ".join(u.name for u in found.new)


@functools.cache
def vau_answer(address: str) -> tuple[str, str | None]:
    import vietnamadminunits

    try:
        found = vietnamadminunits.convert_address(address)
    except Exception as err:
        return f"error ({type(err).__name__})", None
    return f"{found.short_ward or '-'}", found.ward_code


def vac_answer(address: str) -> str:
    import vietnam_address_converter

    try:
        found: dict[str, Any] = vietnam_address_converter.convert_address_text(address)
    except Exception as err:
        return f"error ({type(err).__name__})"
    conversion = found.get("conversion") or {}
    status = conversion.get("status", "?")
    if status == "matched" and found.get("converted"):
        return found["converted"]["ward"]["name"]
    if status == "ambiguous":
        names = [c["new_ward"]["name"] for c in conversion.get("candidates", [])]
        return "ambiguous: " + " / ".join(dict.fromkeys(names))
    return status


def table() -> list[tuple[str, str, str, str, str]]:
    rows = []
    for row in labelled():
        address = row["address"]
        rows.append(
            (
                address,
                row["status"],
                tthc_answer(address, row["on"]),
                vau_answer(address)[0],
                vac_answer(address),
            )
        )
    return rows


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """vietnamadminunits may geocode with geopy: tests never reach the network."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


ISSUE_EXAMPLES = {
    "Phường Cống Vị, Quận Ba Đình, Thành phố Hà Nội": ("00008", ("00008", "00025")),
    "Phường Bùi Hữu Nghĩa, Quận Bình Thủy, Thành phố Cần Thơ": ("31168", ("31120", "31168")),
}


def test_vietnamadminunits_picks_one_successor_of_a_split_commune() -> None:
    pytest.importorskip("vietnamadminunits")
    for address, (picked, successors) in ISSUE_EXAMPLES.items():
        # One answer where the resolutions give two (the issue's examples): a silent pick.
        assert vau_answer(address)[1] == picked
        assert convert_address(address).codes == successors
    for row in labelled():
        if row["status"] == "split":
            code = vau_answer(row["address"])[1]
            assert code is None or code in row["codes"].split(";"), row["address"]


def test_vietnam_address_converter_marks_the_issue_examples_ambiguous() -> None:
    pytest.importorskip("vietnam_address_converter")
    for address in ISSUE_EXAMPLES:
        assert vac_answer(address).startswith("ambiguous: "), address


def score(answer: str, row: dict[str, str]) -> str:
    """``right`` (the one expected unit, or every candidate / a refusal where a person must
    decide), ``pick`` (one unit where several fit), ``wrong`` otherwise."""
    from tthc import units

    new = row["status"] in ("whole", "already_new", "split")
    expected = [units.unit(c).name for c in row["codes"].split(";")] if new else []
    if row["status"] in ("whole", "already_new"):
        return "right" if answer.rsplit(": ", maxsplit=1)[-1] == expected[0] else "wrong"
    if answer.startswith(("ambiguous", "split", "unknown", "error", "invalid")):
        return "right"
    return "pick" if answer in expected or row["status"] == "ambiguous" else "wrong"


if __name__ == "__main__":
    socket.socket.connect = lambda *_a, **_k: (_ for _ in ()).throw(OSError("offline"))  # type: ignore[method-assign]
    rows = table()
    print("| address | label | tthc | vietnamadminunits | vietnam-address-converter |")
    print("|---|---|---|---|---|")
    for cells in rows:
        print("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    labels = labelled()
    for index, tool in ((2, "tthc"), (3, "vietnamadminunits"), (4, "vietnam-address-converter")):
        marks = [score(cells[index], row) for cells, row in zip(rows, labels, strict=True)]
        print(tool, {m: marks.count(m) for m in ("right", "pick", "wrong")}, len(marks))
