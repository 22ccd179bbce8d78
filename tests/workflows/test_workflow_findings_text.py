"""tthc.workflows — findings word for word (code, severity, message, steps, hint, legal basis,
the one-line rendering).

``wrong_workflows_findings.json`` pins what ``validate`` reports on 1/3/2026 for each workflow of
``examples/data/wrong_workflows.csv`` (a configuration with one mistake of each kind) and of
``workflows.examples()`` at Phường Ninh Kiều (31135), and for the cases below (the sources of the
legal limit, the ways the signer check cannot be done). The legal bases are those of the rule
data (Nghị định 118/2025/NĐ-CP Điều 12 khoản 3, 17, 18 khoản 2; Luật 72/2025/QH15 Điều 51
khoản 3 for the district level that ended on 30/6/2025; Luật Hộ tịch 60/2014/QH13 Điều 13 for
the signer of a birth registration). Regenerate the file only for a deliberate change of
wording (``PYTHONPATH=tests/workflows python tests/workflows/test_workflow_findings_text.py``), and review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from workflow_helpers import CAN_THO_WARD, ON, WRONG, D, H, ok_chain, step, wf

from tthc.authorities import AuthorityKind as K
from tthc.calendar import OfficeHours
from tthc.deadlines import Duration, ProcessingTime, parse_processing_time
from tthc.legal import Validity
from tthc.procedures import Procedure, ProcessingRule
from tthc.units import UnitLevel
from tthc.workflows import Phase, Report, Workflow, examples, read_csv, validate

_FILE = Path(__file__).parent / "wrong_workflows_findings.json"
_SIX_DAYS = wf(step("a", D(3), is_intake=True), step("b", D(3), "a", is_return=True))


def _procedure(code: str, *rules: tuple[str | None, str]) -> Procedure:
    return Procedure(
        code,
        "Thủ tục",
        processing_rules=tuple(
            ProcessingRule(channel=c, text=t, time=parse_processing_time(t) if t else None)
            for c, t in rules
        ),
    )


_PLAN = Workflow("quy-hoach.phe-duyet", "t", ok_chain(), legal_limit=D(5))


def _signer(kind: K | None) -> Workflow:
    chain = list(ok_chain())
    chain[2] = step("c", H(1), "b", is_signing=True, authority_kind=kind)
    return wf(*chain)


_CASES: dict[str, Callable[[], Report]] = {
    "limit: none": lambda: validate(wf(*ok_chain(), legal_limit=None), on=ON),
    "limit: processing time with no base": lambda: validate(
        wf(*ok_chain()), on=ON, legal_limit=ProcessingTime(source="theo từng trường hợp")
    ),
    "limit: calendar days": lambda: validate(
        wf(*ok_chain()), on=ON, legal_limit=Duration.calendar_days(15)
    ),
    "limit: a calendar-day step": lambda: validate(
        wf(
            step("a", H(1), is_intake=True),
            step("b", Duration.calendar_days(15), "a", is_return=True),
        ),
        on=ON,
    ),
    "limit: argument over": lambda: validate(_SIX_DAYS, on=ON, legal_limit=D(4)),
    "limit: processing time over": lambda: validate(
        _SIX_DAYS, on=ON, legal_limit=ProcessingTime(source="05 ngày làm việc", base=D(5))
    ),
    "limit: procedure-wide over": lambda: validate(
        _SIX_DAYS, on=ON, procedure=_procedure("1.001193", (None, "4 ngày làm việc"))
    ),
    "limit: counter over": lambda: validate(
        _SIX_DAYS,
        on=ON,
        procedure=_procedure(
            "1.001193", (None, ""), ("Trực tiếp", "4 ngày làm việc"), ("Trực tuyến", "")
        ),
    ),
    "limit: procedure-wide without base": lambda: validate(
        _SIX_DAYS,
        on=ON,
        procedure=_procedure(
            "1.001193", (None, "theo từng trường hợp"), ("Trực tiếp", "4 ngày làm việc")
        ),
    ),
    "limit: common over": lambda: validate(
        _SIX_DAYS,
        on=ON,
        procedure=_procedure(
            "1.001193", ("Trực tuyến", "5 ngày làm việc"), ("Dịch vụ bưu chính", "5 ngày làm việc")
        ),
    ),
    "limit: several": lambda: validate(
        _SIX_DAYS,
        on=ON,
        procedure=_procedure(
            "1.001193", ("Trực tuyến", "4 ngày làm việc"), ("Dịch vụ bưu chính", "8 ngày làm việc")
        ),
    ),
    "limit: channel over": lambda: validate(
        _SIX_DAYS,
        on=ON,
        channel="Trực tuyến",
        procedure=_procedure(
            "1.001193", ("Trực tuyến", "4 ngày làm việc"), ("Dịch vụ bưu chính", "8 ngày làm việc")
        ),
    ),
    "limit: unreadable": lambda: validate(
        _SIX_DAYS, on=ON, procedure=_procedure("1.001193", ("Trực tiếp", ""))
    ),
    "procedure mismatch": lambda: validate(
        _SIX_DAYS, on=ON, procedure=_procedure("2.000908", (None, "6 ngày làm việc"))
    ),
    "signer: no unit": lambda: validate(wf(*ok_chain()), on=ON),
    "signer: no rule": lambda: validate(
        Workflow("9.999999", "t", ok_chain(), legal_limit=D(5)), on=ON, unit=CAN_THO_WARD
    ),
    "signer: no kind": lambda: validate(_signer(None), on=ON, unit=CAN_THO_WARD),
    "signer: unknown unit": lambda: validate(wf(*ok_chain()), on=ON, unit="99999"),
    "signer: province decides": lambda: validate(
        Workflow("van-hoa.karaoke", "t", ok_chain(), legal_limit=D(5)), on=ON, unit=CAN_THO_WARD
    ),
    "signer: division": lambda: validate(_signer(K.COMMUNE_DIVISION), on=ON, unit=CAN_THO_WARD),
    "signer: chair": lambda: validate(_signer(K.COMMUNE_PC_CHAIR), on=ON, unit=CAN_THO_WARD),
    # Approval of a plan: UBND cấp xã for a single commune (Nghị định 145/2025/NĐ-CP Điều 6),
    # a case fact the competence rule needs.
    "signer: facts given": lambda: validate(
        _PLAN, on=ON, unit=CAN_THO_WARD, facts={"plan_scope": "single_commune"}
    ),
    "signer: facts missing": lambda: validate(_PLAN, on=ON, unit=CAN_THO_WARD),
    # Luật 72/2025/QH15 Điều 51 khoản 3: no district body after 30/6/2025, whether the step
    # names the level, the kind of authority, or both (a commune unit with a district kind).
    "levels: district": lambda: validate(
        wf(
            step("a", H(1), is_intake=True, is_return=True),
            step("b", H(1), "a", unit_level=UnitLevel.DISTRICT),
            step("c", H(1), "a", unit_level=UnitLevel.COMMUNE, authority_kind=K.DISTRICT_DIVISION),
            step("d", H(1), "a", unit_level=UnitLevel.PROVINCE, authority_kind=K.PROVINCIAL_PC),
        ),
        on=ON,
    ),
    "graph: several": lambda: validate(
        wf(
            step("a", H(1), is_intake=True),
            step("b", H(1), "zz", "yy"),
            step("c", H(1)),
            step("d", H(1), "a"),
            step("e", H(1), "a"),
            step("f", H(1), "a", is_return=True),
        ),
        on=ON,
    ),
    "phase order: several": lambda: validate(
        wf(
            step("a", H(1), "c", "d", phase="p1", is_intake=True),
            step("c", H(1), phase="p2"),
            step("d", H(1), phase="p2", is_return=True),
            phases=(Phase("p1", "Một"), Phase("p2", "Hai")),
        ),
        on=ON,
    ),
    # One working day of a 07:30–12:00 office is 4,5 hours: 4 h + 2,25 h + 0,5 h = 6,75 h > 4,5 h.
    "limit: short windows": lambda: validate(
        wf(
            step("a", H(4), is_intake=True),
            step("b", D("0.5"), "a"),
            step("c", Duration.working_minutes(30), "b", is_return=True),
            legal_limit=D(1),
        ),
        on=ON,
        office_hours=OfficeHours(((dt.time(7, 30), dt.time(12)),)),
    ),
    "no one-stop": lambda: validate(wf(step("a"), step("b", H(1), "a"), one_stop=False), on=ON),
    "not in force": lambda: validate(
        wf(*ok_chain(), validity=Validity(dt.date(2026, 3, 2), None)), on=ON
    ),
}


def _all() -> dict[str, Callable[[], Report]]:
    cases = dict(_CASES)
    for w in (*read_csv(WRONG), *examples()):
        cases[w.key] = lambda w=w: validate(w, on=ON, unit=CAN_THO_WARD)
    return cases


def _rendered(report: Report) -> list[dict[str, Any]]:
    return [{**f.to_dict(), "str": str(f)} for f in report]


def _expected() -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = json.loads(_FILE.read_text(encoding="utf-8"))
    return data


def test_every_case_is_pinned() -> None:
    assert sorted(_all()) == sorted(_expected())


@pytest.mark.parametrize("name", sorted(_all()))
def test_findings_word_for_word(name: str) -> None:
    assert _rendered(_all()[name]()) == _expected()[name]


if __name__ == "__main__":
    pinned = {name: _rendered(run()) for name, run in sorted(_all().items())}
    _FILE.write_text(json.dumps(pinned, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
