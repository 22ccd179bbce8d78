"""tthc.workflows — the CSV layout word for word: what to_csv writes, and each refusal of
from_csv / read_csv with its file, row (the header is row 1) and column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from workflow_helpers import D, H, step, wf

from tthc.authorities import AuthorityKind as K
from tthc.deadlines import Duration
from tthc.errors import InputTypeError, TthcError
from tthc.legal import LegalRef, Validity
from tthc.units import UnitLevel
from tthc.workflows import CSV_COLUMNS, Phase, Step, Workflow, from_csv, read_csv, to_csv

_BOOL_HINT = "write x, 1, true, có for yes; leave empty or write 0, false, không for no"
_CONFLICT_HINT = "leave the cell empty or repeat the same value"


def _refusal(call: Callable[[], object]) -> tuple[Any, ...]:
    with pytest.raises(TthcError) as info:
        call()
    return (info.value.message, info.value.hint, dict(info.value.context))


def _rich() -> Workflow:
    ref = LegalRef(
        "12/QĐ-UBND",
        kind="Quyết định",
        issuer="UBND tỉnh",
        date=dt.date(2025, 7, 1),
        article="Điều 2",
        url="https://x.vn/q",
        title="Quy trình",
        confidence="press",
    )
    return Workflow(
        "1.001193",
        "2026-05",
        (
            step("a", H(4), is_intake=True, phase="g1", unit_level=UnitLevel.COMMUNE),
            step(
                "b",
                D("0.5"),
                "a",
                phase="g2",
                is_signing=True,
                authority_kind=K.COMMUNE_PC,
                branch="thue",
                note="ghi chú",
            ),
            step("c", Duration.immediate(), "b", phase="g2", is_return=True),
        ),
        name="Đăng ký",
        validity=Validity(dt.date(2025, 7, 1), dt.date(2026, 12, 31)),
        legal_basis=ref,
        legal_limit=D(5),
        phases=(
            Phase("g1", "Một"),
            Phase("g2", "Hai", starts_after="Nộp", clock_stops_before=True),
        ),
        one_stop=False,
    )


_HEADER = ",".join(CSV_COLUMNS) + "\n"
_HEAD = (
    "1.001193,2026-05,Đăng ký,2025-07-01,2026-12-31,5 ngày làm việc,0,12/QĐ-UBND,Quyết định,"
    "UBND tỉnh,2025-07-01,Điều 2,https://x.vn/q,Quy trình,press,"
)


def test_to_csv_writes_every_cell() -> None:
    # Flags are "x" (or "0" for one_stop, whose blank means yes); lines end with "\n" only.
    assert to_csv(_rich()) == (
        _HEADER
        + _HEAD
        + "g1,Một,,,a,Bước a,Công chức,commune,,4 giờ làm việc,,,x,,,\n"
        + _HEAD
        + 'g2,Hai,Nộp,x,b,Bước b,Công chức,,commune_pc,"0,5 ngày làm việc",a,thue,,x,,ghi chú\n'
        + _HEAD
        + "g2,Hai,Nộp,x,c,Bước c,Công chức,,,0,b,,,,x,\n"
    )
    assert from_csv(to_csv(_rich())) == (_rich(),)


def test_to_csv_of_a_bare_workflow() -> None:
    assert to_csv(wf(step("a", is_intake=True))) == (
        _HEADER + "1.001193,t,,,,5 ngày làm việc,x,,,,,,,,,,,,,a,Bước a,Công chức,,,"
        "1 giờ làm việc,,,x,,,\n"
    )
    with pytest.raises(InputTypeError) as info:
        to_csv([wf(step("a")), "w"])  # type: ignore[list-item]
    assert info.value.context == {"argument": "workflows"}
    assert info.value.message == "Quy trình (workflow) must be a Workflow, got str"


_H_NAME = "procedure_code,workflow_version,procedure_name,step_id,step_name,role,budget\n"
_H_PHASE = "procedure_code,workflow_version,phase,phase_name,step_id,step_name,role,budget\n"
_H_DATES = "procedure_code,workflow_version,valid_from,valid_to,step_id,step_name,role,budget\n"
_H_DECISION = (
    "procedure_code,workflow_version,decision_document,decision_url,decision_confidence,"
    "step_id,step_name,role,budget\n"
)
_H_STOPS = "procedure_code,workflow_version,phase,phase_clock_stops,step_id,step_name,role,budget\n"
_B = "1 giờ làm việc"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            _H_NAME + f"1,v,Tên A,a,A,R,{_B}\n1,v,Tên B,b,B,R,{_B}\n",
            (
                "Giá trị mâu thuẫn (conflicting value) in column 'procedure_name': q.csv, row 3 "
                "differs from row 2 ('Tên A')",
                _CONFLICT_HINT,
                {"file": "q.csv", "row": 3, "field": "procedure_name"},
            ),
        ),
        (
            _H_PHASE + f"1,v,g1,Một,a,A,R,{_B}\n1,v,g1,Hai,b,B,R,{_B}\n",
            (
                "Giá trị mâu thuẫn (conflicting value) in column 'phase_name': q.csv, row 3 "
                "differs from row 2 ('Một')",
                _CONFLICT_HINT,
                {"file": "q.csv", "row": 3, "field": "phase_name"},
            ),
        ),
        (
            _H_DATES + f"1,v,1/7/2025,2025-06-30,a,A,R,{_B}\n",
            (
                "Thời hạn hiệu lực (validity period) ends 2025-06-30 before it starts "
                "2025-07-01 (q.csv, row 2, column valid_to)",
                None,
                {"file": "q.csv", "row": 2, "field": "valid_to"},
            ),
        ),
        (
            _H_DATES + f"1,v,1/7/2025,,a,A,R,{_B}\n1,v,,2025-06-30,b,A,R,{_B}\n",
            (
                "Thời hạn hiệu lực (validity period) ends 2025-06-30 before it starts "
                "2025-07-01 (q.csv, row 3, column valid_to)",
                None,
                {"file": "q.csv", "row": 3, "field": "valid_to"},
            ),
        ),
        (
            _H_DATES + f"1,v,,,a,A,R,{_B}\n1,v,31/02/2026,,b,B,R,{_B}\n",
            (
                "Ngày (date) '31/02/2026' cannot be read (q.csv, row 3, column valid_from)",
                "write YYYY-MM-DD or DD/MM/YYYY",
                {"file": "q.csv", "row": 3, "field": "valid_from"},
            ),
        ),
        (
            _H_DATES + f"1,v,,1/7,a,A,R,{_B}\n",
            (
                "Ngày (date) '1/7' cannot be read (q.csv, row 2, column valid_to)",
                "write YYYY-MM-DD or DD/MM/YYYY",
                {"file": "q.csv", "row": 2, "field": "valid_to"},
            ),
        ),
        (
            _H_DECISION + f"1,v,,,,a,A,R,{_B}\n1,v,,https://x,,b,A,R,{_B}\n",
            (
                "Quyết định (decision) 'decision_url' is filled but 'decision_document' is "
                "empty (q.csv, row 3)",
                None,
                {"file": "q.csv", "row": 3, "field": "decision_url"},
            ),
        ),
        (
            _H_DECISION + f"1,v,12/QĐ-UBND,,,a,A,R,{_B}\n1,v,,,chắc,b,A,R,{_B}\n",
            (
                "Độ tin cậy (confidence) 'chắc' is not one of ['official', 'press', 'reported'] "
                "(q.csv, row 3, column decision_confidence)",
                None,
                {"file": "q.csv", "row": 3, "field": "decision_confidence"},
            ),
        ),
        (
            _H_STOPS + f"1,v,g1,,a,A,R,{_B}\n1,v,g1,hmm,b,A,R,{_B}\n",
            (
                "Giá trị có/không (yes/no value) 'hmm' cannot be read (q.csv, row 3, column "
                "phase_clock_stops)",
                _BOOL_HINT,
                {"file": "q.csv", "row": 3, "field": "phase_clock_stops"},
            ),
        ),
        (
            _H_STOPS + f"1,v,g1,,a,A,R,{_B}\n1,v,g 2,,b,A,R,{_B}\n1,v,g 2,,c,A,R,{_B}\n",
            (
                "Mã phase (phase id) 'g 2' is not valid: use letters, digits, '.', '_' or '-' "
                "(q.csv, row 3, column phase)",
                "e.g. 'b1', 'tiep-nhan', 'gd2.ky'",
                {"file": "q.csv", "row": 3, "field": "phase"},
            ),
        ),
        (
            _H_STOPS + f"1,v,g1,,a,A,R,{_B}\n1,v,,,b,A,R,{_B}\n",
            (
                "Giai đoạn (phase) is empty for step 'b' but the workflow has phases (q.csv, "
                "row 3)",
                None,
                {"file": "q.csv", "row": 3, "field": "phase"},
            ),
        ),
        (
            "procedure_code,workflow_version,step_id,step_name,role,budget\n"
            '1,v,a,A,R,"trong ngày (sau 15:60)"\n',
            (
                "Giờ chốt (cut-off time) 15:60 is not a time of day (q.csv, row 2, column budget)",
                "write e.g. 'trong ngày (sau 15 giờ)'",
                {"file": "q.csv", "row": 2, "field": "budget"},
            ),
        ),
        (
            "procedure_code,workflow_version,step_id,step_name,role,budget\n"
            '1,v,a,A,R,"trong ngày (sau 24:00)"\n',
            (
                "Giờ chốt (cut-off time) 24:00 is not a time of day (q.csv, row 2, column budget)",
                "write e.g. 'trong ngày (sau 15 giờ)'",
                {"file": "q.csv", "row": 2, "field": "budget"},
            ),
        ),
        (
            "procedure_code,workflow_version,step_id,step_name,role,budget\n"
            '1,v,a,A,R,"trong ngày mai"\n',
            (
                "Thời gian (time) 'trong ngày mai' cannot be read (q.csv, row 2, column budget)",
                "write e.g. '4 giờ làm việc', '0,5 ngày làm việc', '15 ngày', 'trong ngày' or '0'",
                {"file": "q.csv", "row": 2, "field": "budget"},
            ),
        ),
    ],
)
def test_from_csv_refusals(text: str, expected: tuple[Any, ...]) -> None:
    assert _refusal(lambda: from_csv(text, file="q.csv")) == expected


def test_from_csv_reads_both_date_forms_and_the_decision() -> None:
    (w,) = from_csv(_H_DATES + f"1,v,01/07/2025,,a,A,R,{_B}\n1,v,,2026-12-31,b,B,R,{_B}\n")
    assert w.validity == Validity(dt.date(2025, 7, 1), dt.date(2026, 12, 31))
    (w,) = from_csv(_H_DECISION + f"1,v,12/QĐ-UBND,https://x.vn/q,,a,A,R,{_B}\n")
    assert w.legal_basis == LegalRef("12/QĐ-UBND", url="https://x.vn/q", confidence="official")
    # Cut-off times at the edge of the day are times of day.
    head = "procedure_code,workflow_version,step_id,step_name,role,budget\n"
    (w,) = from_csv(head + '1,v,a,A,R,"trong ngày (sau 23:59)"\n')
    assert w.steps[0].budget == Duration.same_day(dt.time(23, 59))


def test_read_csv_names_the_file(tmp_path: Path) -> None:
    sheet = tmp_path / "quy-trinh.csv"
    sheet.write_text(_H_NAME + f"1,v,Tên A,a,A,R,{_B}\n1,v,Tên B,b,B,R,{_B}\n", encoding="utf-8")
    message, _, context = _refusal(lambda: read_csv(sheet))
    assert context == {"file": str(sheet), "row": 3, "field": "procedure_name"}
    assert f"{sheet}, row 3" in message
    missing = tmp_path / "none.csv"
    message, _, _ = _refusal(lambda: read_csv(missing))
    assert message.startswith("Tệp quy trình (workflow file)")


_H = "procedure_code,workflow_version,step_id,step_name,role,budget"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            _H + f",colour\n1,v,a,A,R,{_B},x\n",
            (
                "Cột không hợp lệ (unknown column) 'colour' in q.csv",
                "columns: " + ", ".join(CSV_COLUMNS),
                {"file": "q.csv", "row": 1, "field": "colour"},
            ),
        ),
        (
            _H + f",role\n1,v,a,A,R,{_B},x\n",
            (
                "Cột trùng (duplicate column) 'role' in q.csv",
                None,
                {"file": "q.csv", "row": 1, "field": "role"},
            ),
        ),
        (
            f"procedure_code,workflow_version,step_id,step_name,budget\n1,v,a,A,{_B}\n",
            (
                "Thiếu cột (missing column) 'role' in q.csv",
                None,
                {"file": "q.csv", "row": 1, "field": "role"},
            ),
        ),
        (
            "",
            (
                "Tệp CSV rỗng (empty CSV file): q.csv",
                None,
                {"file": "q.csv", "row": 1, "field": "header"},
            ),
        ),
        (
            _H + f"\n1,v,a,A,R,{_B},x\n",
            (
                "Số cột sai (wrong number of cells): 7 cells, header has 6 (q.csv, row 2)",
                None,
                {"file": "q.csv", "row": 2, "field": ""},
            ),
        ),
        (
            _H + f"\n1,v,a,,R,{_B}\n",
            (
                "Ô trống (empty cell) 'step_name' (q.csv, row 2)",
                None,
                {"file": "q.csv", "row": 2, "field": "step_name"},
            ),
        ),
        (
            _H + f',note\n1,v,a,A,R,{_B},"' + "x" * 131_073 + '"\n',
            (
                "Tệp CSV không đọc được (unreadable CSV) q.csv: field larger than field limit "
                "(131072)",
                None,
                {"file": "q.csv", "row": 2, "field": "*"},
            ),
        ),
        (
            _H + f",phase_name\n1,v,a,A,R,{_B},Một\n",
            (
                "Giai đoạn (phase) 'phase_name' is filled but 'phase' is empty (q.csv, row 2)",
                None,
                {"file": "q.csv", "row": 2, "field": "phase_name"},
            ),
        ),
        (
            _H + f"\n1,v,a,A,R,{_B}\n1,v,a,B,R,{_B}\n",
            (
                "Mã bước trùng (duplicate step id) 'a' (q.csv, row 3)",
                None,
                {"file": "q.csv", "row": 3, "field": "step_id"},
            ),
        ),
        (
            _H + ",authority_kind\n" + f"1,v,a,A,R,{_B},ubnd\n",
            (
                "Loại cơ quan (authority kind) 'ubnd' is not one of "
                + ", ".join(k.value for k in K)
                + " (q.csv, row 2, column authority_kind)",
                "e.g. commune_pc, commune_pc_chair, land_registration_office",
                {"file": "q.csv", "row": 2, "field": "authority_kind"},
            ),
        ),
        (
            _H + ",unit_level\n" + f"1,v,a,A,R,{_B},thôn\n",
            (
                "Cấp (unit level) 'thôn' cannot be read (q.csv, row 2, column unit_level)",
                "write province, district, commune (or tỉnh, huyện, xã, phường, ...)",
                {"file": "q.csv", "row": 2, "field": "unit_level"},
            ),
        ),
        (
            _H + ",depends_on\n" + f"1,v,a,A,R,{_B},a\n",
            (
                "Bước 'a' (step) depends on itself (q.csv, row 2, column depends_on)",
                None,
                {"file": "q.csv", "row": 2, "field": "depends_on"},
            ),
        ),
        (
            _H + f"\n1,v,a b,A,R,{_B}\n",
            (
                "Mã step (step id) 'a b' is not valid: use letters, digits, '.', '_' or '-' "
                "(q.csv, row 2, column step_id)",
                "e.g. 'b1', 'tiep-nhan', 'gd2.ky'",
                {"file": "q.csv", "row": 2, "field": "step_id"},
            ),
        ),
    ],
)
def test_from_csv_sheet_refusals(text: str, expected: tuple[Any, ...]) -> None:
    assert _refusal(lambda: from_csv(text, file="q.csv")) == expected


def test_from_csv_refuses_what_is_not_text() -> None:
    with pytest.raises(InputTypeError) as info:
        from_csv(b"procedure_code")  # type: ignore[arg-type]
    assert (info.value.message, info.value.context) == (
        "Nội dung CSV (CSV text) must be a str",
        {"argument": "text"},
    )


def test_from_csv_minimal_sheet_reads_every_default() -> None:
    # Only the required columns: no branch, phase, note, flags, levels; the default file name.
    (w,) = from_csv("\ufeff" + _H + f"\n1,v,a,A,R,{_B}\n\n,,,,,\n1,v,b,B,R,{_B}\n")
    assert w == Workflow(
        "1",
        "v",
        (Step("a", "A", "R", H(1)), Step("b", "B", "R", H(1))),
    )
    with pytest.raises(TthcError) as info:
        from_csv(_H + "\n1,v,a,A,R,x\n")
    assert info.value.context["file"] == "<csv>"


def test_from_csv_delimiters_and_carriage_returns() -> None:
    # A ";" sheet separates depends_on with ","; a "," sheet with ";". A carriage return inside
    # a quoted cell is data.
    semi = "procedure_code;workflow_version;step_id;step_name;role;budget;depends_on;note\n"
    (w,) = from_csv(semi + f'1;v;a;A;R;{_B};;\n1;v;b;B;R;{_B};;\n1;v;c;C;R;{_B};a,b;"x\ry"\n')
    assert w.steps[2].depends_on == ("a", "b")
    assert w.steps[2].note == "x\ry"
    comma = _H + ",depends_on\n"
    (w,) = from_csv(comma + f"1,v,a,A,R,{_B},\n1,v,b,B,R,{_B},\n1,v,c,C,R,{_B},a;b\n")
    assert w.steps[2].depends_on == ("a", "b")
    # A header with both characters is read with ",": the ";" is part of a column name.
    with pytest.raises(TthcError) as info:
        from_csv("procedure_code,workflow_version;x\n")
    assert info.value.context["field"] == "workflow_version;x"
    # A one-column header (no delimiter at all) is read with ",".
    with pytest.raises(TthcError) as info:
        from_csv("procedure_code\n1\n")
    assert info.value.message == "Thiếu cột (missing column) 'workflow_version' in <csv>"
