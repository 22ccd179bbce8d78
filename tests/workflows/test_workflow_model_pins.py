"""tthc.workflows — the model's and the JSON reader's refusals, word for word.

Every refusal carries a stable code, a Vietnamese+English message and the field or argument it
is about (CONTRIBUTING: never silently wrong). The validator factories are called directly too:
the classes build their validators once, at import.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from workflow_helpers import H, ok_chain, step, wf

from tthc.authorities import AuthorityKind
from tthc.deadlines import Duration
from tthc.errors import TthcError
from tthc.legal import LegalRef
from tthc.units import UnitLevel
from tthc.workflows import (
    Phase,
    Step,
    Workflow,
    _io_json,
    _model,
    example,
    from_json,
    load,
    to_json,
)

_ID_HINT = "e.g. 'b1', 'tiep-nhan', 'gd2.ky'"


def _refusal(call: Callable[[], object]) -> tuple[Any, ...]:
    with pytest.raises(TthcError) as info:
        call()
    exc = info.value
    return (type(exc).__name__, exc.code, exc.message, exc.hint, dict(exc.context))


def _attribute(name: str) -> attrs.Attribute[Any]:
    return next(a for a in attrs.fields(Step) if a.name == name)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (
            lambda: step("bad id"),
            (
                "DataFileError",
                "data.invalid",
                "Mã step (step id) 'bad id' is not valid: use letters, digits, '.', '_' or '-'",
                _ID_HINT,
                {"field": "step_id", "value": "bad id"},
            ),
        ),
        (
            lambda: Phase("g d", "x"),
            (
                "DataFileError",
                "data.invalid",
                "Mã phase (phase id) 'g d' is not valid: use letters, digits, '.', '_' or '-'",
                _ID_HINT,
                {"field": "phase_id", "value": "g d"},
            ),
        ),
        (
            lambda: Step(1, "x", "y", H(1)),  # type: ignore[arg-type]
            (
                "DataFileError",
                "data.invalid",
                "Mã step (step id) 1 is not valid: use letters, digits, '.', '_' or '-'",
                _ID_HINT,
                {"field": "step_id", "value": "1"},
            ),
        ),
        (
            lambda: Workflow(" ", "t", (step("a"),)),
            (
                "DataFileError",
                "data.invalid",
                "Mã thủ tục (procedure code) must not be empty",
                None,
                {"field": "procedure_code"},
            ),
        ),
        (
            lambda: Workflow("1", "", (step("a"),)),
            (
                "DataFileError",
                "data.invalid",
                "Phiên bản quy trình (workflow version) must not be empty",
                None,
                {"field": "workflow_version"},
            ),
        ),
        (
            lambda: Step("a", "x", "y", H(1), unit_level="commune"),  # type: ignore[arg-type]
            (
                "InputTypeError",
                "input.wrong_type",
                "Cấp (unit level) of step 'a' must be a UnitLevel",
                None,
                {"argument": "unit_level"},
            ),
        ),
        (
            lambda: Step("a", "x", "y", H(1), authority_kind="commune_pc"),  # type: ignore[arg-type]
            (
                "InputTypeError",
                "input.wrong_type",
                "Loại cơ quan (authority kind) of step 'a' must be a AuthorityKind",
                None,
                {"argument": "authority_kind"},
            ),
        ),
        (
            lambda: Step("a", "x", "y", "4"),  # type: ignore[arg-type]
            (
                "InputTypeError",
                "input.wrong_type",
                "Thời gian thực hiện (step budget) of step 'a' must be a Duration, got str",
                None,
                {"argument": "budget"},
            ),
        ),
        (
            lambda: Step("a", "x", "y", Duration.months(1)),
            (
                "DurationError",
                "deadline.invalid_duration",
                "Thời gian thực hiện (step budget) of step 'a': 1 tháng cannot be a step budget",
                "use working days/hours/minutes (e.g. '0,5 ngày làm việc', '4 giờ làm việc'), "
                "calendar days, same day, or 0",
                {"step": "a", "unit": "month"},
            ),
        ),
        (
            lambda: Step("a", "x", "y", H(1), depends_on=["b"]),  # type: ignore[arg-type]
            (
                "InputTypeError",
                "input.wrong_type",
                "Bước trước (depends_on) of step 'a' must be a tuple of step ids",
                None,
                {"argument": "depends_on"},
            ),
        ),
        (
            lambda: Step("a", "x", "y", H(1), depends_on=("b", 1)),  # type: ignore[arg-type]
            (
                "InputTypeError",
                "input.wrong_type",
                "Bước trước (depends_on) of step 'a' must be a tuple of step ids",
                None,
                {"argument": "depends_on"},
            ),
        ),
        (
            lambda: Step("a", "x", "y", H(1), depends_on=("a",)),
            (
                "DataFileError",
                "data.invalid",
                "Bước 'a' (step) depends on itself",
                None,
                {"field": "depends_on", "step": "a"},
            ),
        ),
        (
            lambda: wf(step("a"), step("b"), step("a")),
            (
                "DataFileError",
                "data.invalid",
                "Mã step (step id) 'a' is used twice",
                None,
                {"field": "step_id", "value": "a"},
            ),
        ),
        (
            lambda: Workflow("1.001193", "t", ()),
            (
                "DataFileError",
                "data.invalid",
                "Quy trình (workflow) 1.001193 has no step",
                None,
                {"field": "steps"},
            ),
        ),
        (
            lambda: Workflow("1.001193", "t", [step("a")]),  # type: ignore[arg-type]
            (
                "InputTypeError",
                "input.wrong_type",
                "Các bước (steps) must be a tuple of Step",
                None,
                {"argument": "steps"},
            ),
        ),
        (
            lambda: Workflow("1.001193", "t", (step("a"), "b")),  # type: ignore[arg-type]
            (
                "InputTypeError",
                "input.wrong_type",
                "Các bước (steps) must be a tuple of Step",
                None,
                {"argument": "steps"},
            ),
        ),
        (
            lambda: Workflow("1.001193", "t", (step("a"),), legal_limit="5"),  # type: ignore[arg-type]
            (
                "InputTypeError",
                "input.wrong_type",
                "Thời hạn giải quyết (legal limit) must be a Duration",
                None,
                {"argument": "legal_limit"},
            ),
        ),
        (
            lambda: Workflow("1.001193", "t", (step("a"),), phases=["x"]),  # type: ignore[arg-type]
            (
                "InputTypeError",
                "input.wrong_type",
                "Giai đoạn (phases) must be a tuple of Phase",
                None,
                {"argument": "phases"},
            ),
        ),
        (
            lambda: wf(
                step("a", phase="gd1"),
                step("b", phase="gd9"),
                phases=(Phase("gd1", "G"), Phase("gd0", "G")),
            ),
            (
                "DataFileError",
                "data.invalid",
                "Giai đoạn (phase) 'gd9' of step 'b' is not one of ['gd0', 'gd1']",
                None,
                {"field": "phase", "step": "b"},
            ),
        ),
        (
            lambda: wf(step("a"), step("b", phase="gd1")),
            (
                "DataFileError",
                "data.invalid",
                "Giai đoạn (phase) 'gd1' of step 'b': the workflow declares no phases",
                None,
                {"field": "phase", "step": "b"},
            ),
        ),
        (
            lambda: wf(step("a", phase="gd1"), phases=(Phase("gd1", "Một"), Phase("gd1", "Hai"))),
            (
                "DataFileError",
                "data.invalid",
                "Mã phase (phase id) 'gd1' is used twice",
                None,
                {"field": "phase_id", "value": "gd1"},
            ),
        ),
        (
            lambda: Phase("gd1", 1),  # type: ignore[arg-type]
            (
                "InputTypeError",
                "input.wrong_type",
                "Văn bản (text): name must be a str, got int",
                None,
                {"argument": "name"},
            ),
        ),
        (
            lambda: wf(*ok_chain()).step("zz"),
            (
                "DataFileError",
                "data.invalid",
                "Bước (step) 'zz' is not in workflow 1.001193 t",
                None,
                {"field": "step_id", "value": "zz"},
            ),
        ),
    ],
)
def test_model_refusals(call: Callable[[], object], expected: tuple[Any, ...]) -> None:
    assert _refusal(call) == expected


def test_ids_accept_the_documented_characters() -> None:
    for good in ("b1", "tiep-nhan", "gd2.ky", "B_2", "9"):
        assert step(good).id == good
    for bad in ("", "-b", ".b", "_b", "b 1", "b/1", "bước"):
        with pytest.raises(TthcError):
            step(bad)


def test_validator_factories_called_directly() -> None:
    # The classes call the factories once at import; called here, their checks are exercised
    # as written (a phase id, a blank text, an optional enum member).
    check = _model._identifier("phase")
    check(None, _attribute("id"), "gd1")
    assert _refusal(lambda: check(None, _attribute("id"), "g 1")) == (
        "DataFileError",
        "data.invalid",
        "Mã phase (phase id) 'g 1' is not valid: use letters, digits, '.', '_' or '-'",
        _ID_HINT,
        {"field": "phase_id", "value": "g 1"},
    )
    assert _refusal(lambda: check(None, _attribute("id"), None)) == (
        "DataFileError",
        "data.invalid",
        "Mã phase (phase id) None is not valid: use letters, digits, '.', '_' or '-'",
        _ID_HINT,
        {"field": "phase_id", "value": "None"},
    )
    blank = _model._not_blank("Mã (code)", "code")
    blank(None, _attribute("name"), "x")
    assert _refusal(lambda: blank(None, _attribute("name"), " \t")) == (
        "DataFileError",
        "data.invalid",
        "Mã (code) must not be empty",
        None,
        {"field": "code"},
    )
    optional = _model._optional_of(UnitLevel, "Cấp (unit level)")
    owner = step("s1")
    optional(owner, _attribute("unit_level"), None)
    optional(owner, _attribute("unit_level"), UnitLevel.COMMUNE)
    assert _refusal(
        lambda: optional(owner, _attribute("unit_level"), AuthorityKind.COMMUNE_PC)
    ) == (
        "InputTypeError",
        "input.wrong_type",
        "Cấp (unit level) of step 's1' must be a UnitLevel",
        None,
        {"argument": "unit_level"},
    )


def test_levels_of_a_step() -> None:
    assert step("a").levels == ()
    assert step("a", unit_level=UnitLevel.PROVINCE).levels == (UnitLevel.PROVINCE,)
    assert step("a", authority_kind=AuthorityKind.COMMUNE_PC).levels == (UnitLevel.COMMUNE,)
    both = step("a", unit_level=UnitLevel.COMMUNE, authority_kind=AuthorityKind.COMMUNE_PC)
    assert both.levels == (UnitLevel.COMMUNE,)  # named once


# --- JSON ------------------------------------------------------------------------------------------


def _inner(workflow: Workflow) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(to_json(workflow))
    del doc["schema_version"]
    return doc


def test_from_json_refusals() -> None:
    assert _refusal(lambda: from_json(1)) == (  # type: ignore[arg-type]
        "InputTypeError",
        "input.wrong_type",
        "Tuần tự hóa (serialisation): text must be str or bytes, got int",
        None,
        {"argument": "text"},
    )
    assert _refusal(lambda: from_json("{")) == (
        "SerializationError",
        "serde.invalid",
        "Dữ liệu JSON hỏng (corrupted JSON): the Workflow document is not valid JSON: Expecting "
        "property name enclosed in double quotes (line 1, column 2)",
        "the file was truncated or edited by hand; restore it from a backup",
        {"path": "$", "cls": "Workflow"},
    )
    inner = _inner(example("ho-tich.khai-sinh"))
    for version, shown in ((2, "2"), (None, "None")):
        wrapped = {"schema_version": version, "workflow": inner} if version else {"workflow": inner}
        assert _refusal(lambda w=wrapped: from_json(json.dumps(w))) == (
            "SerializationError",
            "serde.invalid",
            f"Phiên bản lược đồ (schema version) {shown} is not supported",
            None,
            {"path": "$.schema_version"},
        )


def test_from_json_reads_the_wrapped_form_and_a_bom() -> None:
    ex = example("ho-tich.khai-sinh")
    wrapped = json.dumps({"schema_version": 1, "data_version": "x", "workflow": _inner(ex)})
    assert from_json(wrapped) == ex
    assert from_json(wrapped.encode()) == ex
    assert from_json("\ufeff" + to_json(ex)) == ex
    assert from_json(("\ufeff" + to_json(ex)).encode()) == ex
    assert from_json(to_json(ex).encode()) == ex
    # A document whose only field named "workflow" is not the wrapper is read as a workflow.
    with pytest.raises(TthcError) as info:
        from_json(json.dumps({"schema_version": 1, "steps": []}))
    assert info.value.code == "serde.invalid"


def test_to_json_indent() -> None:
    ex = example("ho-tich.khai-sinh")
    assert to_json(ex).startswith('{\n  "schema_version": 1,\n  "procedure_code": ')
    assert to_json(ex, indent=None).startswith('{"schema_version": 1, "procedure_code": ')
    assert _refusal(lambda: to_json("w")) == (  # type: ignore[arg-type]
        "InputTypeError",
        "input.wrong_type",
        "Quy trình (workflow) must be a Workflow, got str",
        None,
        {"argument": "workflow"},
    )


def test_example_and_load_refusals(tmp_path: Path) -> None:
    assert _refusal(lambda: example("nope")) == (
        "DataFileError",
        "data.invalid",
        "Quy trình mẫu (bundled workflow) 'nope' does not exist",
        "one of chung-thuc.ban-sao-tu-so-goc, ho-tich.khai-sinh, dat-dai.dang-ky-bien-dong",
        {"field": "key", "value": "nope"},
    )
    hint = "use a .csv file in the tthc layout or a .json file written by to_json()"
    for name, shown in (("w.txt", ".txt"), ("w", "(none)")):
        path = tmp_path / name
        assert _refusal(lambda p=path: load(p)) == (
            "DataFileError",
            "data.invalid",
            f"Loại tệp (file type) {shown} is not supported: {path}",
            hint,
            {"file": str(path)},
        )
    missing = tmp_path / "none.JSON"
    _, _, message, _, context = _refusal(lambda: load(missing))
    assert (
        message
        == f"Tệp quy trình (workflow file) {missing} cannot be read: No such file or directory"
    )
    assert context == {"file": str(missing)}
    good = tmp_path / "w.Json"
    good.write_text(to_json(example("ho-tich.khai-sinh")), encoding="utf-8")
    assert load(good) == (example("ho-tich.khai-sinh"),)


def test_bundled_citations_resolved() -> None:
    # The land process pauses before phase 2 while the applicant pays (Nghị định 101/2024/NĐ-CP,
    # cited from the registry with the row's own title and confidence); phase 1 cites nothing.
    land = example("dat-dai.dang-ky-bien-dong")
    assert [p.legal_ref for p in land.phases] == [
        None,
        LegalRef(
            "101/2024/NĐ-CP",
            kind="Nghị định",
            issuer="Chính phủ",
            date=dt.date(2024, 7, 29),
            title="Thời gian thực hiện nghĩa vụ tài chính không tính vào thời gian giải quyết "
            "(điều khoản chưa đối chiếu)",
            confidence="reported",
        ),
    ]
    assert [p.clock_stops_before for p in land.phases] == [False, True]


def test_resolve_citations_leaves_other_values() -> None:
    where = "in a test"
    cited = {"doc": "118-2025-nd-cp", "article": "Điều 17"}
    plain = {"document": "12/QĐ-UBND"}
    data = {
        "schema_version": 1,
        "workflow": {
            "legal_basis": cited,
            "phases": [{"id": "g1", "legal_ref": cited}, {"id": "g2"}, "odd"],
        },
    }
    out = _io_json._resolve_citations(data, where)
    expected_ref = {
        "document": "118/2025/NĐ-CP",
        "kind": "Nghị định",
        "issuer": "Chính phủ",
        "date": "2025-06-09",
        "article": "Điều 17",
        "url": "",
        "title": "Thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ "
        "phận Một cửa và Cổng Dịch vụ công quốc gia",
        "confidence": "official",
    }
    assert out == {
        "schema_version": 1,
        "workflow": {
            "legal_basis": expected_ref,
            "phases": [{"id": "g1", "legal_ref": expected_ref}, {"id": "g2"}, "odd"],
        },
    }
    assert data["workflow"]["legal_basis"] is cited  # the input is not changed
    assert _io_json._cite(plain, where) is plain
    assert _io_json._cite(None, where) is None
    no_phases = _io_json._resolve_citations({"workflow": {"phases": "x"}}, where)
    assert no_phases == {"workflow": {"phases": "x"}}
    with pytest.raises(TthcError) as info:
        _io_json._cite({"doc": "118-2025-nd-cp", "bogus": 1}, "in tthc/data/workflows/x.json")
    assert info.value.message == (
        "Căn cứ pháp lý (legal reference): unknown field 'bogus' in tthc/data/workflows/x.json"
    )


def test_phases_must_all_be_phases() -> None:
    assert _refusal(lambda: wf(step("a"), phases=("gd1",))) == (
        "InputTypeError",
        "input.wrong_type",
        "Giai đoạn (phases) must be a tuple of Phase",
        None,
        {"argument": "phases"},
    )
