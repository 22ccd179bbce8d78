"""tthc.authorities on edited copies of its data files, and its answers compared in full.

Each test edits a copy of ``competence/rules.json`` or ``competence/reception.json`` the way a
data maintainer could (two facts in a case variant, an overlay for a second province, a
reception rule ending earlier) and checks the whole answer or refusal: message, hint, context.
They pin the paths that the bundled data does not reach (issue 17, item 5: mutation testing).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

import attrs
import pytest

from tthc import authorities
from tthc import units as tu
from tthc.authorities import (
    Authority,
    AuthorityKind,
    ReceptionMode,
    competence_rules,
    data_version,
    reception_points,
    resolve_authority,
)
from tthc.errors import DataFileError, NoCompetenceRule, UnitNotInForce

K = AuthorityKind
BEFORE = dt.date(2025, 6, 30)
AFTER = dt.date(2025, 7, 1)
CODE = "31135"  # Phường Tân An (quận Ninh Kiều, 916) until 30/6/2025; Phường Ninh Kiều after


@attrs.frozen
class _Files:
    rules: dict[str, Any]
    reception: dict[str, Any]

    @staticmethod
    def reread() -> None:
        """Forget the tables read so far: the next call reads the edited files."""
        authorities._table.cache_clear()
        authorities._reception.cache_clear()

    def procedure(self, key: str) -> dict[str, Any]:
        found: dict[str, Any] = next(p for p in self.rules["procedures"] if p["key"] == key)
        return found

    def reception_rule(self, rule_id: str) -> dict[str, Any]:
        found: dict[str, Any] = next(r for r in self.reception["rules"] if r["id"] == rule_id)
        return found


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Files]:
    """Edited copies of both data files, read afresh by the code under test."""
    original = authorities._load_json
    edited = _Files(
        rules=copy.deepcopy(original("rules.json")),
        reception=copy.deepcopy(original("reception.json")),
    )
    by_name = {"rules.json": edited.rules, "reception.json": edited.reception}
    monkeypatch.setattr(authorities, "_load_json", lambda name: by_name[name])
    authorities._table.cache_clear()
    authorities._reception.cache_clear()
    yield edited
    authorities._table.cache_clear()
    authorities._reception.cache_clear()


@pytest.fixture(autouse=True)
def _tables_read_in_each_test() -> Iterator[None]:
    authorities._table.cache_clear()
    authorities._reception.cache_clear()
    yield
    authorities._table.cache_clear()
    authorities._reception.cache_clear()


_UNREGISTERED = "add it to tthc/data/documents.json, or cite one of its ids"
_FIELDS = "a citation of the registry has: article, confidence, doc, title, url"


def _raw(name: str) -> Any:
    return json.loads(
        resources.files("tthc").joinpath(f"data/competence/{name}").read_text("utf-8")
    )


# --- the bundled table, field by field -------------------------------------------------------


def test_data_version_is_the_one_of_the_rules_file() -> None:
    assert data_version() == str(_raw("rules.json")["data_version"])


def test_a_rule_without_body_or_note_has_empty_texts() -> None:
    """Luật Hộ tịch 60/2014/QH13 Điều 37 khoản 1: the row states neither a body nor a note."""
    rule = competence_rules("2.000806")[0]
    assert (rule.id, rule.procedure, rule.procedure_codes, rule.field) == (
        "ho-tich.ket-hon-nuoc-ngoai/lht2014",
        "ho-tich.ket-hon-nuoc-ngoai",
        ("2.000806",),
        "Hộ tịch",
    )
    assert (rule.body, rule.note, rule.left_to_province) == ("", "", False)
    assert (rule.body_by_kind, rule.body_by_unit, rule.variant) == ((), (), ())
    # the household business rows carry several codes (NĐ 168/2025/NĐ-CP Điều 20 khoản 2)
    assert competence_rules("2.000720")[0].procedure_codes == ("1.001570", "2.000720")


def test_a_district_division_is_named_by_its_body() -> None:
    """NĐ 23/2015/NĐ-CP Điều 5 khoản 1: Phòng Tư pháp of quận Ninh Kiều, reached two ways."""
    district = tu.legacy_unit("916")
    expected = Authority(K.DISTRICT_DIVISION, district, "Phòng Tư pháp")
    for place in (CODE, "916"):
        res = resolve_authority("chung-thuc.giay-to-nuoc-ngoai", unit=place, on=BEFORE)
        assert res.authority == expected
        assert res.authority.name_vi == "Phòng Tư pháp quận Ninh Kiều"


def test_a_land_rule_at_the_wrong_level_names_the_land_parcel() -> None:
    """NĐ 151/2025/NĐ-CP Điều 5: the commune of the land parcel, not the province."""
    with pytest.raises(NoCompetenceRule) as caught:
        resolve_authority("1.013978", unit="92", on=AFTER)
    assert caught.value.hint == "pass the commune of the land parcel"


def test_a_province_that_ended_with_the_reform_still_answers_for_its_last_day() -> None:
    """Tỉnh Sóc Trăng (94) until 30/6/2025 (Nghị quyết 202/2025/QH15): filing at the authority."""
    res = reception_points("2.000806", province="94", on=BEFORE)
    assert res.province == tu.legacy_unit("94")
    assert (res.mode, res.rule_id, res.points) == (
        ReceptionMode.COMPETENT_AUTHORITY_ONLY,
        "nd61-mot-cua",
        (),
    )
    with pytest.raises(UnitNotInForce):
        reception_points("2.000806", province="94", on=AFTER)


def test_a_left_to_province_answer_built_without_its_decider_says_so() -> None:
    """NĐ 145/2025/NĐ-CP Điều 6: a result rebuilt by a caller without ``decided_by``."""
    res = resolve_authority(
        "quy-hoach.phe-duyet", unit=CODE, on=AFTER, facts={"plan_scope": "multi_commune"}
    )
    assert res.explain().split("\n")[2] == (
        "Thẩm quyền do tỉnh quyết định (left to a provincial decision): Ủy ban nhân dân thành "
        "phố Cần Thơ quyết định (decides); tthc không tự định tuyến (does not route)"
    )
    bare = attrs.evolve(res, decided_by=None, default_authority=None)
    assert bare.explain().split("\n")[2] == (
        "Thẩm quyền do tỉnh quyết định (left to a provincial decision): ? quyết định (decides); "
        "tthc không tự định tuyến (does not route)"
    )
    assert bare.name_vi == "Do Ủy ban nhân dân cấp tỉnh quyết định"


# --- rules.json edited -------------------------------------------------------------------------


def test_a_variant_of_two_facts_is_asked_and_explained_fact_by_fact(files: _Files) -> None:
    areas = ("rural", "rural", "urban")
    for rule, area in zip(files.procedure("quy-hoach.phe-duyet")["rules"], areas, strict=True):
        rule["variant"]["area"] = area
    with pytest.raises(NoCompetenceRule) as caught:
        resolve_authority("quy-hoach.phe-duyet", unit=CODE, on=AFTER)
    assert caught.value.message == (
        "Thiếu tình tiết (a case fact is missing): quy-hoach.phe-duyet depends on area (rural | "
        "urban), plan_scope (commune_general_plan | multi_commune | single_commune)"
    )
    assert caught.value.hint == "pass facts={'area': ..., 'plan_scope': ...}"
    facts = {"area": "urban", "plan_scope": "single_commune"}
    with pytest.raises(NoCompetenceRule) as caught:
        resolve_authority("quy-hoach.phe-duyet", unit=CODE, on=AFTER, facts=facts)
    assert caught.value.hint == (
        "check the values of the facts: area='rural', plan_scope='single_commune'; "
        "area='rural', plan_scope='multi_commune'; area='urban', "
        "plan_scope='commune_general_plan'"
    )
    facts = {"area": "rural", "plan_scope": "single_commune"}
    res = resolve_authority("quy-hoach.phe-duyet", unit=CODE, on=AFTER, facts=facts)
    assert "Trường hợp (case): area=rural, plan_scope=single_commune" in res.explain().split("\n")


def test_an_overlay_for_two_provinces_lists_both(files: _Files) -> None:
    files.procedure("van-hoa.karaoke")["rules"][-1]["provinces"] = ["92", "38"]
    res = resolve_authority("van-hoa.karaoke", unit=CODE, on=dt.date(2026, 3, 1))
    assert res.rule.id == "van-hoa.karaoke/thanh-hoa"
    assert "Áp dụng tại tỉnh (province overlay): 38, 92" in res.explain().split("\n")


def test_two_rules_of_one_layer_in_force_together_are_refused(files: _Files) -> None:
    rules = files.procedure("ho-tich.khai-sinh")["rules"]
    rules.append({**rules[0], "id": "ho-tich.khai-sinh/copy"})
    with pytest.raises(NoCompetenceRule) as caught:
        resolve_authority("1.001193", unit=CODE, on=AFTER)
    assert caught.value.message == (
        "Quy tắc chồng chéo (overlapping rules) for 1.001193: ho-tich.khai-sinh/lht2014, "
        "ho-tich.khai-sinh/copy"
    )
    assert caught.value.hint == (
        "the competence data give two rules of one layer in force together: keep their "
        "validity periods apart in data/competence/rules.json"
    )
    assert caught.value.context == {"procedure": "1.001193"}


def test_a_body_chosen_by_the_kind_of_unit_at_each_level(files: _Files) -> None:
    """The body is chosen for the unit the authority belongs to: the district, the province."""
    by_kind = {"quận": "Phòng Tư pháp quận", "phường": "Phòng Tư pháp phường"}
    files.procedure("chung-thuc.giay-to-nuoc-ngoai")["rules"][0]["body_by_kind"] = by_kind
    for place in (CODE, "916"):
        res = resolve_authority("chung-thuc.giay-to-nuoc-ngoai", unit=place, on=BEFORE)
        assert res.authority is not None
        assert res.authority.body == "Phòng Tư pháp quận"
    city = {"thành phố trực thuộc trung ương": "Sở Nội vụ thành phố"}
    files.procedure("lao-dong.noi-quy-lao-dong")["rules"][1]["body_by_kind"] = city
    files.reread()
    res = resolve_authority("lao-dong.noi-quy-lao-dong", unit="92", on=AFTER)
    assert res.authority == Authority(K.PROVINCIAL_DEPARTMENT, tu.unit("92"), "Sở Nội vụ thành phố")
    # asked for a ward of the city: the body is still the province's (a ward's kind is not
    # the kind of the unit the department belongs to)
    res = resolve_authority("lao-dong.noi-quy-lao-dong", unit=CODE, on=AFTER)
    assert res.authority == Authority(K.PROVINCIAL_DEPARTMENT, tu.unit("92"), "Sở Nội vụ thành phố")


def test_bad_references_and_rows_are_refused_in_these_words(files: _Files) -> None:
    rule = files.procedure("ho-tich.khai-sinh")["rules"][0]
    where = "rules.json procedures[0].rules[0]"
    for field in ("also", "legal_basis"):
        kept = copy.deepcopy(rule.get(field))
        rule[field] = {"doc": "60-2014-qh13", "page": "1"}
        if field == "also":
            rule[field] = [rule[field]]
        with pytest.raises(DataFileError) as caught:
            competence_rules()
        assert caught.value.message == (
            f"Căn cứ pháp lý (legal reference): unknown field 'page' at {where}"
        )
        assert caught.value.hint == _FIELDS
        assert caught.value.context == {"field": "page", "path": where}
        rule[field] = kept
    del rule["also"]
    files.rules["procedures"][1]["rules"][0]["authority"] = "DISTRICT_PC_CHAIR_2019"
    with pytest.raises(DataFileError) as caught:
        competence_rules()
    where = "rules.json procedures[1].rules[0]"
    assert caught.value.message == (
        f"Tệp dữ liệu (data file) rules.json: bad rule at {where}: KeyError('DISTRICT_PC_CHAIR_2019')"
    )
    assert caught.value.context == {"path": where}


def test_an_overlay_outside_the_provincial_list_sends_reception_back_to_the_decree(
    files: _Files,
) -> None:
    """QĐ 3203/QĐ-UBND of Cần Thơ names the sở and the communes, not the city's own committee."""
    on = dt.date(2026, 3, 1)
    assert reception_points("lao-dong.noi-quy-lao-dong", province="92", on=on).rule_id == (
        "can-tho-qd3203"
    )
    nd129 = files.procedure("lao-dong.noi-quy-lao-dong")["rules"][1]
    overlay = {**nd129, "id": "lao-dong.noi-quy-lao-dong/can-tho", "authority": "PROVINCIAL_PC"}
    overlay.update(layer="province", provinces=["92"], valid_from="2026-01-01")
    files.procedure("lao-dong.noi-quy-lao-dong")["rules"].append(overlay)
    files.reread()
    res = reception_points("lao-dong.noi-quy-lao-dong", province="92", on=on)
    assert (res.rule_id, res.mode) == ("nd118-d14k2", ReceptionMode.PROVINCE_LIST)


# --- reception.json edited ---------------------------------------------------------------------


def test_a_list_of_kinds_equal_to_the_procedures_covers_it(files: _Files) -> None:
    files.reception_rule("can-tho-qd3203")["kinds"] = ["COMMUNE_PC"]
    res = reception_points("2.000806", province="92", on=dt.date(2026, 3, 1))
    assert (res.rule_id, res.mode) == ("can-tho-qd3203", ReceptionMode.PROVINCE_WIDE)


def test_a_province_wide_rule_lists_the_communes_of_that_day(files: _Files) -> None:
    files.reception_rule("can-tho-qd3203")["valid_from"] = "2025-06-01"
    res = reception_points("lao-dong.noi-quy-lao-dong", province="92", on=BEFORE)
    assert res.rule_id == "can-tho-qd3203"
    city = tu.legacy_unit("92")
    assert [(p.kind, p.unit) for p in res.points] == [
        (K.PROVINCIAL_SERVICE_CENTRE, city),
        *((K.COMMUNE_SERVICE_CENTRE, c) for c in tu.communes(city, on=BEFORE)),
    ]
    assert len(res.points) == 1 + 80  # the 80 communes of Cần Thơ on 30/6/2025


def test_a_date_without_a_reception_rule_is_refused_in_these_words(files: _Files) -> None:
    files.reception["rules"] = [r for r in files.reception["rules"] if r["id"] != "nd61-mot-cua"]
    with pytest.raises(NoCompetenceRule) as caught:
        reception_points("2.000806", province="92", on=BEFORE)
    assert caught.value.message == (
        "Không có quy tắc tiếp nhận (no reception rule) for 2.000806 on 30/06/2025"
    )
    assert caught.value.hint == (
        "the bundled reception rules cover every date: check the edited "
        "data/competence/reception.json"
    )
    assert caught.value.context == {"procedure": "2.000806"}


def test_a_reception_rule_without_a_note_has_an_empty_one(files: _Files) -> None:
    del files.reception_rule("nd118-d14k2")["note"]
    res = reception_points("2.000806", province="01", on=AFTER)
    assert (res.rule_id, res.note) == ("nd118-d14k2", "")
    assert not res.explain().split("\n")[-1].startswith("Ghi chú")


@pytest.mark.parametrize(
    ("field", "value", "message", "hint"),
    [
        (
            "mode",
            "anywhere",
            "Tệp dữ liệu (data file) reception.json: bad rule at reception.json rules[1]: "
            "ValueError(\"'anywhere' is not a valid ReceptionMode\")",
            None,
        ),
        (
            "valid_to",
            "2025-01-01",
            "Thời hạn hiệu lực (validity period) ends 2025-01-01 before it starts 2025-07-01",
            None,
        ),
        (
            "legal_basis",
            {"doc": "no-such-document"},
            "Văn bản (legal document) 'no-such-document' is not in the document registry",
            _UNREGISTERED,
        ),
        (
            "valid_from",
            "1/7/2025",
            "Tệp dữ liệu (data file): bad date '1/7/2025' at reception.json rules[1]",
            None,
        ),
        (
            "legal_basis",
            {"ref": "NĐ 118/2025"},
            "Tệp dữ liệu (data file): a legal reference must cite a document of the registry "
            '({"doc": id, "article": ...}) at reception.json rules[1]',
            None,
        ),
        (
            "legal_basis",
            {"doc": "118-2025-nd-cp", "page": "1"},
            "Căn cứ pháp lý (legal reference): unknown field 'page' at reception.json rules[1]",
            _FIELDS,
        ),
        (
            "also",
            [{"doc": "118-2025-nd-cp", "page": "1"}],
            "Căn cứ pháp lý (legal reference): unknown field 'page' at reception.json rules[1]",
            _FIELDS,
        ),
        (
            "also",
            [{"doc": "no-such-document"}],
            "Văn bản (legal document) 'no-such-document' is not in the document registry",
            _UNREGISTERED,
        ),
    ],
)
def test_a_bad_reception_rule_is_refused_naming_where(
    files: _Files, field: str, value: object, message: str, hint: str | None
) -> None:
    files.reception_rule("nd118-d14k2")[field] = value
    with pytest.raises(DataFileError) as caught:
        reception_points("2.000806", province="01", on=AFTER)
    assert (caught.value.message, caught.value.hint) == (message, hint)
    assert caught.value.context["path"] == "reception.json rules[1]"
