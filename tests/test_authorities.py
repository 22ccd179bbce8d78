"""tthc.authorities: who is competent, before and after 1/7/2025, and where to file.

Every row of the research note's table (two_level_competence.md §3, 38 rows) is checked on both
sides of its boundary: 30/6/2025 (three levels: Luật Tổ chức chính quyền địa phương 72/2025/QH15 Điều 51 khoản 3 ends the
district level on 1/7/2025) and 1/7/2025 (the sector decrees of 11–12/6/2025), and later layers
(NĐ 49/2026/NĐ-CP on 31/01/2026, Luật Hộ tịch 03/2026/QH16 on 01/3/2027, NĐ 145/2025 and NĐ
147/2025 ending 01/3/2027). The decree is named in each case.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from tthc import authorities
from tthc import units as tu
from tthc.authorities import (
    Anchor,
    Authority,
    AuthorityKind,
    Confidence,
    ReceptionMode,
    RuleLayer,
    competence_rules,
    data_version,
    procedure_keys,
    reception_points,
    resolve_authority,
)
from tthc.errors import DataFileError, InputTypeError, NoCompetenceRule, UnitNotInForce, UnknownUnit
from tthc.legal import document, documents

K = AuthorityKind
BEFORE = dt.date(2025, 6, 30)
AFTER = dt.date(2025, 7, 1)
# 31135: Phường Tân An (quận Ninh Kiều, 916) until 30/6/2025; Phường Ninh Kiều from 1/7/2025.
CODE = "31135"

# (key, facts, kind on 30/6/2025 or None when no old rule is encoded, document; kind on
#  1/7/2025, document)
ROWS: list[tuple[str, dict[str, str | bool], AuthorityKind | None, str, AuthorityKind, str]] = [
    # Row 1: LHT 2014 Điều 37 → NĐ 120/2025 Điều 4, Phụ lục I mục I.1(b).
    (
        "ho-tich.ket-hon-nuoc-ngoai",
        {},
        K.DISTRICT_PC,
        "60/2014/QH13",
        K.COMMUNE_PC,
        "120/2025/NĐ-CP",
    ),
    # Row 2: LHT 2014 Điều 35 → NĐ 120/2025 Điều 4.
    (
        "ho-tich.khai-sinh-nuoc-ngoai",
        {},
        K.DISTRICT_PC,
        "60/2014/QH13",
        K.COMMUNE_PC,
        "120/2025/NĐ-CP",
    ),
    # Row 3: NĐ 120/2025 Điều 4.
    (
        "ho-tich.khai-sinh-nhan-cha-me-con-nuoc-ngoai",
        {},
        K.DISTRICT_PC,
        "60/2014/QH13",
        K.COMMUNE_PC,
        "120/2025/NĐ-CP",
    ),
    # Row 4: LHT 2014 Điều 43 → NĐ 120/2025 Phụ lục I mục I.1(c).
    (
        "ho-tich.nhan-cha-me-con-nuoc-ngoai",
        {},
        K.DISTRICT_PC,
        "60/2014/QH13",
        K.COMMUNE_PC,
        "120/2025/NĐ-CP",
    ),
    # Row 5: LHT 2014 Điều 46 → NĐ 120/2025 Điều 4.
    (
        "ho-tich.thay-doi-cai-chinh-cap-huyen",
        {},
        K.DISTRICT_PC,
        "60/2014/QH13",
        K.COMMUNE_PC,
        "120/2025/NĐ-CP",
    ),
    # Row 6: NĐ 120/2025 Phụ lục I mục I.1(d).
    (
        "ho-tich.ghi-chu-ket-hon-ly-hon-nuoc-ngoai",
        {},
        K.DISTRICT_PC,
        "60/2014/QH13",
        K.COMMUNE_PC,
        "120/2025/NĐ-CP",
    ),
    # Row 7: NĐ 23/2015 Điều 5 khoản 1 (Phòng Tư pháp) → NĐ 120/2025 (UBND cấp xã).
    (
        "chung-thuc.giay-to-nuoc-ngoai",
        {},
        K.DISTRICT_DIVISION,
        "23/2015/NĐ-CP",
        K.COMMUNE_PC,
        "120/2025/NĐ-CP",
    ),
    # Row 8: NĐ 01/2021 Điều 87 → NĐ 168/2025 Điều 20 khoản 2 (commune division).
    (
        "dkkd.ho-kinh-doanh",
        {},
        K.DISTRICT_DIVISION,
        "01/2021/NĐ-CP",
        K.COMMUNE_DIVISION,
        "168/2025/NĐ-CP",
    ),
    # Row 9: NĐ 125/2025 Điều 44 (no old rule encoded).
    ("dkkd.hop-tac-xa", {}, None, "", K.COMMUNE_PC, "125/2025/NĐ-CP"),
    # Row 10: Sở KH&ĐT → Phòng ĐKKD thuộc Sở Tài chính, NĐ 168/2025 Điều 20 khoản 1.
    (
        "dkkd.doanh-nghiep",
        {"in_high_tech_park": False},
        K.DEPARTMENT_SUBUNIT,
        "01/2021/NĐ-CP",
        K.DEPARTMENT_SUBUNIT,
        "168/2025/NĐ-CP",
    ),
    (
        "dkkd.doanh-nghiep",
        {"in_high_tech_park": True},
        K.DEPARTMENT_SUBUNIT,
        "01/2021/NĐ-CP",
        K.ZONE_MANAGEMENT_BOARD,
        "168/2025/NĐ-CP",
    ),
    # Row 11: LĐĐ 2024 Điều 136 k1 đ.b → NĐ 151/2025 Điều 5 k1 đ.h (Chủ tịch UBND cấp xã).
    (
        "dat-dai.cap-gcn-lan-dau-ca-nhan",
        {},
        K.DISTRICT_PC,
        "31/2024/QH15",
        K.COMMUNE_PC_CHAIR,
        "151/2025/NĐ-CP",
    ),
    # Row 12: LĐĐ 2024 Điều 123 k2 → NĐ 151/2025 Điều 5 k1, k4.
    (
        "dat-dai.giao-dat-ca-nhan",
        {},
        K.DISTRICT_PC,
        "31/2024/QH15",
        K.COMMUNE_PC_CHAIR,
        "151/2025/NĐ-CP",
    ),
    # Row 13: LĐĐ 2024 Điều 83 k2 → NĐ 151/2025 Điều 5 k1 đ.b, c.
    (
        "dat-dai.thu-hoi-dat",
        {},
        K.DISTRICT_PC,
        "31/2024/QH15",
        K.COMMUNE_PC_CHAIR,
        "151/2025/NĐ-CP",
    ),
    # Row 14: NĐ 151/2025 Điều 5 k1 đ.d.
    (
        "dat-dai.phuong-an-boi-thuong",
        {},
        K.DISTRICT_PC,
        "31/2024/QH15",
        K.COMMUNE_PC_CHAIR,
        "151/2025/NĐ-CP",
    ),
    # Row 15: LĐĐ 2024 Điều 91 k2 → NĐ 151/2025 Điều 5 k1 đ.e, g.
    (
        "dat-dai.gia-dat-cu-the",
        {},
        K.DISTRICT_PC,
        "31/2024/QH15",
        K.COMMUNE_PC_CHAIR,
        "151/2025/NĐ-CP",
    ),
    # Row 16: UBND cấp tỉnh → commune level, NĐ 151/2025 (Điều 10).
    (
        "dat-dai.cap-gcn-to-chuc",
        {},
        K.PROVINCIAL_PC,
        "31/2024/QH15",
        K.COMMUNE_PC_CHAIR,
        "151/2025/NĐ-CP",
    ),
    # Row 17: Văn phòng đăng ký đất đai on both sides (NĐ 151/2025).
    (
        "dat-dai.dang-ky-bien-dong",
        {},
        K.LAND_REGISTRATION_OFFICE,
        "31/2024/QH15",
        K.LAND_REGISTRATION_OFFICE,
        "151/2025/NĐ-CP",
    ),
    # Row 18: LĐĐ 2024 Điều 236 k3 đ.a → NĐ 151/2025 Điều 5.
    (
        "dat-dai.tranh-chap",
        {},
        K.DISTRICT_PC_CHAIR,
        "31/2024/QH15",
        K.COMMUNE_PC_CHAIR,
        "151/2025/NĐ-CP",
    ),
    # Row 19: LXD Điều 103 k3 → NĐ 140/2025 Điều 4 khoản 1.
    (
        "xay-dung.gpxd-nha-o-rieng-le",
        {},
        K.DISTRICT_PC,
        "50/2014/QH13",
        K.COMMUNE_PC,
        "140/2025/NĐ-CP",
    ),
    ("xay-dung.gpxd-cap-iii-iv", {}, K.DISTRICT_PC, "50/2014/QH13", K.COMMUNE_PC, "140/2025/NĐ-CP"),
    # Row 20: LXD Điều 103 k2 → NĐ 140/2025 Điều 4 k1, contested (left to the province).
    (
        "xay-dung.gpxd-cong-trinh-cap-tinh",
        {},
        K.PROVINCIAL_PC,
        "50/2014/QH13",
        K.COMMUNE_PC,
        "140/2025/NĐ-CP",
    ),
    # Row 21: NĐ 175/2024 Điều 53 k9 → NĐ 140/2025 Điều 4.
    (
        "xay-dung.chap-thuan-dia-diem",
        {},
        K.DISTRICT_PC,
        "175/2024/NĐ-CP",
        K.COMMUNE_PC,
        "140/2025/NĐ-CP",
    ),
    # Row 22: NĐ 95/2024 Điều 39 → NĐ 140/2025.
    ("nha-o.nha-o-xa-hoi", {}, K.DISTRICT_PC, "95/2024/NĐ-CP", K.COMMUNE_PC, "140/2025/NĐ-CP"),
    # Row 23: NĐ 145/2025 Điều 7 (no old rule encoded).
    ("quy-hoach.cung-cap-thong-tin", {}, None, "", K.COMMUNE_PC, "145/2025/NĐ-CP"),
    # Row 24: NĐ 145/2025 Điều 6: one commune → UBND cấp xã; ≥ 2 communes → UBND cấp tỉnh.
    (
        "quy-hoach.phe-duyet",
        {"plan_scope": "single_commune"},
        None,
        "",
        K.COMMUNE_PC,
        "145/2025/NĐ-CP",
    ),
    (
        "quy-hoach.phe-duyet",
        {"plan_scope": "multi_commune"},
        None,
        "",
        K.PROVINCIAL_PC,
        "145/2025/NĐ-CP",
    ),
    # Rows 25–27: NĐ 125/2024 → NĐ 142/2025 (Chủ tịch UBND cấp xã).
    (
        "giao-duc.mam-non",
        {},
        K.DISTRICT_PC_CHAIR,
        "125/2024/NĐ-CP",
        K.COMMUNE_PC_CHAIR,
        "142/2025/NĐ-CP",
    ),
    (
        "giao-duc.tieu-hoc",
        {},
        K.DISTRICT_PC_CHAIR,
        "125/2024/NĐ-CP",
        K.COMMUNE_PC_CHAIR,
        "142/2025/NĐ-CP",
    ),
    (
        "giao-duc.thcs",
        {},
        K.DISTRICT_PC_CHAIR,
        "125/2024/NĐ-CP",
        K.COMMUNE_PC_CHAIR,
        "142/2025/NĐ-CP",
    ),
    # Row 28: NĐ 142/2025: foreign-invested → CT UBND cấp tỉnh; domestic → CT UBND cấp xã.
    (
        "giao-duc.chuyen-doi-mam-non-tu-thuc",
        {"foreign_invested": True},
        None,
        "",
        K.PROVINCIAL_PC_CHAIR,
        "142/2025/NĐ-CP",
    ),
    (
        "giao-duc.chuyen-doi-mam-non-tu-thuc",
        {"foreign_invested": False},
        None,
        "",
        K.COMMUNE_PC_CHAIR,
        "142/2025/NĐ-CP",
    ),
    # Row 29: NĐ 142/2025.
    ("giao-duc.trung-tam-hoc-tap-cong-dong", {}, None, "", K.COMMUNE_PC_CHAIR, "142/2025/NĐ-CP"),
    # Row 30: NĐ 20/2021 → NĐ 147/2025 Điều 5 khoản 1.
    (
        "bao-tro-xa-hoi.tro-cap-hang-thang",
        {},
        K.DISTRICT_PC_CHAIR,
        "20/2021/NĐ-CP",
        K.COMMUNE_PC_CHAIR,
        "147/2025/NĐ-CP",
    ),
    # Row 31: Sở LĐTBXH (NĐ 145/2020 Điều 69) → Sở Nội vụ (NĐ 129/2025).
    (
        "lao-dong.noi-quy-lao-dong",
        {},
        K.PROVINCIAL_DEPARTMENT,
        "145/2020/NĐ-CP",
        K.PROVINCIAL_DEPARTMENT,
        "129/2025/NĐ-CP",
    ),
    # Row 32: NĐ 129/2025 Điều 7.
    ("nguoi-co-cong.bang-to-quoc-ghi-cong", {}, None, "", K.COMMUNE_PC, "129/2025/NĐ-CP"),
    # Row 33: NĐ 129/2025 Điều 4; police victims: NĐ 131/2021 Điều 17 k1 đ.b.
    (
        "nguoi-co-cong.giay-chung-nhan-hy-sinh",
        {"victim_agency": "former_district"},
        None,
        "",
        K.PROVINCIAL_PC_CHAIR,
        "129/2025/NĐ-CP",
    ),
    (
        "nguoi-co-cong.giay-chung-nhan-hy-sinh",
        {"victim_agency": "commune_or_other"},
        None,
        "",
        K.COMMUNE_PC_CHAIR,
        "129/2025/NĐ-CP",
    ),
    (
        "nguoi-co-cong.giay-chung-nhan-hy-sinh",
        {"victim_agency": "police"},
        None,
        "",
        K.VERTICAL_AGENCY,
        "131/2021/NĐ-CP",
    ),
    # Rows 34–35: NĐ 105/2017 Điều 25 → NĐ 139/2025.
    (
        "cong-thuong.ban-le-ruou",
        {},
        K.DISTRICT_DIVISION,
        "105/2017/NĐ-CP",
        K.COMMUNE_PC,
        "139/2025/NĐ-CP",
    ),
    (
        "cong-thuong.san-xuat-ruou-thu-cong",
        {},
        K.DISTRICT_DIVISION,
        "105/2017/NĐ-CP",
        K.COMMUNE_PC,
        "139/2025/NĐ-CP",
    ),
    # Row 36: NĐ 110/2018 Điều 9 k3 → NĐ 137/2025 (one commune: UBND cấp xã; several: tỉnh).
    (
        "van-hoa.le-hoi",
        {"festival_scope": "single_commune"},
        K.DISTRICT_PC,
        "110/2018/NĐ-CP",
        K.COMMUNE_PC,
        "137/2025/NĐ-CP",
    ),
    (
        "van-hoa.le-hoi",
        {"festival_scope": "multi_commune"},
        K.DISTRICT_PC,
        "110/2018/NĐ-CP",
        K.PROVINCIAL_PC,
        "137/2025/NĐ-CP",
    ),
    # Row 37: NĐ 144/2020 Điều 9 k3 đ.b; NĐ 147/2024 Điều 62 k3 đ.a → NĐ 137/2025.
    (
        "van-hoa.bieu-dien-nghe-thuat",
        {},
        K.DISTRICT_PC,
        "144/2020/NĐ-CP",
        K.COMMUNE_PC,
        "137/2025/NĐ-CP",
    ),
    (
        "van-hoa.tro-choi-dien-tu",
        {},
        K.DISTRICT_PC,
        "147/2024/NĐ-CP",
        K.COMMUNE_PC,
        "137/2025/NĐ-CP",
    ),
    # Row 38: karaoke (NĐ 54/2019): default provincial, varies by province on both sides.
    (
        "van-hoa.karaoke",
        {},
        K.PROVINCIAL_DEPARTMENT,
        "54/2019/NĐ-CP",
        K.PROVINCIAL_DEPARTMENT,
        "54/2019/NĐ-CP",
    ),
]


def _kind(result: object) -> AuthorityKind:
    from tthc.authorities import CompetenceResult

    assert isinstance(result, CompetenceResult)
    chosen = result.authority or result.default_authority
    assert chosen is not None
    return chosen.kind


def test_the_38_rows_are_covered() -> None:
    rows = {r.research_row for r in competence_rules() if r.research_row is not None}
    assert rows == set(range(1, 39))
    assert len(procedure_keys()) >= 38
    assert data_version()
    for rule in competence_rules():
        assert rule.legal_basis.document
        assert rule.validity.start is not None or rule.validity.end is not None


def test_no_two_rules_overlap_in_the_same_layer() -> None:
    rules = competence_rules()
    for a in rules:
        for b in rules:
            if a is b or a.procedure != b.procedure or a.layer != b.layer:
                continue
            if a.variant != b.variant or a.provinces != b.provinces:
                continue
            a_start = a.validity.start or dt.date.min
            b_start = b.validity.start or dt.date.min
            a_end = a.validity.end or dt.date.max
            b_end = b.validity.end or dt.date.max
            assert a_end < b_start or b_end < a_start, (a.id, b.id)


@pytest.mark.parametrize(
    "row",
    ROWS,
    ids=[f"{r[0]}-{'-'.join(str(v) for v in r[1].values())}" for r in ROWS],
)
def test_row_on_both_sides_of_1_july_2025(
    row: tuple[str, dict[str, str | bool], AuthorityKind | None, str, AuthorityKind, str],
) -> None:
    key, facts, old_kind, old_doc, new_kind, new_doc = row
    after = resolve_authority(key, unit=CODE, on=AFTER, facts=facts)
    assert _kind(after) is new_kind
    assert after.legal_basis.document == new_doc
    assert after.rule.validity.start == AFTER
    assert after.unit.full_name == "Phường Ninh Kiều"
    if old_kind is None:
        with pytest.raises(NoCompetenceRule):
            resolve_authority(key, unit=CODE, on=BEFORE, facts=facts)
        return
    before = resolve_authority(key, unit=CODE, on=BEFORE, facts=facts)
    assert _kind(before) is old_kind
    assert before.legal_basis.document == old_doc
    assert before.rule.validity.end == BEFORE
    assert before.unit.full_name == "Phường Tân An"


def test_district_authority_bound_to_old_district() -> None:
    # LHT 2014 Điều 37: UBND quận Ninh Kiều (916) for a resident of phường Tân An on 30/6/2025.
    res = resolve_authority("2.000806", unit=CODE, on=BEFORE)
    assert res.authority is not None
    assert res.authority.unit.code == "916"
    assert res.authority.name_vi == "Ủy ban nhân dân quận Ninh Kiều"
    # The district itself may be passed too.
    res = resolve_authority("2.000806", unit="916", on=BEFORE)
    assert res.authority is not None
    assert res.authority.unit.code == "916"


def test_commune_authority_names() -> None:
    # NĐ 120/2025 Điều 4: UBND cấp xã; NĐ 151/2025 Điều 5: Chủ tịch UBND cấp xã.
    res = resolve_authority("2.000806", unit=CODE, on=AFTER)
    assert str(res.authority) == "Ủy ban nhân dân phường Ninh Kiều (31135)"
    res = resolve_authority("1.013978", unit="31231", on=AFTER)
    assert res.authority is not None
    assert res.authority.name_vi == "Chủ tịch Ủy ban nhân dân xã Thạnh An"
    assert res.rule.anchor is Anchor.LAND_PARCEL


def test_household_business_division_by_kind_of_commune() -> None:
    # NĐ 168/2025 Điều 20 khoản 2: Phòng Kinh tế (xã, đặc khu), Phòng Kinh tế, Hạ tầng và Đô thị
    # (phường, đặc khu Phú Quốc).
    ward = resolve_authority("2.000720", unit="31120", on=AFTER).authority
    xa = resolve_authority("2.000720", unit="31231", on=AFTER).authority
    phu_quoc = resolve_authority("1.001570", unit="31078", on=AFTER).authority
    assert ward is not None
    assert xa is not None
    assert phu_quoc is not None
    assert ward.name_vi == "Phòng Kinh tế, Hạ tầng và Đô thị phường Cái Khế"
    assert xa.name_vi == "Phòng Kinh tế xã Thạnh An"
    assert phu_quoc.name_vi == "Phòng Kinh tế, Hạ tầng và Đô thị đặc khu Phú Quốc"


def test_enterprise_registration_department_subunit() -> None:
    # NĐ 168/2025 Điều 20 khoản 1: Phòng ĐKKD thuộc Sở Tài chính.
    res = resolve_authority("2.001610", unit="31120", on=AFTER, facts={"in_high_tech_park": False})
    assert res.authority is not None
    assert res.authority.name_vi == "Phòng Đăng ký kinh doanh thuộc Sở Tài chính thành phố Cần Thơ"
    assert res.authority.unit.code == "92"


@pytest.mark.parametrize(
    ("key", "amended_kind", "left"),
    [
        # NĐ 49/2026/NĐ-CP Điều 14 khoản 2 điểm b: still Chủ tịch UBND cấp xã.
        ("dat-dai.cap-gcn-lan-dau-ca-nhan", K.COMMUNE_PC_CHAIR, False),
        # NĐ 49/2026/NĐ-CP Điều 14: UBND cấp tỉnh, which may re-delegate.
        ("dat-dai.giao-dat-ca-nhan", K.PROVINCIAL_PC, True),
        ("dat-dai.thu-hoi-dat", K.PROVINCIAL_PC, True),
        ("dat-dai.phuong-an-boi-thuong", K.PROVINCIAL_PC, True),
        # NĐ 49/2026/NĐ-CP Điều 14 khoản 2 điểm a: provincial land agency where the province decided.
        ("dat-dai.cap-gcn-to-chuc", K.PROVINCIAL_DEPARTMENT, True),
        # NĐ 49/2026/NĐ-CP Điều 14 khoản 2: Văn phòng đăng ký đất đai.
        ("dat-dai.dang-ky-bien-dong", K.LAND_REGISTRATION_OFFICE, False),
    ],
)
def test_land_amendment_of_31_january_2026(
    key: str, amended_kind: AuthorityKind, left: bool
) -> None:
    before = resolve_authority(key, unit=CODE, on=dt.date(2026, 1, 30))
    assert before.legal_basis.document == "151/2025/NĐ-CP"
    after = resolve_authority(key, unit=CODE, on=dt.date(2026, 1, 31))
    assert after.legal_basis.document == "49/2026/NĐ-CP"
    assert after.rule.layer is RuleLayer.AMENDMENT
    assert _kind(after) is amended_kind
    assert after.left_to_province is left
    assert [r.legal_basis.document for r in after.overridden] == ["151/2025/NĐ-CP"]
    assert after.rule.supersedes == before.rule.id


@pytest.mark.parametrize(
    "key",
    [
        "ho-tich.ket-hon-nuoc-ngoai",
        "ho-tich.khai-sinh-nuoc-ngoai",
        "ho-tich.khai-sinh-nhan-cha-me-con-nuoc-ngoai",
        "ho-tich.nhan-cha-me-con-nuoc-ngoai",
        "ho-tich.thay-doi-cai-chinh-cap-huyen",
        "ho-tich.ghi-chu-ket-hon-ly-hon-nuoc-ngoai",
        "ho-tich.khai-sinh",
    ],
)
def test_civil_status_law_2026(key: str) -> None:
    # Luật Hộ tịch 03/2026/QH16 Điều 8 khoản 1, from 01/3/2027: any UBND cấp xã.
    last = resolve_authority(key, unit=CODE, on=dt.date(2027, 2, 28))
    assert last.rule.anchor is Anchor.RESIDENCE
    first = resolve_authority(key, unit=CODE, on=dt.date(2027, 3, 1))
    assert first.legal_basis.document == "03/2026/QH16"
    assert first.legal_basis.article == "Điều 8 khoản 1"
    assert first.rule.anchor is Anchor.ANY_UNIT
    assert _kind(first) is K.COMMUNE_PC


def test_birth_registration_cli_example() -> None:
    # LHT 2014 Điều 13 khoản 1: UBND cấp xã nơi cư trú, unchanged by the reform.
    res = resolve_authority("1.001193", unit="31135", on=dt.date(2026, 3, 1))
    assert res.authority is not None
    assert res.authority.name_vi == "Ủy ban nhân dân phường Ninh Kiều"
    assert res.legal_basis.cite().startswith("khoản 1 Điều 13, Luật Hộ tịch 60/2014/QH13")
    text = res.explain()
    assert "Ủy ban nhân dân phường Ninh Kiều" in text
    assert "60/2014/QH13" in text
    # Before the reform the same law names the old commune, phường Tân An.
    old = resolve_authority("1.001193", unit="31135", on=BEFORE)
    assert old.authority is not None
    assert old.authority.name_vi == "Ủy ban nhân dân phường Tân An"


@pytest.mark.parametrize(
    "key",
    ["quy-hoach.cung-cap-thong-tin", "quy-hoach.phe-duyet", "bao-tro-xa-hoi.tro-cap-hang-thang"],
)
def test_sunset_of_nd145_and_nd147(key: str) -> None:
    # NĐ 145/2025 Điều 12 and NĐ 147/2025: expire 01/3/2027; no later rule is encoded.
    facts = {"plan_scope": "single_commune"}
    resolve_authority(key, unit=CODE, on=dt.date(2027, 2, 28), facts=facts)
    with pytest.raises(NoCompetenceRule, match="01/03/2027"):
        resolve_authority(key, unit=CODE, on=dt.date(2027, 3, 1), facts=facts)


# --- left to the province --------------------------------------------------------------------


def test_plan_over_several_communes_is_left_to_the_province() -> None:
    # NĐ 145/2025 Điều 6: UBND cấp tỉnh, which may delegate to the commune (khoản 2).
    res = resolve_authority(
        "quy-hoach.phe-duyet", unit=CODE, on=AFTER, facts={"plan_scope": "multi_commune"}
    )
    assert res.left_to_province
    assert res.authority is None
    assert res.decided_by is not None
    assert res.decided_by.name_vi == "Ủy ban nhân dân thành phố Cần Thơ"
    assert res.default_authority is not None
    assert res.default_authority.kind is K.PROVINCIAL_PC
    assert "tthc không tự định tuyến (does not route)" in res.explain()
    assert "statutory default" in res.explain()


def test_contested_building_permit_is_left_to_the_province() -> None:
    # NĐ 140/2025 Điều 4 khoản 1 vs CV 9516/BXD-KTQLXD: contested (confidence L).
    res = resolve_authority("xay-dung.gpxd-cong-trinh-cap-tinh", unit=CODE, on=AFTER)
    assert res.left_to_province
    assert res.authority is None
    assert res.rule.confidence is Confidence.LOW
    assert [a.document for a in res.rule.also] == ["9516/BXD-KTQLXD"]


def test_karaoke_thanh_hoa_overlay() -> None:
    # Thanh Hóa (38) delegated karaoke licences to the commune UBND from 22/8/2025 (press).
    commune = tu.communes("38")[0]
    before = resolve_authority("van-hoa.karaoke", unit=commune, on=dt.date(2025, 8, 21))
    assert before.left_to_province
    assert before.authority is None
    after = resolve_authority("van-hoa.karaoke", unit=commune, on=dt.date(2025, 8, 22))
    assert not after.left_to_province
    assert after.authority is not None
    assert after.authority.kind is K.COMMUNE_PC
    assert after.rule.layer is RuleLayer.PROVINCE
    assert after.rule.provinces == frozenset({"38"})
    assert "province overlay" in after.explain()
    # Not in Cần Thơ.
    other = resolve_authority("van-hoa.karaoke", unit=CODE, on=dt.date(2025, 8, 22))
    assert other.left_to_province


# --- errors ----------------------------------------------------------------------------------


def test_unknown_procedure_has_no_rule() -> None:
    with pytest.raises(NoCompetenceRule) as err:
        resolve_authority("9.999999", unit=CODE, on=AFTER)
    assert err.value.code == "authority.no_rule"
    assert "procedure_keys" in (err.value.hint or "")


def test_missing_fact_is_not_guessed() -> None:
    with pytest.raises(NoCompetenceRule, match="plan_scope") as err:
        resolve_authority("quy-hoach.phe-duyet", unit=CODE, on=AFTER)
    assert err.value.context["missing_facts"] == ("plan_scope",)
    # Before the reform no variant is needed for the old district rule (LXD).
    resolve_authority("van-hoa.le-hoi", unit=CODE, on=BEFORE)


def test_unknown_fact_value() -> None:
    with pytest.raises(NoCompetenceRule, match="facts"):
        resolve_authority(
            "quy-hoach.phe-duyet", unit=CODE, on=AFTER, facts={"plan_scope": "whole_country"}
        )


def test_wrong_unit_level() -> None:
    # A commune-level rule needs the commune, not the province.
    with pytest.raises(NoCompetenceRule, match="wrong level"):
        resolve_authority("2.000806", unit="92", on=AFTER)
    # A district-level rule with a province before the reform.
    with pytest.raises(NoCompetenceRule, match="wrong level"):
        resolve_authority("2.000806", unit="92", on=BEFORE)


def test_unit_errors() -> None:
    with pytest.raises(UnknownUnit):
        resolve_authority("2.000806", unit="99999", on=AFTER)
    with pytest.raises(UnitNotInForce):
        resolve_authority("2.000806", unit=tu.unit("31135"), on=BEFORE)
    with pytest.raises(UnitNotInForce):
        resolve_authority("2.000806", unit="00001", on=AFTER)


def test_type_errors() -> None:
    with pytest.raises(InputTypeError):
        resolve_authority(2000806, unit=CODE, on=AFTER)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        resolve_authority("2.000806", unit=31135, on=AFTER)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        resolve_authority("2.000806", unit=CODE, on=dt.datetime(2025, 7, 1))  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        resolve_authority("2.000806", unit=CODE, on=AFTER, facts=["x"])  # type: ignore[arg-type]


def test_competence_rules_lookup() -> None:
    assert {r.procedure for r in competence_rules("2.000806")} == {"ho-tich.ket-hon-nuoc-ngoai"}
    with pytest.raises(NoCompetenceRule):
        competence_rules("nope")


def test_authority_kinds() -> None:
    assert K.COMMUNE_PC.collegial
    assert not K.COMMUNE_PC_CHAIR.collegial
    assert K.DISTRICT_PC.level is tu.UnitLevel.DISTRICT
    assert K.PROVINCIAL_DEPARTMENT.name_vi == "Sở"
    centre = Authority(K.COMMUNE_SERVICE_CENTRE, tu.unit("31135"))
    assert centre.name_vi == "Trung tâm Phục vụ hành chính công phường Ninh Kiều"
    assert (
        Authority(K.VERTICAL_AGENCY, tu.unit("31135")).name_vi
        == "Cơ quan ngành dọc phường Ninh Kiều"
    )


def test_enums_carry_vietnamese_and_english_labels() -> None:
    assert K.COMMUNE_PC_CHAIR.name_vi == "Chủ tịch Ủy ban nhân dân cấp xã"
    assert K.COMMUNE_PC_CHAIR.name_en == "Chair of the Commune People's Committee"
    assert K("provincial_department") is K.PROVINCIAL_DEPARTMENT
    assert {k for k in K if k.level is tu.UnitLevel.DISTRICT} == {
        K.DISTRICT_PC,
        K.DISTRICT_PC_CHAIR,
        K.DISTRICT_DIVISION,
    }
    assert K.VERTICAL_AGENCY.level is tu.UnitLevel.COMMUNE
    assert K.LAND_REGISTRATION_OFFICE.level is tu.UnitLevel.PROVINCE
    assert {k for k in K if k.collegial} == {K.PROVINCIAL_PC, K.COMMUNE_PC, K.DISTRICT_PC}
    assert Anchor.LAND_PARCEL.name_vi == "Nơi có đất"
    assert Anchor("any_unit") is Anchor.ANY_UNIT
    assert Confidence("L") is Confidence.LOW
    assert Confidence.LOW.label == "Thấp (low)"
    assert ReceptionMode.PROVINCE_WIDE.name_vi == "Toàn tỉnh"


# --- legal documents: the registry (data/documents.json) -------------------------------------


def _raw(name: str) -> Any:
    return json.loads(
        resources.files("tthc").joinpath(f"data/competence/{name}").read_text("utf-8")
    )


def _citations(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if "doc" in value or "ref" in value:
            yield value
        for item in value.values():
            yield from _citations(item)
    elif isinstance(value, list):
        for item in value:
            yield from _citations(item)


@pytest.mark.parametrize("name", ["rules.json", "reception.json"])
def test_data_files_cite_the_registry_by_id(name: str) -> None:
    raw = _raw(name)
    assert "documents" not in raw  # no local copy of a document
    found = list(_citations(raw))
    assert found
    for citation in found:
        assert "ref" not in citation
        assert set(citation) <= {"doc", "article"}
        document(citation["doc"])  # raises if the id is not registered


def test_citations_are_the_registry_entries() -> None:
    # The registry wins over the old local copies: Luật Hộ tịch 2026 (03/2026/QH16) gains its
    # date of 23/4/2026; NĐ 23/2015/NĐ-CP its date of 16/02/2015 and confidence "official";
    # Luật Hộ tịch 2014 (60/2014/QH13) is "official" (was "press").
    first = resolve_authority("ho-tich.khai-sinh", unit=CODE, on=dt.date(2027, 3, 1))
    assert (
        first.legal_basis.cite()
        == "khoản 1 Điều 8, Luật Hộ tịch 03/2026/QH16 (Quốc hội, 23/04/2026)"
    )
    old = resolve_authority("chung-thuc.giay-to-nuoc-ngoai", unit=CODE, on=BEFORE)
    assert old.legal_basis.cite() == (
        "khoản 1 Điều 5, Nghị định 23/2015/NĐ-CP (Chính phủ, 16/02/2015)"
    )
    assert old.legal_basis.confidence == "official"
    birth = resolve_authority("1.001193", unit=CODE, on=AFTER)
    assert birth.legal_basis.confidence == "official"
    assert birth.legal_basis.title == document("60-2014-qh13").title == "Luật Hộ tịch"
    for rule in competence_rules():
        for ref in (rule.legal_basis, *rule.also):
            registered = [d for d in documents().values() if d.document == ref.document]
            assert len(registered) == 1, ref.document
            assert ref.cite().endswith(registered[0].cite())


@pytest.fixture
def rules_data(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    original = authorities._load_json
    data = copy.deepcopy(original("rules.json"))
    monkeypatch.setattr(
        authorities, "_load_json", lambda name: data if name == "rules.json" else original(name)
    )
    authorities._table.cache_clear()
    yield data
    authorities._table.cache_clear()


def test_a_rule_citing_an_unregistered_document_is_refused(rules_data: dict[str, Any]) -> None:
    rules_data["procedures"][0]["rules"][0]["legal_basis"] = {"doc": "no-such-document"}
    with pytest.raises(DataFileError, match="not in the document registry") as info:
        competence_rules()
    assert info.value.context["doc"] == "no-such-document"
    assert info.value.context["path"] == "rules.json procedures[0].rules[0]"


def test_a_rule_with_an_old_style_reference_is_refused(rules_data: dict[str, Any]) -> None:
    rules_data["procedures"][0]["rules"][0]["legal_basis"] = {"ref": "LHT2014", "article": "1"}
    with pytest.raises(DataFileError, match="registry") as info:
        competence_rules()
    assert info.value.context["path"] == "rules.json procedures[0].rules[0]"
    rules_data["procedures"][0]["rules"][0]["legal_basis"] = {"doc": "60-2014-qh13", "page": "1"}
    with pytest.raises(DataFileError, match="unknown field 'page'"):
        competence_rules()


def test_a_rule_ending_before_it_starts_names_where(rules_data: dict[str, Any]) -> None:
    rules_data["procedures"][0]["rules"][1]["valid_to"] = "2027-01-01"  # starts 2027-03-01
    with pytest.raises(DataFileError, match="before it starts") as info:
        competence_rules()
    assert info.value.context["path"] == "rules.json procedures[0].rules[1]"


# --- reception (NĐ 118/2025 Điều 14 khoản 2) ------------------------------------------------


def test_reception_before_reform_at_competent_authority() -> None:
    res = reception_points("2.000806", province="92", on=BEFORE)
    assert res.mode is ReceptionMode.COMPETENT_AUTHORITY_ONLY
    assert res.points == ()
    assert res.legal_basis.document == "61/2018/NĐ-CP"


def test_reception_from_1_july_2025_depends_on_province_list() -> None:
    res = reception_points("2.000806", province="01", on=AFTER)
    assert res.mode is ReceptionMode.PROVINCE_LIST
    assert res.legal_basis.document == "118/2025/NĐ-CP"
    assert res.legal_basis.article == "Điều 14 khoản 2"


def test_reception_can_tho_qd3203() -> None:
    # Cần Thơ QĐ 3203/QĐ-UBND (22/12/2025): every TTHC of the sở and UBND xã, phường.
    res = reception_points("2.000806", province="92", on=dt.date(2025, 12, 22))
    assert res.mode is ReceptionMode.PROVINCE_WIDE
    assert len(res.points) == 104  # 1 city centre + 103 commune centres
    assert res.points[0].kind is K.PROVINCIAL_SERVICE_CENTRE
    assert res.legal_basis.document == "3203/QĐ-UBND"
    assert "104" in res.explain()
    # The day before: the plan of 01/10/2025 (list not bundled).
    res = reception_points("2.000806", province="92", on=dt.date(2025, 12, 21))
    assert res.mode is ReceptionMode.PROVINCE_LIST
    # Land registration offices are not named in QĐ 3203: falls back to NĐ 118.
    res = reception_points("dat-dai.dang-ky-bien-dong", province="92", on=dt.date(2026, 1, 5))
    assert res.mode is ReceptionMode.PROVINCE_LIST
    assert res.legal_basis.document == "118/2025/NĐ-CP"


def test_reception_with_a_commune_and_nationwide_rule() -> None:
    # NĐ 309/2026 from 05/8/2026 (nationwide list).
    res = reception_points("2.000806", province="31135", on=dt.date(2026, 8, 5))
    assert res.province.code == "92"
    assert res.mode is ReceptionMode.PROVINCE_WIDE  # Cần Thơ's own decision is more specific
    res = reception_points("2.000806", province="01", on=dt.date(2026, 8, 5))
    assert res.legal_basis.document == "309/2026/NĐ-CP"


def test_reception_errors() -> None:
    with pytest.raises(NoCompetenceRule):
        reception_points("9.999999", province="92", on=AFTER)
    with pytest.raises(UnknownUnit):
        reception_points("2.000806", province="99", on=AFTER)


def test_import_does_not_load_data() -> None:
    code = (
        "import tthc.authorities as a, tthc.units as u; "
        "assert a._table.cache_info().currsize == 0; "
        "assert u._new_units.cache_info().currsize == 0; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


@pytest.fixture(autouse=True)
def _rules_read_in_each_test() -> Iterator[None]:
    """Read the bundled rule tables again for each test (mutation testing, issue 17 item 5).

    They are read once per process; mutmut runs each test in a process forked after they were
    read by the code before the mutation, which hid every mutation of the readers.
    """
    authorities._table.cache_clear()
    authorities._reception.cache_clear()
    yield
    authorities._table.cache_clear()
    authorities._reception.cache_clear()


# --- every answer and refusal in full (mutation testing, issue 17 item 5) ----------------------


def test_a_high_tech_park_company_is_explained_in_these_words() -> None:
    """NĐ 168/2025/NĐ-CP Điều 20 khoản 1: inside a high-tech park its management board registers."""
    res = resolve_authority(
        "dkkd.doanh-nghiep", unit=CODE, on=AFTER, facts={"in_high_tech_park": True}
    )
    assert (res.procedure, res.on, res.unit.code) == ("dkkd.doanh-nghiep", AFTER, CODE)
    assert res.explain() == "\n".join(
        [
            "Thủ tục (procedure): Đăng ký doanh nghiệp (thành lập, thay đổi) [dkkd.doanh-nghiep]",
            "Ngày (date): 01/07/2025; đơn vị (unit): Phường Ninh Kiều (31135)",
            "Cơ quan có thẩm quyền (competent authority): Ban Quản lý khu công nghệ cao thành "
            "phố Cần Thơ",
            "Trường hợp (case): in_high_tech_park=True",
            "Căn cứ (legal basis): khoản 1 Điều 20, Nghị định 168/2025/NĐ-CP (Chính phủ)",
            "Hiệu lực (in force): 01/07/2025 – …; căn cứ xác định nơi (anchor): Nơi đặt trụ sở; "
            "tầng quy định (layer): nghị định; độ tin cậy (confidence): Cao",
        ]
    )


def test_a_decision_left_to_the_province_is_explained_in_these_words() -> None:
    """NĐ 49/2026/NĐ-CP Điều 14 (from 31/01/2026): the provincial People's Committee decides."""
    on = dt.date(2026, 3, 1)
    res = resolve_authority("dat-dai.giao-dat-ca-nhan", unit=CODE, on=on)
    assert (res.procedure, res.on, res.unit.code) == ("dat-dai.giao-dat-ca-nhan", on, CODE)
    assert res.rule.id == "dat-dai.giao-dat-ca-nhan/nd49"
    assert res.authority is None
    assert [r.id for r in res.overridden] == ["dat-dai.giao-dat-ca-nhan/nd151"]
    lines = res.explain().split("\n")  # lines 3-4: their English glosses were being reworded
    assert len(lines) == 8
    assert lines[0] == (
        "Thủ tục (procedure): Giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất đối "
        "với cá nhân; giao đất cho cộng đồng dân cư [dat-dai.giao-dat-ca-nhan]"
    )
    assert lines[1] == "Ngày (date): 01/03/2026; đơn vị (unit): Phường Ninh Kiều (31135)"
    assert lines[2].startswith(
        "Thẩm quyền do tỉnh quyết định (left to a provincial decision): Ủy ban nhân dân thành "
        "phố Cần Thơ "
    )
    assert "statutory default" in lines[3]
    assert lines[3].endswith(": Ủy ban nhân dân thành phố Cần Thơ")
    assert lines[4] == "Căn cứ (legal basis): Điều 14, Nghị định 49/2026/NĐ-CP (Chính phủ)"
    assert lines[5] == (
        "Hiệu lực (in force): 31/01/2026 – …; căn cứ xác định nơi (anchor): Nơi có đất; tầng "
        "quy định (layer): văn bản sửa đổi; độ tin cậy (confidence): Thấp"
    )
    assert lines[6] == (
        "  overrides dat-dai.giao-dat-ca-nhan/nd151 (khoản 1, 4 Điều 5, Nghị định "
        "151/2025/NĐ-CP (Chính phủ))"
    )
    assert lines[7] == (
        "Ghi chú (note): UBND cấp tỉnh quyết định và có thể phân cấp, ủy quyền; xem quyết định "
        "của tỉnh."
    )


def test_a_missing_case_fact_is_refused_in_these_words() -> None:
    with pytest.raises(NoCompetenceRule) as caught:
        resolve_authority("dkkd.doanh-nghiep", unit=CODE, on=AFTER)
    err = caught.value
    assert err.message == (
        "Thiếu tình tiết (a case fact is missing): dkkd.doanh-nghiep depends on "
        "in_high_tech_park (False | True)"
    )
    assert err.hint == "pass facts={'in_high_tech_park': ...}"
    assert err.context == {
        "procedure": "dkkd.doanh-nghiep",
        "missing_facts": ("in_high_tech_park",),
    }


def test_a_date_that_is_not_a_date_is_refused_naming_the_argument() -> None:
    for call in (
        lambda: resolve_authority("dkkd.doanh-nghiep", unit=CODE, on="1/7/2025"),  # type: ignore[arg-type]
        lambda: reception_points("dkkd.doanh-nghiep", province="92", on="1/7/2025"),  # type: ignore[arg-type]
    ):
        with pytest.raises(InputTypeError) as caught:
            call()
        assert caught.value.message == "Ngày (date): on must be a datetime.date, got str"
        assert caught.value.context == {"argument": "on", "got": "str"}


def test_reception_in_can_tho_follows_the_provincial_list() -> None:
    """NĐ 118/2025/NĐ-CP Điều 14 khoản 2: reception anywhere in the province, by the list."""
    res = reception_points("dkkd.doanh-nghiep", province="92", on=AFTER)
    assert (res.procedure, res.on, res.province.code) == ("dkkd.doanh-nghiep", AFTER, "92")
    assert res.rule_id == "nd118-d14k2"
    assert res.note.startswith("Trung tâm Phục vụ hành chính công cấp tỉnh và cấp xã tiếp nhận")
    assert res.legal_basis.document == "118/2025/NĐ-CP"
    assert res.also
    lines = res.explain().split("\n")
    assert lines[0].startswith("Tiếp nhận hồ sơ (reception) ")
    assert "dkkd.doanh-nghiep" in lines[0]
    assert "Thành phố Cần Thơ (92)" in lines[0]
    assert "01/07/2025" in lines[0]
    assert lines[1] == (
        "Căn cứ (legal basis): khoản 2 Điều 14, Nghị định 118/2025/NĐ-CP (Chính phủ, 09/06/2025)"
    )
    assert lines[-1].startswith("Ghi chú (note): Trung tâm Phục vụ hành chính công")
    assert len(lines) == 4


def test_an_unknown_procedure_has_no_reception_rule() -> None:
    with pytest.raises(NoCompetenceRule) as caught:
        reception_points("nope", province="92", on=AFTER)
    assert caught.value.context == {"procedure": "nope"}


@pytest.mark.parametrize(
    ("call", "message", "context"),
    [
        (
            lambda: resolve_authority(5, unit=CODE, on=AFTER),
            "Mã thủ tục (procedure code) must be a string, got int",
            {"argument": "procedure_code", "got": "int"},
        ),
        (
            lambda: resolve_authority("dkkd.doanh-nghiep", unit=CODE, on=AFTER, facts=[1]),
            "Tình tiết (facts) must be a mapping, got list",
            {"argument": "facts", "got": "list"},
        ),
        (
            lambda: resolve_authority("dkkd.doanh-nghiep", unit=5, on=AFTER),
            "Đơn vị hành chính (unit) must be a code or an AdministrativeUnit, got int",
            {"argument": "unit", "got": "int"},
        ),
    ],
)
def test_arguments_of_the_wrong_type_are_refused_in_these_words(
    call: Any, message: str, context: dict[str, str]
) -> None:
    with pytest.raises(InputTypeError) as caught:
        call()
    assert (caught.value.message, caught.value.context) == (message, context)


def test_refusals_of_resolve_authority_in_these_words() -> None:
    with pytest.raises(NoCompetenceRule) as caught:
        resolve_authority("nope", unit=CODE, on=AFTER)
    assert caught.value.message == (
        "Không có quy tắc thẩm quyền (no competence rule) for procedure 'nope'"
    )
    assert caught.value.hint == (
        "tthc.authorities.procedure_keys() lists the covered procedures; tthc will not guess "
        "the authority of others"
    )
    with pytest.raises(NoCompetenceRule) as caught:
        resolve_authority(
            "dkkd.doanh-nghiep", unit=CODE, on=AFTER, facts={"in_high_tech_park": "maybe"}
        )
    assert caught.value.message == (
        "Không có quy tắc thẩm quyền (no competence rule) for dkkd.doanh-nghiep with facts "
        "{'in_high_tech_park': 'maybe'}"
    )
    assert caught.value.hint == (
        "check the values of the facts: in_high_tech_park=False; in_high_tech_park=True"
    )
    assert caught.value.context == {"procedure": "dkkd.doanh-nghiep"}
    # NĐ 120/2025/NĐ-CP Điều 4: the commune, not the province, registers this marriage
    with pytest.raises(NoCompetenceRule) as caught:
        resolve_authority("ho-tich.ket-hon-nuoc-ngoai", unit="92", on=AFTER)
    assert caught.value.message == (
        "Cấp đơn vị không phù hợp (unit of the wrong level): rule "
        "ho-tich.ket-hon-nuoc-ngoai/nd120 names Ủy ban nhân dân cấp xã, but Thành phố Cần Thơ "
        "(92) is a province"
    )
    assert caught.value.hint == "pass the commune of the residence"
    assert caught.value.context == {"procedure": "ho-tich.ket-hon-nuoc-ngoai", "unit": "92"}


@pytest.mark.parametrize(
    ("unit", "body"),
    [
        ("31135", "Phòng Kinh tế, Hạ tầng và Đô thị"),  # a ward (phường)
        ("31231", "Phòng Kinh tế"),  # a commune (xã): Xã Thạnh An
        ("31078", "Phòng Kinh tế, Hạ tầng và Đô thị"),  # Đặc khu Phú Quốc, named by its code
    ],
)
def test_the_registering_office_of_a_household_business_depends_on_the_unit(
    unit: str, body: str
) -> None:
    """NĐ 168/2025/NĐ-CP: the commune's economic office registers household businesses."""
    res = resolve_authority("dkkd.ho-kinh-doanh", unit=unit, on=AFTER)
    assert res.authority is not None
    assert (res.authority.kind, res.authority.unit.code, res.authority.body) == (
        K.COMMUNE_DIVISION,
        unit,
        body,
    )


def test_from_2026_every_service_centre_of_can_tho_receives() -> None:
    """QĐ 3203/QĐ-UBND of Cần Thơ (from 1/1/2026): the provincial centre and every commune one."""
    on = dt.date(2026, 3, 1)
    res = reception_points("dkkd.doanh-nghiep", province="92", on=on)
    assert (res.procedure, res.on, res.province.code) == ("dkkd.doanh-nghiep", on, "92")
    assert res.rule_id == "can-tho-qd3203"
    communes = tu.communes("92", on=on)
    assert [(p.kind, p.unit) for p in res.points] == [
        (K.PROVINCIAL_SERVICE_CENTRE, tu.unit("92", on=on)),
        *((K.COMMUNE_SERVICE_CENTRE, commune) for commune in communes),
    ]


@pytest.mark.parametrize(
    ("key", "unit", "on", "line"),
    [
        # the national catalogue's own entry (QĐ 163/QĐ-BTP), no rule of tthc's table
        (
            "1.000419",
            CODE,
            dt.date(2026, 3, 1),
            "Hiệu lực (in force): 01/07/2025 – …; căn cứ xác định nơi (anchor): Không xác định; "
            "tầng quy định (layer): danh mục công bố; độ tin cậy (confidence): Trung bình",
        ),
        # Luật Hộ tịch 2014 Điều 37, before the reform
        (
            "ho-tich.ket-hon-nuoc-ngoai",
            CODE,
            BEFORE,
            "Hiệu lực (in force): … – 30/06/2025; căn cứ xác định nơi (anchor): Nơi cư trú; "
            "tầng quy định (layer): luật; độ tin cậy (confidence): Cao",
        ),
        # Thanh Hóa's own decision on karaoke licences (province 38)
        (
            "van-hoa.karaoke",
            "14758",
            dt.date(2026, 3, 1),
            "Hiệu lực (in force): 22/08/2025 – …; căn cứ xác định nơi (anchor): Nơi đặt trụ sở; "
            "tầng quy định (layer): quyết định tỉnh; độ tin cậy (confidence): Thấp",
        ),
    ],
)
def test_each_layer_of_rules_is_named_in_the_explanation(
    key: str, unit: str, on: dt.date, line: str
) -> None:
    lines = resolve_authority(key, unit=unit, on=on).explain().split("\n")
    assert line in lines
    if key == "van-hoa.karaoke":
        assert "Áp dụng tại tỉnh (province overlay): 38" in lines


def test_a_catalogue_entry_without_a_published_authority_is_returned_as_published() -> None:
    """1.004859 (QĐ 163/QĐ-BTP): the national portal names no authority; tthc does not guess."""
    on = dt.date(2026, 3, 1)
    res = resolve_authority("1.004859", unit=CODE, on=on)
    assert (res.procedure, res.on, res.unit.code, res.authority) == ("1.004859", on, CODE, None)
    assert res.rule.authority_kind is K.AS_PUBLISHED
    assert res.overridden == ()
    lines = res.explain().split("\n")
    assert lines[2] == (
        "Cơ quan có thẩm quyền theo công bố (as published, not mapped): không công bố (none "
        "published)"
    )
    assert len(lines) == 7
