"""tthc.workflows — the CSV layout: from_csv, read_csv, to_csv, errors with file, row and column."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from workflow_helpers import HEAD, ON, D, H, codes

from tthc.errors import DataFileError, InputTypeError
from tthc.workflows import (
    CSV_COLUMNS,
    Workflow,
    examples,
    from_csv,
    load,
    read_csv,
    to_csv,
    validate,
)


def _without_phase_refs(w: Workflow) -> Workflow:
    return attrs.evolve(w, phases=tuple(attrs.evolve(p, legal_ref=None) for p in w.phases))


@pytest.mark.parametrize("workflow", examples(), ids=lambda w: w.procedure_code)
def test_csv_round_trip(workflow: Workflow) -> None:
    text = to_csv(workflow)
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert len(text.splitlines()) == 1 + len(workflow.steps)
    assert from_csv(text) == (_without_phase_refs(workflow),)


def test_csv_several_workflows_blank_repeats_and_semicolons(tmp_path: Path) -> None:
    both = to_csv(examples())
    assert from_csv(both) == tuple(_without_phase_refs(w) for w in examples())
    sheet = (
        "procedure_code;workflow_version;step_id;step_name;role;budget;depends_on;is_intake;"
        "is_return;legal_limit\n"
        "1.001193;v1;b1;Tiếp nhận;Một cửa;0,5 ngày làm việc;;x;;1 ngày làm việc\n"
        "1.001193;v1;b2;Trả;Một cửa;4 giờ làm việc;b1;;có;\n"
    )
    path = tmp_path / "sheet.csv"
    path.write_text("\ufeff" + sheet, encoding="utf-8")  # Excel writes a BOM
    (w,) = read_csv(path)
    assert w.legal_limit == D(1)
    assert [s.budget for s in w.steps] == [D("0.5"), H(4)]
    assert w.steps[1].is_return
    assert load(path) == (w,)
    assert codes(validate(w, on=ON)) == ["workflow.no_signing"]


def csv_error(text: str) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        from_csv(text, file="quy-trinh.csv")
    return info.value


@pytest.mark.parametrize(
    ("body", "row", "field"),
    [
        (
            "1.001193,v1,b1,Tiếp nhận,Một cửa,4 giờ làm việc,,x\n1.001193,v1,b2,Xử lý,CV,abc,b1,\n",
            3,
            "budget",
        ),
        ("1.001193,v1,b1,Tiếp nhận,Một cửa,4 giờ,,x\n", 2, "budget"),
        ("1.001193,v1,b1,Tiếp nhận,Một cửa,2 tháng,,x\n", 2, "budget"),
        ("1.001193,v1,b1,Tiếp nhận,Một cửa,1 ngày làm việc,,maybe\n", 2, "is_intake"),
        ("1.001193,v1,b1,Tiếp nhận,,1 ngày làm việc,,x\n", 2, "role"),
        (
            "1.001193,v1,b1,Tiếp nhận,Một cửa,1 ngày làm việc,,x\n1.001193,v1,b1,Lại,CV,1 giờ làm việc,,\n",
            3,
            "step_id",
        ),
        ("1.001193,v1,b 1,Tiếp nhận,Một cửa,1 ngày làm việc,,x\n", 2, "step_id"),
        ("1.001193,v1,b1,Tiếp nhận,Một cửa,1 ngày làm việc,b1,x\n", 2, "depends_on"),
        ("1.001193,v1,b1,Tiếp nhận,Một cửa,1 ngày làm việc\n", 2, ""),
    ],
)
def test_csv_row_precise_errors(body: str, row: int, field: str) -> None:
    err = csv_error(HEAD + body)
    assert err.context["file"] == "quy-trinh.csv"
    assert err.context["row"] == row
    assert err.context["field"] == field
    assert f"row {row}" in err.message


def test_csv_header_and_workflow_level_errors() -> None:
    assert csv_error("").context["row"] == 1
    unknown = csv_error(HEAD.replace("is_intake", "mau_sac") + "x\n")
    assert (unknown.context["row"], unknown.context["field"]) == (1, "mau_sac")
    missing = csv_error("procedure_code,workflow_version,step_id\n1,v,b\n")
    assert missing.context["field"] == "step_name"
    dup = csv_error("procedure_code,procedure_code\n")
    assert dup.context["field"] == "procedure_code"
    head = "procedure_code,workflow_version,step_id,step_name,role,budget,"
    conflict = csv_error(
        head + "legal_limit\n1,v,a,A,R,1 giờ làm việc,5 ngày làm việc\n"
        "1,v,b,B,R,1 giờ làm việc,\n1,v,c,C,R,1 giờ làm việc,6 ngày làm việc\n"
    )
    assert (conflict.context["row"], conflict.context["field"]) == (4, "legal_limit")
    bad_limit = csv_error(
        head + "legal_limit\n1,v,a,A,R,1 giờ làm việc,\n1,v,b,B,R,1 giờ làm việc,xyz\n"
    )
    assert (bad_limit.context["row"], bad_limit.context["field"]) == (3, "legal_limit")
    bad_date = csv_error(head + "valid_from\n1,v,a,A,R,1 giờ làm việc,31/02/2026\n")
    assert bad_date.context["field"] == "valid_from"
    reversed_dates = csv_error(
        head + "valid_from,valid_to\n1,v,a,A,R,1 giờ làm việc,2026-05-01,2026-01-01\n"
    )
    assert reversed_dates.context["field"] == "valid_to"
    no_doc = csv_error(head + "decision_issuer\n1,v,a,A,R,1 giờ làm việc,UBND tỉnh\n")
    assert no_doc.context["field"] == "decision_issuer"
    bad_conf = csv_error(
        head + "decision_document,decision_confidence\n1,v,a,A,R,1 giờ làm việc,1/QĐ,sure\n"
    )
    assert bad_conf.context["field"] == "decision_confidence"
    bad_level = csv_error(head + "unit_level\n1,v,a,A,R,1 giờ làm việc,thôn\n")
    assert bad_level.context["field"] == "unit_level"
    bad_kind = csv_error(head + "authority_kind\n1,v,a,A,R,1 giờ làm việc,ubnd\n")
    assert bad_kind.context["field"] == "authority_kind"
    phase_cols = csv_error(head + "phase,phase_name\n1,v,a,A,R,1 giờ làm việc,,Giai đoạn 1\n")
    assert phase_cols.context["field"] == "phase_name"
    mixed = csv_error(head + "phase\n1,v,a,A,R,1 giờ làm việc,gd1\n1,v,b,B,R,1 giờ làm việc,\n")
    assert (mixed.context["row"], mixed.context["field"]) == (3, "phase")
    phase_conflict = csv_error(
        head
        + "phase,phase_name\n1,v,a,A,R,1 giờ làm việc,gd1,Một\n1,v,b,B,R,1 giờ làm việc,gd1,Hai\n"
    )
    assert (phase_conflict.context["row"], phase_conflict.context["field"]) == (3, "phase_name")
    bad_stop = csv_error(head + "phase,phase_clock_stops\n1,v,a,A,R,1 giờ làm việc,gd1,?\n")
    assert bad_stop.context["field"] == "phase_clock_stops"
    bad_phase = csv_error(head + "phase\n1,v,a,A,R,1 giờ làm việc,g d\n")
    assert bad_phase.context["field"] == "phase"
    bad_one_stop = csv_error(head + "one_stop\n1,v,a,A,R,1 giờ làm việc,?\n")
    assert bad_one_stop.context["field"] == "one_stop"
    with pytest.raises(InputTypeError):
        from_csv(b"x")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        to_csv(["w"])  # type: ignore[list-item]


def test_read_csv_reads_regular_utf8_files_only(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not a regular file"):
        read_csv(tmp_path)
    cp1258 = tmp_path / "cp1258.csv"  # a legacy Windows code page, not UTF-8
    cp1258.write_bytes((HEAD + "1.001193,v1,b1,Caf\u00e9,x,1 working_hour,,x\n").encode("cp1258"))
    with pytest.raises(DataFileError, match="not UTF-8") as info:
        read_csv(cp1258)
    assert info.value.context["file"] == str(cp1258)


def test_csv_field_over_the_csv_module_limit() -> None:
    err = csv_error(HEAD + '1.001193,v1,b1,Tiếp nhận,Một cửa,"' + "x" * 200_000 + '",,x\n')
    assert err.message.startswith("Tệp CSV không đọc được (unreadable CSV) quy-trinh.csv:")
    assert (err.context["row"], err.context["field"]) == (2, "*")
