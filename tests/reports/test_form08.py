"""Biểu 08b (a commune's centre) and 08c (a province) of Thông tư 09/2026/TT-BTP."""

from __future__ import annotations

import pytest

from tthc.errors import InputTypeError, ReportError
from tthc.reports import CentreFacts, ProcedureCounts, ReportPeriod, form_08b, form_08c

Q3 = ReportPeriod.quarter(2026, 3)  # 15/06/2026 - 14/09/2026; 08 forms have no monthly period
NINH_KIEU = CentreFacts(
    "Trung tâm Phục vụ hành chính công phường Ninh Kiều",
    reception_points=2,
    staff_dedicated=3,
    staff_seconded=4,
    staff_contract=1,
    computers_for_staff=True,
    computers_for_online=True,
    scanners=True,
    touch_screens=False,
)
CAI_KHE = CentreFacts("Trung tâm Phục vụ hành chính công phường Cái Khế", 1, 2, 3, 0, True)
PROVINCE = CentreFacts(
    "Trung tâm Phục vụ hành chính công thành phố Cần Thơ", 5, 20, 60, 8, True, True, True, True
)
COUNTS = ProcedureCounts(1_500, 400, 1_320, 390, 1_200, 380)


def test_08b_columns() -> None:
    form = form_08b([NINH_KIEU], Q3)
    assert NINH_KIEU.columns() == {3: 2, 4: 3, 5: 4, 6: 1, 7: 1, 8: 1, 9: 1, 10: 0}
    data = form.to_dict()
    assert data["form"] == "08b/BTP/KSTT"
    assert data["rows"][0]["columns"][10] == 0
    assert "Biểu số 08b/BTP/KSTT" in data["legal_ref"]["citation"]  # the one JSON shape


def test_08c_sections() -> None:
    communes = [form_08b([NINH_KIEU], Q3), CAI_KHE]
    form = form_08c(Q3, procedures=COUNTS, province_centre=PROVINCE, communes=communes)
    assert COUNTS.columns() == {
        1: 1_900,
        2: 1_500,
        3: 400,
        4: 1_710,
        5: 1_320,
        6: 390,
        7: 1_580,
        8: 1_200,
        9: 380,
    }
    section = form.section_ii()
    # Communes' equipment columns add up the 1/0 flags: two centres, both with computers.
    assert section["Cấp xã"] == {3: 3, 4: 5, 5: 7, 6: 1, 7: 2, 8: 1, 9: 1, 10: 0}
    assert section["Cấp tỉnh"][10] == 1
    assert section["TỔNG CỘNG"][3] == 8
    assert "summed from the communes" in form.to_dict()["note"]


def test_refusals() -> None:
    with pytest.raises(ReportError, match="not by month"):
        form_08b([NINH_KIEU], ReportPeriod.month(2026, 10))
    with pytest.raises(ReportError, match="applies from"):
        form_08b([NINH_KIEU], ReportPeriod.quarter(2026, 2))
    with pytest.raises(ReportError, match="cannot go into 08c"):
        form_08c(
            ReportPeriod.half_year(2026, 2),
            procedures=COUNTS,
            province_centre=PROVINCE,
            communes=[form_08b([NINH_KIEU], Q3)],
        )
    with pytest.raises(ReportError, match="more than"):
        ProcedureCounts(10, 10, 11, 0, 0, 0)
    with pytest.raises(InputTypeError, match="True/False"):
        CentreFacts("x", scanners=1)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="whole number"):
        CentreFacts("x", reception_points=-1)
    with pytest.raises(InputTypeError, match="needs a name"):
        CentreFacts(" ")
    with pytest.raises(InputTypeError, match="CentreFacts"):
        form_08b(["x"], Q3)  # type: ignore[list-item]
    with pytest.raises(InputTypeError, match="ProcedureCounts"):
        form_08c(Q3, procedures=None, province_centre=PROVINCE, communes=[])  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="ReportPeriod"):
        form_08b([NINH_KIEU], "2026-Q3")  # type: ignore[arg-type]
