"""tthc.workflows — the bundled processes (tthc/data/workflows) and their rule data."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from workflow_helpers import CAN_THO_WARD, ON, D, H, codes, step, wf

from tthc._data import bundled_json
from tthc.deadlines import Duration
from tthc.errors import DataFileError
from tthc.legal import LegalRef, document
from tthc.units import UnitLevel
from tthc.workflows import (
    Workflow,
    critical_path,
    data_version,
    example,
    examples,
    from_json,
    to_json,
    validate,
)


@pytest.mark.parametrize("workflow", examples(), ids=lambda w: w.procedure_code)
def test_bundled_examples_validate_clean(workflow: Workflow) -> None:
    report = validate(workflow, on=dt.date(2026, 6, 1), unit=CAN_THO_WARD)
    assert report.ok
    assert not report.warnings
    # 2.000908 has no competence rule in tthc: the signer is reported as not checked.
    assert set(codes(report)) <= {"signer.not_checked"}


def test_bundled_examples_content() -> None:
    cert = example("chung-thuc.ban-sao-tu-so-goc")
    # Hà Nội QĐ 663/QĐ-TTPVHCC as read by a 2026 research report: 02 h + 03 h + 02 h + 01 h.
    assert [s.budget for s in cert.steps] == [H(2), H(3), H(2), H(1)]
    assert cert.legal_basis is not None
    assert cert.legal_basis.confidence == "reported"
    assert cert.legal_limit == Duration.same_day()
    land = example("dat-dai.dang-ky-bien-dong")
    assert [p.id for p in land.phases] == ["gd1", "gd2"]
    assert land.phases[1].clock_stops_before
    assert land.legal_limit == D(18)
    path, total = critical_path(land)
    # 0,5 + 5 + 3 (tax branch, longer than the 2-day cadastral branch) + 0,5 | 0,5 + 3 + 2 + 1 + 0
    assert path == ("b1", "b2", "b3", "b5", "b6", "b7", "b8", "b9", "b10")
    assert total == dt.timedelta(hours=8 * 15.5)
    assert len(examples()) == 3
    assert data_version()
    with pytest.raises(DataFileError, match="does not exist"):
        example("khong-co")


def test_rule_data_cites_the_registry() -> None:
    raw = bundled_json("workflows/rules.json")
    assert "documents" not in raw  # the documents live in tthc/data/documents.json only
    citations = [
        *(row["legal_basis"] for row in raw["levels"]),
        *(ref for row in raw["levels"] for ref in row.get("also", ())),
        *raw["findings"].values(),
    ]
    assert all(set(c) <= {"doc", "article"} for c in citations)
    assert {c["doc"] for c in citations} == {"118-2025-nd-cp", "72-2025-qh15", "202-2025-qh15"}
    for citation in citations:
        LegalRef.from_mapping(citation)  # every id is in the registry


def test_findings_carry_the_registry_entry() -> None:
    # Luật Tổ chức chính quyền địa phương 72/2025/QH15 Điều 51 khoản 3 (district bodies end on 1/7/2025), as registered: the
    # registry holds the law as "official" (the old local table of rules.json said "press").
    district = wf(step("a", H(1), is_intake=True, unit_level=UnitLevel.DISTRICT))
    found = next(f for f in validate(district, on=ON) if f.code == "step.abolished_level")
    assert found.legal_ref == attrs.evolve(document("72-2025-qh15"), article="Điều 51 khoản 3")
    assert found.legal_ref.confidence == "official"
    assert (
        found.legal_ref.cite()
        == "khoản 3 Điều 51, Luật Tổ chức chính quyền địa phương 72/2025/QH15 (Quốc hội, 16/06/2025)"
    )
    intake = next(f for f in validate(wf(step("a")), on=ON) if f.code == "workflow.no_intake")
    assert intake.legal_ref == attrs.evolve(document("118-2025-nd-cp"), article="Điều 17")


@pytest.mark.parametrize("key", ["ho-tich.khai-sinh", "dat-dai.dang-ky-bien-dong"])
def test_bundled_workflows_cite_the_registry(key: str) -> None:
    raw = bundled_json(f"workflows/{key}.json")
    assert raw["workflow"]["legal_basis"]["doc"] == "118-2025-nd-cp"
    basis = example(key).legal_basis
    assert basis is not None
    # The row lowers the confidence: the process is a model built by tthc, not a decision.
    assert basis == attrs.evolve(
        document("118-2025-nd-cp"),
        article="Điều 12 khoản 3",
        title=raw["workflow"]["legal_basis"]["title"],
        confidence="reported",
    )
    assert basis.cite() == "khoản 3 Điều 12, Nghị định 118/2025/NĐ-CP (Chính phủ, 09/06/2025)"
    # The JSON written for users spells the reference out, and reads back the same.
    assert from_json(to_json(example(key))).legal_basis == basis
