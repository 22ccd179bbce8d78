"""Biểu 07b (a province: I its own bodies, II the communes' total) and 07c (a ministry)."""

from __future__ import annotations

import pytest
from test_form07a import FIELDS, OCTOBER, SEPTEMBER, fully_online, scenario

from tthc.errors import InputTypeError, ReportError
from tthc.reports import Form07a, Form07aRow, form_07a, form_07b, form_07c, sum_07a, to_html


def _september() -> Form07a:
    return form_07a(scenario().values(), SEPTEMBER, fields=FIELDS, online_full=fully_online)


def _department() -> Form07a:
    row = Form07aRow("Đất đai", received_counter=4, resolved_on_time=3, pending_overdue=1)
    return Form07a(SEPTEMBER, (row,))


def test_07b_sections_and_total() -> None:
    commune = _september()
    form = form_07b([_department()], [commune, commune])  # two communes with the same figures
    assert [s.key for s in form.sections] == ["I", "II"]
    assert form.section("I").title_vi.startswith("Tình hình, kết quả giải quyết TTHC thuộc")
    assert form.section("I").rows == _department().rows
    # Section II: the communes summed per field (Hộ tịch 8 + 8 received).
    assert form.section("II").total.received_total == 2 * commune.total.received_total == 18
    assert [r.field for r in form.section("II").rows] == ["Chứng thực", "Hộ tịch"]
    assert form.section("II").rows[1].received_counter == 14
    assert form.total.received_total == 22
    assert form.total.received_total == form.total.resolved_total + form.total.pending_total
    assert "Biểu số 07b/BTP/KSTT" in form.legal_basis.cite()


def test_07b_output() -> None:
    form = form_07b([_department()], [_september()])
    lines = form.to_csv().splitlines()
    assert lines[1].startswith('I.,"Tình hình')
    assert lines[3].startswith('II.,"Tổng hợp tình hình')
    assert lines[-1] == ",TỔNG CỘNG,13,1,0,0,11,1,9,3,5,1,4,3,1"
    page = to_html(form)
    assert "Biểu số 07b/BTP/KSTT" in page
    assert '<th colspan="14">Tổng hợp tình hình' in page
    data = form.to_dict()
    assert data["sections"][1]["total"]["received_total"] == 9
    assert data["note"] is None


def test_07c_sections_and_its_note() -> None:
    form = form_07c({"I": [_department()], "III": [_september()]})
    assert [s.key for s in form.sections] == ["I", "II", "III", "IV"]
    assert form.section("II").rows == ()
    assert form.total.received_total == 13
    assert "numbering" in form.to_dict()["note"]


def test_refusals() -> None:
    with pytest.raises(ReportError, match="cannot be summed"):
        form_07b([_department()], [Form07a(OCTOBER, ())])
    with pytest.raises(ReportError, match="no 07a form"):
        form_07b([], [])
    with pytest.raises(InputTypeError, match="no section 'V'"):
        form_07c({"V": [_department()]})
    with pytest.raises(InputTypeError, match="pass Form07a"):
        form_07b(["07a"], [])  # type: ignore[list-item]
    with pytest.raises(InputTypeError, match="no section 'III'"):
        form_07b([_department()], []).section("III")


def test_sum_07a_of_partitions_is_the_form_of_the_whole() -> None:
    dossiers = list(scenario().values())
    halves = [dossiers[::2], dossiers[1::2]]
    parts = [form_07a(h, SEPTEMBER, fields=FIELDS, online_full=fully_online) for h in halves]
    assert sum_07a(parts) == _september()
    with pytest.raises(ReportError, match="no form"):
        sum_07a([])
