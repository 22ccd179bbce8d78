"""The catalogue layer of the competence table (issue 16, item 5).

For a procedure of the national portal snapshot (10/6/2026) with no researched rule, the answer
comes from the record: its published competent authority (co_quan_co_tham_quyen) mapped onto a
kind only when the text is one of the exact texts of ``data/competence/catalogue.json``, else
returned as published; the legal basis is the record's announcing decision.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tthc.authorities import (
    AuthorityKind,
    Confidence,
    RuleLayer,
    competence_rules,
    resolve_authority,
)
from tthc.errors import NoCompetenceRule, TthcError
from tthc.procedures._competence import catalogue_rules, map_published
from tthc.procedures._national import national_data

ON = dt.date(2026, 3, 1)
NINH_KIEU = "31135"  # phường Ninh Kiều, Cần Thơ


def test_mapped_published_authority() -> None:
    # 1.010038 Tách hộ (Bộ Công an, QĐ 9354/QĐ-BCA-C06): "Công an cấp Xã".
    res = resolve_authority("1.010038", unit=NINH_KIEU, on=ON)
    assert res.authority is not None
    assert res.authority.name_vi == "Công an phường Ninh Kiều"
    assert res.authority.kind is AuthorityKind.VERTICAL_AGENCY
    assert res.rule.layer is RuleLayer.CATALOGUE
    assert res.rule.confidence is Confidence.MEDIUM
    assert res.legal_basis.document == "9354/QĐ-BCA-C06"
    assert res.legal_basis.issuer == "Bộ Công an"
    assert not res.as_published
    assert "tầng quy định (layer): danh mục công bố" in res.explain()


def test_unmapped_text_is_returned_as_published() -> None:
    code = next(c for c, e in national_data().entries.items() if e.authority == "Công an tỉnh")
    res = resolve_authority(code, unit=NINH_KIEU, on=ON)
    assert res.as_published
    assert res.authority is None
    assert not res.left_to_province
    assert res.rule.body == "Công an tỉnh"
    assert res.rule.authority_kind is AuthorityKind.AS_PUBLISHED
    assert res.rule.confidence is Confidence.LOW
    assert "as published, not mapped): Công an tỉnh" in res.explain()


def test_mapping_is_by_exact_text_only() -> None:
    assert map_published("Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.") == (
        AuthorityKind.COMMUNE_PC,
        "",
    )
    assert map_published("Chủ tịch UBND cấp xã") == (AuthorityKind.COMMUNE_PC_CHAIR, "")
    assert map_published("Sở Xây dựng") == (AuthorityKind.PROVINCIAL_DEPARTMENT, "Sở Xây dựng")
    for text in ("Công an tỉnh", "UBND cấp huyện", "Sở Xây dựng, Khu Quản lý đường bộ", ""):
        assert map_published(text) is None


def test_researched_rules_win() -> None:
    # 1.001193 has researched rules (Luật Hộ tịch 2014 Art. 13.1): no catalogue rule is used.
    res = resolve_authority("1.001193", unit=NINH_KIEU, on=ON)
    assert res.rule.layer is not RuleLayer.CATALOGUE
    assert res.authority is not None
    assert res.authority.name_vi == "Ủy ban nhân dân phường Ninh Kiều"
    assert all(r.layer is not RuleLayer.CATALOGUE for r in competence_rules("1.001193"))
    assert catalogue_rules("1.001193")  # it exists, and loses
    assert catalogue_rules("9.999999") == ()
    with pytest.raises(NoCompetenceRule):
        resolve_authority("9.999999", unit=NINH_KIEU, on=ON)


def test_catalogue_rules_start_with_the_two_level_government() -> None:
    (rule,) = catalogue_rules("1.010038")
    assert rule.validity.start == dt.date(2025, 7, 1)
    with pytest.raises(NoCompetenceRule, match="no competence rule"):
        resolve_authority("1.010038", unit=NINH_KIEU, on=dt.date(2025, 6, 30))


def test_commune_level_procedures_are_answered_none_by_guess() -> None:
    # Done when: >= 95 % of the commune-level procedures get an authority, "left to the
    # province" or "as published" for phường Ninh Kiều on 1/3/2026.
    codes = [c for c, e in national_data().entries.items() if "Cấp xã" in e.levels]
    assert len(codes) == 588
    answered = 0
    for code in codes:
        try:
            res = resolve_authority(code, unit=NINH_KIEU, on=ON)
        except TthcError:
            continue
        answered += 1
        if res.rule.layer is RuleLayer.CATALOGUE and res.authority is not None:
            assert map_published(res.rule.note.split("cơ quan có thẩm quyền ")[1].split(";")[0])
    assert answered / len(codes) >= 0.95
