"""tthc.procedures: the bundled catalogue and user catalogue files.

Records: national TTHC portal (Cổng Dịch vụ công quốc gia), crawled 2026-06-10
(reference/procedures_sample.json); e.g. 1.001193 "Thủ tục đăng ký khai sinh", field Hộ tịch.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from tthc.authorities import AuthorityKind, competence_rules, procedure_keys
from tthc.errors import CatalogError, InputTypeError, UnknownProcedure
from tthc.legal import LegalRef, document
from tthc.procedures import MAX_CATALOG_BYTES, Catalog, Procedure, ProcessingRule, load_catalog


def test_bundled_catalogue_loads() -> None:
    cat = load_catalog()
    assert len(cat) >= 30 + 30
    assert cat.data_version
    assert load_catalog() is cat  # cached
    for proc in cat:
        assert proc.code.strip()
        assert proc.name_vi.strip()
    assert "Hộ tịch" in cat.fields()
    assert "catalogue" not in repr(cat)


def test_every_competence_procedure_is_in_the_catalogue() -> None:
    cat = load_catalog()
    for key in procedure_keys():
        codes = competence_rules(key)[0].procedure_codes or (key,)
        for code in codes:
            assert code in cat
            assert cat[code].competence_key == key


def test_birth_registration_record() -> None:
    proc = load_catalog().get("1.001193")
    assert proc.name_vi == "Thủ tục đăng ký khai sinh"
    assert proc.field == "Hộ tịch"
    assert proc.level == "Cấp xã"
    assert proc.authority_kind is AuthorityKind.COMMUNE_PC
    assert proc.as_of == dt.date(2026, 6, 10)
    assert proc.is_national_code
    assert proc.competence_key == "ho-tich.khai-sinh"
    assert "120/2025/NĐ-CP" in [ref.document for ref in proc.legal_basis]
    assert {ref.kind for ref in proc.legal_basis if ref.document == "120/2025/NĐ-CP"} == {
        "Nghị định"
    }
    channels = [r.channel for r in proc.processing_rules]
    # The record also carries the prose of the procedure description (case "mô tả").
    assert channels == ["Trực tuyến", "Dịch vụ bưu chính", "Trực tiếp", None]
    assert proc.processing_rules[-1].case == "mô tả"


def test_legal_basis_uses_the_document_registry() -> None:
    # A document of data/documents.json is cited with the registry's entry (issuer, date,
    # title, confidence); others keep the kind read from their number.
    basis = {ref.document: ref for ref in load_catalog().get("1.001193").legal_basis}
    assert basis["60/2014/QH13"] == document("60-2014-qh13")
    assert basis["60/2014/QH13"].cite() == "Luật Hộ tịch 60/2014/QH13 (Quốc hội, 20/11/2014)"
    assert basis["120/2025/NĐ-CP"] == document("120-2025-nd-cp")
    assert basis["123/2015/NĐ-CP"] == LegalRef(document="123/2015/NĐ-CP", kind="Nghị định")
    karaoke = load_catalog().get("van-hoa.karaoke").legal_basis
    assert document("thanh-hoa-uy-quyen-karaoke") in karaoke


def test_parsed_processing_time_and_refused_text() -> None:
    cat = load_catalog()
    # 1.000419: "5 Ngày làm việc" (portal) reads as 5 working days.
    (rule,) = cat.get("1.000419").processing_rules
    assert rule.text == "5 Ngày làm việc"
    assert rule.parsed
    assert rule.parse_error is None
    # 1.001193: the portal's bare "1" has no unit: refused, text kept, loading goes on.
    rule = cat.get("1.001193").processing_rules[0]
    assert rule.text == "1"
    assert not rule.parsed
    assert rule.parse_error_reason == "missing_unit"
    assert rule.parse_error
    assert cat.get("1.001193").rules_for("truc tiep")[0].channel == "Trực tiếp"


def test_prose_rule_is_kept() -> None:
    # 2.000884 carries the prose "ngay trong ngày ..." besides its channels.
    rules = load_catalog().get("2.000884").processing_rules
    assert rules[-1].case == "mô tả"
    assert rules[-1].channel is None


def test_competence_only_record() -> None:
    proc = load_catalog().get("van-hoa.le-hoi")
    assert not proc.is_national_code
    assert proc.processing_rules == ()
    assert "137/2025/NĐ-CP" in [r.document for r in proc.legal_basis]


def test_search_and_field() -> None:
    cat = load_catalog()
    assert "1.001193" in [p.code for p in cat.search("khai sinh")]
    # Issue 16: with the national snapshot, "kết hôn" finds the domestic marriage first (the
    # name is the phrase itself), then the longer names; 2.000806 is still found.
    found = [p.code for p in cat.search("DANG KY KET HON")]
    assert found[0] == "1.000894"  # Thủ tục đăng ký kết hôn
    assert "2.000806" in found
    assert cat.search("   ") == ()
    assert {p.code for p in cat.by_field("ho tich")} >= {"1.001193", "2.000806"}
    assert cat.by_field("không có") == ()


def test_unknown_procedure_hints() -> None:
    cat = load_catalog()
    with pytest.raises(UnknownProcedure) as err:
        cat.get("1.00119")
    assert err.value.code == "procedure.unknown"
    assert "1.001193" in (err.value.hint or "")
    with pytest.raises(UnknownProcedure) as err:
        cat["khai sinh"]
    assert "a name matched" in (err.value.hint or "")
    with pytest.raises(UnknownProcedure, match=r"9\.999"):
        cat.get("9.999")
    with pytest.raises(InputTypeError):
        cat.get(1001193)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        cat.search(5)  # type: ignore[arg-type]
    assert 1001193 not in cat


def test_catalog_constructor_checks() -> None:
    p = Procedure(code="1.000001", name_vi="A")
    with pytest.raises(CatalogError, match="twice"):
        Catalog([p, p])
    with pytest.raises(InputTypeError):
        Catalog(["x"])  # type: ignore[list-item]
    assert list(Catalog([p])) == [p]
    assert ProcessingRule(channel=None, text="x").parsed is False


# --- user catalogue files ---------------------------------------------------------------------


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


GOOD = {
    "code": "1.000001",
    "name": "Thủ tục thử",
    "field": "Thử",
    "level": ["xã"],
    "authority_kind": "commune_pc",
    "processing_time_by_channel": [{"channel": "Trực tiếp", "time": "05 ngày làm việc"}],
    "legal_basis": ["118/2025/NĐ-CP"],
    "as_of": "2026-01-02",
}


def test_user_catalogue_list_and_object(tmp_path: Path) -> None:
    cat = load_catalog(_write(tmp_path, [GOOD]))
    proc = cat.get("1.000001")
    assert proc.level == "xã"
    assert proc.processing_rules[0].parsed
    assert cat.source.endswith("catalog.json")
    cat = load_catalog(
        str(_write(tmp_path, {"data_version": "x1", "procedures": [GOOD | {"level": "Cấp xã"}]}))
    )
    assert cat.data_version == "x1"
    only_text = {"code": "1.000002", "name": "B", "processing_time_text": "Không quy định"}
    assert len(load_catalog(_write(tmp_path, [only_text])).get("1.000002").processing_rules) == 1


@pytest.mark.parametrize(
    ("record", "field", "fragment"),
    [
        ({"name": "x"}, "code", "missing"),
        ({"code": "1.1", "name": ""}, "name", "empty"),
        ({"code": "1.1"}, "name", "missing"),
        ({"code": 1001193, "name": "x"}, "code", "string"),
        ({"code": "1.1", "name": "x", "field": 3}, "field", "string"),
        ({"code": "1.1", "name": "x", "level": 2}, "level", "string"),
        ({"code": "1.1", "name": "x", "authority_kind": "mayor"}, "authority_kind", "mayor"),
        ({"code": "1.1", "name": "x", "as_of": "02/01/2026"}, "as_of", "date"),
        ({"code": "1.1", "name": "x", "legal_basis": "118/2025/NĐ-CP"}, "legal_basis", "list"),
        (
            {"code": "1.1", "name": "x", "processing_time_by_channel": {}},
            "processing_time_by_channel",
            "list",
        ),
        (
            {"code": "1.1", "name": "x", "processing_time_by_channel": ["5 ngày"]},
            "processing_time_by_channel[0]",
            "object",
        ),
        (
            {"code": "1.1", "name": "x", "processing_time_by_channel": [{"channel": "A"}]},
            "processing_time_by_channel[0].time",
            "missing",
        ),
        (
            {"code": "1.1", "name": "x", "processing_time_by_channel": [{"time": 5}]},
            "processing_time_by_channel[0].time",
            "string",
        ),
        ("not a record", "record", "object"),
    ],
)
def test_bad_record_names_index_code_and_field(
    tmp_path: Path, record: Any, field: str, fragment: str
) -> None:
    path = _write(tmp_path, [GOOD, record])
    with pytest.raises(CatalogError, match=fragment) as err:
        load_catalog(path)
    ctx = err.value.context
    assert err.value.code == "procedure.bad_catalog"
    assert ctx["index"] == 1
    assert ctx["field"] == field
    assert ctx["file"] == str(path)
    assert "record 1" in err.value.message
    if isinstance(record, dict) and isinstance(record.get("code"), str):
        assert ctx["code"] == record["code"]
        assert record["code"] in err.value.message


def test_duplicate_codes(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="twice") as err:
        load_catalog(_write(tmp_path, [GOOD, GOOD]))
    assert err.value.context["index"] == 1


def test_bad_files(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot be read"):
        load_catalog(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogError, match="not valid JSON") as err:
        load_catalog(bad)
    assert err.value.context["line"] == 1
    with pytest.raises(CatalogError, match="list of procedures"):
        load_catalog(_write(tmp_path, {"items": []}))
    with pytest.raises(CatalogError, match="data_version"):
        load_catalog(_write(tmp_path, {"data_version": 3, "procedures": []}))
    assert len(load_catalog(_write(tmp_path, []))) == 0


def test_user_catalogue_is_read_under_the_shared_rules(tmp_path: Path) -> None:
    # tthc._data.read_source: one size cap, regular files only, BOM dropped, duplicate keys refused.
    assert MAX_CATALOG_BYTES == 256 * 1024 * 1024
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps([GOOD], ensure_ascii=False).encode())
    assert [p.code for p in load_catalog(bom)] == ["1.000001"]
    with pytest.raises(CatalogError, match="not a regular file") as err:
        load_catalog(tmp_path)
    assert err.value.context["file"] == str(tmp_path)
    assert err.value.code == "procedure.bad_catalog"
    twice = tmp_path / "twice.json"
    twice.write_text('[{"code": "1.000001", "name": "A", "name": "B"}]', encoding="utf-8")
    with pytest.raises(CatalogError, match="twice") as err:
        load_catalog(twice)
    assert err.value.context == {"file": str(twice), "key": "name"}


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs on Windows")
def test_user_catalogue_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(CatalogError, match="not a regular file") as err:
        load_catalog(fifo)
    assert err.value.hint == "pass the path of a file saved on disk"


def test_search_finds_words_next_to_punctuation() -> None:
    # 1.004859 is published as "Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, ...":
    # "cải chính," with its comma is the word "chinh" (a fresh user's search found nothing)
    found = [p.code for p in load_catalog().search("cai chinh")]
    assert found[0] == "1.004859"
    assert [p.code for p in load_catalog().search("1.004859")] == ["1.004859"]
