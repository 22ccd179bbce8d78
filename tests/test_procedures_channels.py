"""One channel vocabulary for the catalogue (issue 16, item 4): ``rules_for`` and ``rule_for``.

Source of ``tests/data/portal_channel_records.jsonl``: four records of the National Public
Service Portal (Cổng Dịch vụ công quốc gia) as crawled on 10/6/2026 by
``chatbot-tthc/chatbot_tthc``, copied unchanged from
``reference/portal/national_procedures_2026.jsonl.gz``:

* 1.013083 *Đăng ký xe tạm thời thực hiện bằng dịch vụ công trực tuyến toàn trình* and 1.013086
  *… bằng dịch vụ công trực tuyến một phần hoặc trực tiếp* (Quyết định 1383/QĐ-BCA): the
  ministry publishes the fully and the partly online variant as two procedures, each with one
  "Trực tuyến" row — the catalogue has no column for the kind of online service (Decree
  42/2022/NĐ-CP Điều 11.1), so both kinds of online filing get the published online time;
* 1.014237 (mineral exploration licence changes): two cases on every channel, no default;
* 1.010038 *Tách hộ*: one time per channel.

The channels themselves are those of Decree 118/2025/NĐ-CP Điều 15 (counter, public post,
online on the national portal).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tthc.dossiers import Channel
from tthc.errors import CaseRequired, ProcessingTimeParseError
from tthc.procedures import Procedure, ProcessingRule, load_catalog
from tthc.procedures._import import row_from_crawl
from tthc.procedures._national import national_procedure, read_channel

RECORDS = Path(__file__).parent / "data" / "portal_channel_records.jsonl"


def _records() -> dict[str, dict[str, Any]]:
    lines = RECORDS.read_text(encoding="utf-8").splitlines()
    return {record["ma_thu_tuc"]: record for record in map(json.loads, lines)}


def _procedure(code: str) -> Procedure:
    """The record read from the copied portal text, as the importer and the reader do."""
    row = row_from_crawl(_records()[code])
    rules = tuple(read_channel(*channel) for channel in row["channels"])
    return Procedure(code=row["code"], name_vi=row["name"], processing_rules=rules)


def test_the_copied_records_are_the_bundled_ones() -> None:
    for code in _records():
        assert _procedure(code).processing_rules == national_procedure(code).processing_rules


def test_both_kinds_of_online_filing_get_the_published_online_time() -> None:
    full = _procedure("1.013083")  # "… trực tuyến toàn trình": online only, 08 giờ làm việc
    (online,) = full.processing_rules
    assert online.channel == "Trực tuyến"
    assert online.structured == "8 Giờ"
    for channel in (Channel.ONLINE, Channel.ONLINE_FULL, Channel.ONLINE_PARTIAL, "toàn trình"):
        assert full.rules_for(channel) == (online,)
        assert full.rule_for(channel) is online
    # it publishes no counter time: the counter gets nothing, never the online time
    assert full.rules_for("counter") == full.rules_for(Channel.COUNTER) == ()
    with pytest.raises(ProcessingTimeParseError) as info:
        full.rule_for("counter")
    assert type(info.value) is ProcessingTimeParseError
    assert info.value.context == {
        "reason": "unknown_channel",
        "procedure": "1.013083",
        "channel": "counter",
        "channels": ["Trực tuyến"],
    }
    assert "1.013083" in info.value.message
    assert info.value.hint is not None


def test_counter_in_any_spelling_is_the_published_counter_row() -> None:
    partly = _procedure("1.013086")  # "… một phần hoặc trực tiếp": 01 ngày làm việc
    counter = partly.rule_for("Trực tiếp")
    assert counter.channel == "Trực tiếp"
    assert counter.structured == "1 Ngày làm việc"
    for label in ("counter", "truc tiep", Channel.COUNTER, "At the counter", "1"):
        assert partly.rule_for(label) is counter
        assert partly.rules_for(label) == (counter,)
    assert partly.rule_for(Channel.ONLINE_PARTIAL).channel == "Trực tuyến"
    assert partly.rules_for("post") == ()


def test_two_cases_on_a_channel_need_a_case() -> None:
    licence = _procedure("1.014237")
    assert len(licence.rules_for("Trực tiếp")) == 2  # `(rule,) = ...` would crash here
    with pytest.raises(CaseRequired) as info:
        licence.rule_for("Trực tiếp")
    assert info.value.context == {
        "reason": "case_required",
        "procedure": "1.014237",
        "channel": "Trực tiếp",
        "cases": [
            "Trường hợp thay đổi tên tổ chức, cá nhân thăm dò khoáng sản:",
            "Trường hợp trả lại một phần diện tích khu vực thăm dò khoáng sản:",
        ],
    }
    # the portal's structured times of the two cases: 14 and 26 working days
    assert licence.rule_for("counter", case="thay đổi tên").structured == "14 Ngày làm việc"
    returned = licence.rule_for(Channel.COUNTER, case="TRA LAI MOT PHAN")
    assert returned.structured == "26 Ngày làm việc"
    assert licence.rule_for(Channel.ONLINE_FULL, case="trả lại").channel == "Trực tuyến"


@pytest.mark.parametrize(
    ("case", "reason"),
    [("gia hạn", "unknown_case"), ("", "unknown_case"), ("trường hợp", "ambiguous_case")],
)
def test_a_case_must_name_exactly_one_rule(case: str, reason: str) -> None:
    with pytest.raises(CaseRequired) as info:
        _procedure("1.014237").rule_for("post", case=case)
    assert info.value.context["reason"] == reason
    assert len(info.value.context["cases"]) == 2


def test_the_docs_idiom_on_a_procedure_with_one_counter_time() -> None:
    # docs/guide/receipt-slip.md: Tách hộ, "Trong thời hạn 05 ngày làm việc" as the record says
    procedure = load_catalog()["1.010038"]
    rule = procedure.rule_for("Trực tiếp")
    assert rule.parsed
    assert rule.text == "5 Ngày làm việc"


def test_the_procedure_wide_text_applies_to_a_channel_without_its_own() -> None:
    # 3.000722 (curated) publishes "Xem phần mô tả" online and the prose description for all
    proc = load_catalog()["3.000722"]
    (general,) = (r for r in proc.processing_rules if r.channel is None)
    assert proc.rules_for("counter") == ()
    assert proc.rule_for("counter") is general
    assert proc.rule_for("online").text == "Xem phần mô tả"  # the channel's own text first


def test_rows_that_differ_only_in_fee_are_told_apart_by_their_description() -> None:
    # 2.000884 (chứng thực chữ ký) publishes two counter rows: the commune's fee and the
    # embassy's; neither gives a time, so the caller names the one meant
    proc = load_catalog()["2.000884"]
    with pytest.raises(CaseRequired) as info:
        proc.rule_for("Trực tiếp")
    cases = info.value.context["cases"]
    assert [c.split(" — ")[0] for c in cases] == ["Không có thông tin"] * 2
    assert cases[1] == "Không có thông tin — Tại cơ quan đại diện: 10 USD/bản."
    assert proc.rule_for("Trực tiếp", case="cơ quan đại diện").fee == "10 USD"


def test_a_rule_published_twice_counts_once() -> None:
    rule = ProcessingRule(channel="Trực tiếp", text="05 ngày làm việc")
    twice = Procedure("9.000001", "x", processing_rules=(rule, rule))
    assert len(twice.rules_for("counter")) == 2
    assert twice.rule_for("counter") is rule


def test_online_asks_for_every_kind_a_record_names() -> None:
    # a province's own list may publish the two kinds apart (made-up record)
    full = ProcessingRule(channel="Trực tuyến toàn trình", text="03 ngày làm việc")
    partly = ProcessingRule(channel="Trực tuyến một phần", text="05 ngày làm việc")
    proc = Procedure("9.000002", "x", processing_rules=(full, partly))
    assert proc.rules_for(Channel.ONLINE) == (full, partly)
    assert proc.rules_for(Channel.ONLINE_FULL) == (full,)
    assert proc.rules_for("một phần") == (partly,)
    assert full.channel_kind is Channel.ONLINE_FULL
    with pytest.raises(CaseRequired):
        proc.rule_for("online")


def test_a_label_that_names_no_channel_is_compared_as_published() -> None:
    proc = Procedure("9.000003", "x", processing_rules=(ProcessingRule("Fax", "2 ngày"),))
    assert proc.rules_for(" FAX ") == proc.processing_rules
    assert proc.rules_for("counter") == ()
    with pytest.raises(ProcessingTimeParseError, match="'counter'"):
        proc.rule_for("counter")


def test_timed_rule_reads_the_description_when_the_channel_gives_a_bare_number() -> None:
    # 1.001193 (Đăng ký khai sinh, snapshot 10/6/2026): every channel says "1" with no unit, the
    # description "Ngay trong ngày tiếp nhận yêu cầu, ... sau 15 giờ ..." is the law (issue 16.3)
    khai_sinh = load_catalog()["1.001193"]
    assert khai_sinh.rule_for("Trực tiếp").text == "1"
    for channel in ("Trực tiếp", Channel.ONLINE_FULL, "post"):
        rule = khai_sinh.timed_rule(channel)
        assert rule.channel is None
        assert rule.text.startswith("Ngay trong ngày tiếp nhận yêu cầu")


def test_timed_rule_never_picks_one_of_several_published_times() -> None:
    # 1.013076 (đăng ký xe, Bộ Công an) publishes 2 and 7 working days and 1 hour at the counter,
    # each for its own case: the first one is not the answer (the CLI used to take it)
    procedure = load_catalog()["1.013076"]
    with pytest.raises(CaseRequired) as info:
        procedure.timed_rule("Trực tiếp")
    assert info.value.context["reason"] == "case_required"
    assert len(info.value.context["cases"]) == 3


def test_timed_rule_refuses_a_channel_the_record_does_not_publish() -> None:
    proc = Procedure("9.000004", "x", processing_rules=(ProcessingRule("Trực tiếp", "5 ngày"),))
    with pytest.raises(ProcessingTimeParseError) as info:
        proc.timed_rule("post")
    assert info.value.context["reason"] == "unknown_channel"
    assert info.value.context["channels"] == ["Trực tiếp"]
    with pytest.raises(ProcessingTimeParseError):
        proc.rule_for("post")  # no procedure-wide text either


def test_timed_rule_refuses_a_time_nobody_can_read() -> None:
    # 1.000689 publishes "3" on every channel and no time in its description: no unit is guessed
    with pytest.raises(ProcessingTimeParseError) as info:
        load_catalog()["1.000689"].timed_rule("Trực tiếp")
    assert info.value.context["reason"] == "unreadable"
    assert info.value.context["reasons"] == ["missing_unit"]


def test_the_default_channel_is_the_counter_or_the_only_one_published() -> None:
    cat = load_catalog()
    assert cat["1.001193"].default_channel() == "Trực tiếp"  # published with the others
    # 1.001437 publishes only "Trực tuyến" (7 Ngày): no other filing is possible
    assert cat["1.001437"].default_channel() == "Trực tuyến"
    # 1.004844 publishes post and online, not the counter: which one is the caller's to say
    with pytest.raises(CaseRequired) as info:
        cat["1.004844"].default_channel()
    assert info.value.context["reason"] == "channel_required"
    assert info.value.context["cases"] == ["Dịch vụ bưu chính", "Trực tuyến"]
    assert Procedure("9.000005", "x").default_channel() == "Trực tiếp"  # no channel published
