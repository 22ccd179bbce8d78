"""The national catalogue inside tthc (issue 16): import, shipping, reading, search, lint.

Source of ``tests/data/portal_sample.jsonl``: nine records of the National Public Service Portal
(Cổng Dịch vụ công quốc gia) as crawled on 10/6/2026 by ``chatbot-tthc/chatbot_tthc``, copied
unchanged from ``reference/portal/national_procedures_2026.jsonl.gz``; each record names its
announcing decision (``so_quyet_dinh``) and its portal page (``detail_url``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tthc.cli import main
from tthc.dossiers import Channel
from tthc.errors import CatalogError, InputTypeError, UnknownProcedure
from tthc.procedures import Procedure, TimeSource, load_catalog
from tthc.procedures._import import row_from_api, row_from_crawl, split_legal_basis
from tthc.procedures._national import national_data, national_procedure, read_channel
from tthc.procedures._quality import Outcome, deadline_outcome

SAMPLE = Path(__file__).parent / "data" / "portal_sample.jsonl"
SNAPSHOT = dt.date(2026, 6, 10)


def _sample() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def _channels(proc: Procedure) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(r.channel, r.structured, r.fee or "", r.description) for r in proc.processing_rules]


# --- the importer ---------------------------------------------------------------------------------


def test_importer_rows_are_the_bundled_records() -> None:
    for index, record in enumerate(_sample()):
        row = row_from_crawl(record, index)
        proc = national_procedure(row["code"])
        assert proc.name_vi == row["name"] == record["ten_thu_tuc"]
        assert proc.decision is not None
        assert proc.decision.document == record["so_quyet_dinh"]
        assert list(proc.levels) == row["levels"]
        assert proc.source_url == record["detail_url"]
        assert _channels(proc) == [tuple(c) for c in row["channels"]]
        assert [ref.document for ref in proc.legal_basis if ref.document] == [
            number or name for name, number in row["legal"]
        ]


def _api_record(record: dict[str, Any]) -> dict[str, Any]:
    """The same procedure in the portal's JSON API shape."""
    units = {"Ngày làm việc": "WORKING_DAY", "Ngày": "DAY", "Tháng": "MONTH", "Giờ": "HOUR"}
    methods = {"Trực tiếp": "DIRECT", "Trực tuyến": "ONLINE", "Dịch vụ bưu chính": "POSTAL"}
    row = row_from_crawl(record)
    submission = []
    for label, structured, fee, description in row["channels"]:
        amount, _, unit = (structured or "").partition(" ")
        method: dict[str, Any] = {"submissionMethod": methods[label], "fee": fee}
        method["description"] = description
        if amount.isdigit():
            method["processingTime"] = int(amount)
            method["processingTimeUnit"] = units.get(unit) if unit else None
        submission.append(method)
    return {
        "code": row["code"],
        "name": row["name"],
        "decisionNumber": row["decision"],
        "implementationLevels": row["levels"],
        "field": row["field"],
        "competentAuthority": row["authority"],
        "submissionMethods": submission,
        "legalBases": [{"name": n, "number": m} for n, m in row["legal"]],
    }


def test_api_shape_gives_the_same_rows() -> None:
    for record in _sample():
        crawl = row_from_crawl(record)
        api = row_from_api(_api_record(record))
        assert api["code"] == crawl["code"]
        assert api["legal"] == crawl["legal"]
        for (label, structured, _, description), got in zip(
            crawl["channels"], api["channels"], strict=True
        ):
            assert got[0] == label
            assert got[3] == description
            if structured and structured.split(" ")[0].isdigit():
                assert got[1] == structured  # "5 Ngày làm việc"; a bare "1" stays bare
    assert row_from_api(
        {
            "code": "9.000001",
            "name": "x",
            "decisionNumber": "1/QĐ-X",
            "submissionMethods": [
                {"submissionMethod": "POSTAL", "processingTime": 3, "processingTimeUnit": "YEAR"}
            ],
        }
    )["channels"] == [["Dịch vụ bưu chính", "3 Năm", "", ""]]


@pytest.mark.parametrize(
    ("method", "match"),
    [
        ({"submissionMethod": "FAX"}, "submissionMethod"),
        ({"submissionMethod": "DIRECT", "processingTime": 1, "processingTimeUnit": "WEEK"}, "Unit"),
    ],
)
def test_api_shape_refuses_unknown_values(method: dict[str, Any], match: str) -> None:
    record = {"code": "9.1", "name": "x", "decisionNumber": "1", "submissionMethods": [method]}
    with pytest.raises(CatalogError, match=match):
        row_from_api(record)
    with pytest.raises(CatalogError, match="decision"):
        row_from_api({"code": "9.1", "name": "x"})


def test_legal_basis_is_split_into_documents() -> None:
    record = next(r for r in _sample() if r["ma_thu_tuc"] == "1.000178")
    assert split_legal_basis(record["can_cu_phap_ly"]) == (
        (
            "Hướng dẫn xử lý khiếu nại, kiến nghị, phản ánh; giải quyết khiếu nại và quản lý công "
            "tác giải quyết khiếu nại trong công an nhân dân",
            "68/2013/TT-BCA",
        ),
        ("Luật Khiếu nại  năm 2011", "02/2011/QH13"),
        ("Quy định quy trình giải quyết khiếu nại trong công an nhân dân", "11/2015/TT-BCA"),
        ("Nghị định 05/2012/NĐ-CP", "05/2012/NĐ-CP"),
    )
    assert split_legal_basis("Tên văn bản pháp lýMã văn bảnKhông có thông tin") == ()
    assert split_legal_basis("Luật Hóa chất") == (("Luật Hóa chất", ""),)  # kept, not lost


# --- the shipped catalogue ------------------------------------------------------------------------


def test_every_national_procedure_is_shipped() -> None:
    cat = load_catalog()
    data = national_data()
    assert len(data.entries) == 2642
    assert data.snapshot == SNAPSHOT
    assert all(code in cat for code in data.entries)
    curated_only = [c for c in cat.codes() if c not in data.entries]
    assert len(cat) == 2642 + len(curated_only)
    assert "3.000722" in curated_only  # a curated record the snapshot does not have
    assert "+national-2026-06-10" in cat.data_version


def test_snapshot_date_and_announcing_decision_on_every_record() -> None:
    proc = load_catalog().sources("1.010038")[-1]  # Tách hộ, the snapshot's record
    assert proc.as_of == SNAPSHOT
    assert proc.publisher == "bo-cong-an"
    assert proc.decision is not None
    assert proc.decision.document == "9354/QĐ-BCA-C06"
    assert proc.decision.issuer == "Bộ Công an"
    assert proc.levels == ("Cấp xã",)
    assert "Công an cấp Xã" in proc.authority_text


def test_curated_record_wins_and_both_are_kept() -> None:
    # Where both sources have a code, get() returns the curated record: it is linked to the
    # competence table and carries the prose checked against the law (1.001193: "ngay trong
    # ngày ..., sau 15 giờ ..." of Luật Hộ tịch 2014 Art. 16), while the portal publishes only a
    # bare "1" and a description without a time, which tthc refuses to read.
    cat = load_catalog()
    curated, national = cat.sources("1.001193")
    assert cat.get("1.001193") is curated
    assert curated.competence_key == "ho-tich.khai-sinh"
    assert national.competence_key is None
    assert national.decision is not None
    assert curated.decision is not None
    assert national.decision.document == curated.decision.document == "163/QĐ-BTP"
    assert deadline_outcome(curated)[0] is Outcome.DUE_DATE
    assert deadline_outcome(national) == (Outcome.REFUSED, "missing_unit")
    assert cat.sources("van-hoa.le-hoi") == (cat.get("van-hoa.le-hoi"),)
    with pytest.raises(UnknownProcedure):
        cat.sources("9.999999")


# --- the description is the law, the structured column a hint ------------------------------------


def test_disagreement_is_recorded_and_the_description_used() -> None:
    # 1.000574: structured "18 Ngày làm việc"; description "18 ngày, kể từ ngày nhận đủ hồ sơ".
    proc = national_procedure("1.000574")
    online = proc.rules_for("Trực tuyến")[0]
    assert online.read_from is TimeSource.DESCRIPTION
    assert online.time is not None
    assert str(online.time.base) == "18 ngày"
    assert online.disagreement is not None
    assert "unit differs" in online.disagreement
    counter = proc.rules_for("Trực tiếp")[0]  # structured "25 Ngày"
    assert counter.disagreement is not None
    assert "number differs" in counter.disagreement
    assert len(proc.disagreements) == 3


def test_structured_time_used_when_the_description_has_none() -> None:
    rule = national_procedure("1.000010").processing_rules[0]
    assert rule.read_from is TimeSource.STRUCTURED
    assert rule.text == rule.structured == "1 Ngày làm việc"
    assert rule.parsed


def test_bare_number_is_never_given_a_unit() -> None:
    for rule in national_procedure("1.004859").processing_rules:  # cải chính hộ tịch
        assert rule.structured == "1"
        assert not rule.parsed
        assert rule.parse_error_reason == "missing_unit"


def test_read_channel_rules() -> None:
    rule = read_channel("Trực tiếp", "10 Ngày", "", "10 ngày làm việc kể từ ngày nhận hồ sơ")
    assert rule.read_from is TimeSource.DESCRIPTION
    assert rule.disagreement
    rule = read_channel("Trực tiếp", "5", "Miễn phí", "Không có thông tin")
    assert rule.read_from is TimeSource.STRUCTURED
    assert not rule.parsed
    assert rule.fee == "Miễn phí"
    # A description with a time the reader refuses: the refusal stands, the hint is not used.
    rule = read_channel("Trực tiếp", "3 Ngày", "", "Trước ngày 15 tháng 12 hằng năm")
    assert rule.read_from is TimeSource.DESCRIPTION
    assert not rule.parsed
    assert rule.parse_error_reason == "fixed_date"
    assert read_channel("Trực tiếp", None, "", "").read_from is TimeSource.STRUCTURED


# --- done when: a due date, a case asked for, or a reason; never a traceback -----------------------


def test_every_procedure_gives_a_due_date_a_case_or_a_reason() -> None:
    cat = load_catalog()
    outcomes: dict[Outcome, list[str]] = {o: [] for o in Outcome}
    for proc in cat:
        outcome, why = deadline_outcome(proc)
        assert why
        outcomes[outcome].append(proc.code)
    assert sum(len(v) for v in outcomes.values()) == len(cat)
    assert len(outcomes[Outcome.DUE_DATE]) > len(cat) // 2
    # The command itself, on a few of each outcome: exit 0, or exit 2 with one error line.
    for outcome, codes in outcomes.items():
        for code in codes[:5]:
            assert _run_deadline(code, outcome)


def _run_deadline(code: str, outcome: Outcome) -> bool:
    # the command as a clerk types it, without --channel: the outcome reports what it does
    code_rc = main(["deadline", "--accepted", "2026-04-29 10:00", "--procedure", code])
    return code_rc == (0 if outcome is Outcome.DUE_DATE else 2)


# --- search ---------------------------------------------------------------------------------------


def test_search_is_ranked_and_filtered() -> None:
    cat = load_catalog()
    assert [p.code for p in cat.search("khai sinh")][:3] == ["1.001193", "1.004884", "1.003583"]
    assert cat.search("KHAI SINH")[0].code == "1.001193"
    found = cat.search("khai sinh", level="xã", publisher="Bộ Tư pháp")
    assert found[0].code == "1.001193"
    assert all("Cấp xã" in p.levels for p in found)
    assert cat.search("khai sinh", publisher="bo-tu-phap", limit=2) == found[:2]
    assert [p.code for p in cat.search("1.00119")] == ["1.001193", "1.001194"]
    assert {p.field for p in cat.search(field="hộ tịch")} == {"Hộ tịch"}
    assert cat.search("chứng thực bản sao")  # missing before issue 16
    assert cat.field_counts()["Hộ tịch"] >= 40
    assert cat.fields_by_code()["1.010038"] == cat.get("1.010038").field
    with pytest.raises(InputTypeError):
        cat.search("x", limit=-1)
    with pytest.raises(InputTypeError):
        cat.search("x", level=3)  # type: ignore[arg-type]


# --- one channel vocabulary (item 4) ----------------------------------------------------------------


def test_one_channel_vocabulary_for_catalogue_and_dossiers() -> None:
    # Before issue 16, rules_for("counter") found nothing: the catalogue spoke "Trực tiếp", the
    # dossiers Channel.COUNTER. Portal codes: KenhThucHien 1 counter, 2 online, 3 post.
    proc = load_catalog().get("1.001193")
    assert [r.channel for r in proc.rules_for("counter")] == ["Trực tiếp"]
    assert proc.rules_for(Channel.COUNTER) == proc.rules_for("Trực tiếp") == proc.rules_for(1)  # type: ignore[arg-type]
    assert [r.channel for r in proc.rules_for(Channel.POST)] == ["Dịch vụ bưu chính"]
    assert proc.rules_for("Fax") == ()
    assert proc.processing_rules[0].channel_kind is Channel.ONLINE
    assert proc.processing_rules[-1].channel_kind is None  # the procedure-wide prose
    assert Channel.parse("Qua dịch vụ bưu chính công ích") is Channel.POST
    assert Channel.parse("TRUC TUYEN") is Channel.ONLINE
    assert Channel.parse("3") is Channel.POST
    with pytest.raises(InputTypeError, match="channel"):
        Channel.parse("kiosk")
    with pytest.raises(InputTypeError):
        Channel.parse(None)
