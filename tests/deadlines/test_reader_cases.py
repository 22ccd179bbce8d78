"""Labelled case lists, their default, verification beside a general case, and nesting (issue 15).

The wordings are the shapes met on the national portal (see
tests/data/processing_time_corpus.README.md, records n000–n075): "Trường hợp A: …; trường hợp
B: …" lists, "(đối với trường hợp …)" after each limit, a bracketed extension inside one step,
"không tính thời gian …" after the limit. Due dates are counted as Decree 118/2025 Art. 17.3
and Civil Code 2015 Art. 147.2 say: the N-th working day strictly after acceptance.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tthc._time import VN_TZ
from tthc.deadlines import compute_deadline, parse_processing_time
from tthc.deadlines._reader import read_processing_time
from tthc.errors import CaseRequired, ProcessingTimeParseError

# Monday 02/03/2026 09:00, no public holiday in March 2026.
ACCEPTED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=VN_TZ)


def label(text: str) -> dict[str, Any]:
    return read_processing_time(text).to_label()


def reason(text: str) -> tuple[str, str]:
    with pytest.raises(ProcessingTimeParseError) as caught:
        read_processing_time(text)
    return caught.value.context["reason"], caught.value.message


def limit(amount: str, bound: str = "exact") -> dict[str, Any]:
    return {"limit": amount, "bound": bound}


# --- sibling cases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Trường hợp cấp mới: 10 ngày làm việc; trường hợp cấp lại: 05 ngày làm việc",
        "- Trường hợp cấp mới: 10 ngày làm việc\n- Trường hợp cấp lại: 05 ngày làm việc",
        "- Đối với cấp mới: 10 ngày làm việc.\n- Đối với cấp lại: 05 ngày làm việc.",
        "Đối với cấp mới: 10 ngày làm việc. Đối với cấp lại: 05 ngày làm việc",
        "+ Cấp mới: 10 ngày làm việc\n+ Cấp lại: 05 ngày làm việc",
        "Trường hợp cấp mới 10 ngày làm việc; trường hợp cấp lại 05 ngày làm việc",
    ],
)
def test_labelled_items_are_sibling_cases_with_no_default(text: str) -> None:
    found = label(text)
    assert [c["label"].casefold() for c in found["cases"]] == ["cấp mới", "cấp lại"]
    assert [c["reading"] for c in found["cases"]] == [
        limit("10 working_day"),
        limit("5 working_day"),
    ]
    assert found["default"] is None


def test_with_no_default_compute_deadline_refuses_and_names_the_cases() -> None:
    parsed = parse_processing_time(
        "Trường hợp cấp mới: 10 ngày làm việc; trường hợp cấp lại: 05 ngày làm việc"
    )
    with pytest.raises(CaseRequired) as caught:
        compute_deadline(ACCEPTED, parsed)
    assert caught.value.context["cases"] == ["cấp mới", "cấp lại"]
    assert compute_deadline(ACCEPTED, parsed, case="cấp lại").due_date == dt.date(2026, 3, 9)
    assert compute_deadline(ACCEPTED, parsed, case="cap moi").due_date == dt.date(2026, 3, 16)


def test_a_case_named_inside_another_is_still_nested() -> None:
    # "Trường hợp A:" then "trường hợp A1 …; trường hợp A2 …" with no colon of their own
    text = "Trường hợp A: trường hợp A1 10 ngày làm việc; trường hợp A2 05 ngày làm việc"
    assert reason(text)[0] == "unsupported"


def test_a_conditional_sentence_inside_a_case_is_not_a_sibling() -> None:
    # portal 1.003821 (shape): "Trường hợp cơ sở đáp ứng điều kiện, trong thời hạn …" inside the
    # case "cấp Giấy chứng nhận" is part of it, not a case beside it
    text = (
        "- Trường hợp cấp Giấy chứng nhận: 09 ngày làm việc, cơ quan kiểm tra. Trường hợp cơ sở "
        "đáp ứng điều kiện, trong thời hạn 01 ngày làm việc, cơ quan cấp Giấy chứng nhận.\n"
        "- Trường hợp cấp lại Giấy chứng nhận: 02 ngày làm việc"
    )
    found_reason, message = reason(text)
    assert found_reason == "unsupported"
    assert "nested" in message


# --- the default case ------------------------------------------------------------------------


@pytest.mark.parametrize("general", ["thông thường", "bình thường", "chung", "còn lại"])
def test_a_case_labelled_as_the_general_rule_is_the_default(general: str) -> None:
    found = label(f"Trường hợp {general}: 10 ngày làm việc; trường hợp cấp lại: 05 ngày làm việc")
    assert found["default"] == 0
    parsed = parse_processing_time(
        f"Trường hợp cấp lại: 05 ngày làm việc; trường hợp {general}: 10 ngày làm việc"
    )
    assert compute_deadline(ACCEPTED, parsed).due_date == dt.date(2026, 3, 16)


def test_two_general_labels_give_no_default() -> None:
    text = (
        "Trường hợp thông thường: 10 ngày làm việc; trường hợp cấp lại: 05 ngày làm việc; "
        "các trường hợp khác: 07 ngày làm việc"
    )
    assert label(text)["default"] is None


# --- verification beside the general case ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        (
            "Trường hợp thông thường: 5 ngày làm việc; trường hợp phải xác minh: 10 ngày làm việc",
            "replaces",
        ),
        (
            "- Trường hợp bình thường: 05 ngày làm việc\n- Trường hợp cần kiểm tra thực tế: kéo "
            "dài thêm không quá 10 ngày làm việc",
            "extends",
        ),
        (
            "Trường hợp phải thẩm tra: 10 ngày làm việc; trường hợp thông thường: 5 ngày làm việc",
            "replaces",
        ),
    ],
)
def test_a_verification_case_beside_the_general_one_is_an_alternative(text: str, mode: str) -> None:
    found = label(text)
    assert found["base"]["limit"] == "5 working_day"
    [alternative] = found["alternatives"]
    assert (alternative["kind"], alternative["mode"]) == ("verification", mode)
    assert alternative["reading"]["limit"] == "10 working_day"


def test_the_verification_alternative_matches_the_unlabelled_wording() -> None:
    labelled = (
        "Trường hợp thông thường: 05 ngày làm việc; trường hợp phải xác minh: 10 ngày làm việc"
    )
    plain = "05 ngày làm việc; trường hợp phải xác minh thì 10 ngày làm việc"
    assert label(labelled) == label(plain)
    parsed = parse_processing_time(labelled)
    assert compute_deadline(ACCEPTED, parsed).due_date == dt.date(2026, 3, 9)
    verified = compute_deadline(ACCEPTED, parsed, alternative="verification")
    assert verified.due_date == dt.date(2026, 3, 16)


def test_verification_with_another_case_stays_cases() -> None:
    text = (
        "Trường hợp thông thường: 5 ngày làm việc; trường hợp phải kiểm tra thực tế: 10 ngày làm "
        "việc; trường hợp cấp lại: 3 ngày làm việc"
    )
    found = label(text)
    assert len(found["cases"]) == 3
    assert found["default"] == 0


# --- cases written after each limit, in brackets ---------------------------------------------


def test_a_bracketed_case_after_each_limit() -> None:
    # portal 1.003361 (Bộ Nông nghiệp và Môi trường)
    text = (
        "28 ngày làm việc (đối với trường hợp cấp mới), 02 ngày làm việc (đối với trường hợp cấp "
        "lại) kể từ ngày nhận được hồ sơ đầy đủ, hợp lệ theo quy định"
    )
    found = label(text)
    assert [(c["label"], c["reading"]["limit"]) for c in found["cases"]] == [
        ("cấp mới", "28 working_day"),
        ("cấp lại", "2 working_day"),
    ]
    assert found["default"] is None


# --- an extension inside one step ------------------------------------------------------------

STEPS = (
    "- Thời hạn tiếp nhận và kiểm tra hồ sơ: 03 ngày làm việc, kể từ khi nhận hồ sơ;\n"
    "- Thời hạn thẩm định hồ sơ: 16 ngày làm việc, kể từ ngày nhận được hồ sơ đáp ứng quy định "
    "(trường hợp hồ sơ cần chỉnh sửa, bổ sung, thời gian thẩm định còn lại sau khi nhận được hồ "
    "sơ hoàn thiện của tổ chức, cá nhân được tăng thêm 21 ngày làm việc);\n"
    "- Thời hạn trả kết quả: 02 ngày làm việc, kể từ ngày nhận được kết quả giải quyết."
)


def test_a_bracketed_extension_belongs_to_the_step_before_it() -> None:
    # portal 1.014270 and the mineral-licence family (Bộ Nông nghiệp và Môi trường)
    found = label(STEPS)
    assert found["total"] is None
    first, second, third = found["sequence"]
    assert first == limit("3 working_day")
    assert second["base"] == limit("16 working_day")
    assert second["alternatives"] == [
        {"kind": "other", "mode": "extends", "reading": limit("21 working_day")}
    ]
    assert third == limit("2 working_day")


def test_the_step_extension_applies_only_when_named() -> None:
    parsed = parse_processing_time(STEPS)
    # 3 + 16 + 2 = 21 working days after Monday 02/03/2026: Tuesday 31/03/2026
    assert compute_deadline(ACCEPTED, parsed).due_date == dt.date(2026, 3, 31)
    # + 21: 42 working days; 27/04 (nghỉ bù Giỗ Tổ), 30/04 and 01/05 are days off
    extended = compute_deadline(ACCEPTED, parsed, alternative="extension")
    assert extended.due_date == dt.date(2026, 5, 4)


def test_a_case_title_before_the_method_is_one_case() -> None:
    text = (
        "Trường hợp thay đổi tên tổ chức, cá nhân thăm dò khoáng sản:\n*Cách thực hiện: Nộp hồ sơ "
        "thông qua Cổng Dịch vụ công quốc gia (địa chỉ http://dichvucong.gov.vn).\n*Thời hạn giải "
        "quyết:\n- Thời hạn tiếp nhận, thẩm định hồ sơ và xem xét, quyết định: 12 ngày làm việc;\n"
        "- Thời hạn trả kết quả: 02 ngày làm việc."
    )
    found = label(text)
    [case] = found["cases"]
    assert case["label"] == "thay đổi tên tổ chức, cá nhân thăm dò khoáng sản"
    assert case["reading"]["total"] == "14 working_day"
    assert found["default"] is None


def test_a_method_paragraph_is_never_a_case_label() -> None:
    text = (
        "*Cách thực hiện: Nộp hồ sơ thông qua Cổng Dịch vụ công quốc gia (địa chỉ "
        "http://dichvucong.gov.vn).\n*Thời hạn giải quyết:\n- Thời hạn thẩm định hồ sơ: 19 ngày "
        "làm việc;\n- Thời hạn xem xét, chấp thuận và trả kết quả: 05 ngày làm việc."
    )
    assert label(text) == {
        "sequence": [limit("19 working_day"), limit("5 working_day")],
        "total": "24 working_day",
    }


# --- exclusions after the limit --------------------------------------------------------------


def test_not_counted_time_after_the_limit_keeps_the_limit() -> None:
    # portal 1.007929
    text = (
        "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, không tính thời gian khắc phục nếu có "
        "của tổ chức, cá nhân"
    )
    assert label(text) == {
        "limit": "7 working_day",
        "bound": "exact",
        "excluded": [{"kind": "not_counted", "reading": None}],
    }


def test_a_period_not_counted_stays_apart() -> None:
    text = "thời hạn xác minh là 30 ngày không tính vào thời hạn giải quyết"
    assert reason(text)[0] == "no_authority_time"


# --- nesting that stays refused --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            # portal 1.011874 (shape): steps labelled inside a case
            "- Trường hợp bị mất:\n+ Phát hành văn bản thông báo: Trong vòng 02 ngày làm việc;\n"
            "+ Cấp bản sao Thông báo miễn: Sau 24 ngày làm việc.\n"
            "- Trường hợp bị hỏng: Trong vòng 02 ngày làm việc.",
            "labelled parts inside a case",
        ),
        (
            # portal 1.000660: cases inside the second step
            "- Thời hạn kiểm tra: trong thời hạn 05 ngày làm việc.\n- Thời hạn công bố:\n"
            "+ Trường hợp quyết định công bố: trong thời hạn 03 ngày làm việc.\n"
            "+ Trường hợp thông báo cho đơn vị: trong thời hạn 02 ngày làm việc.",
            "cases inside one step",
        ),
        (
            # portal 1.012065: a limit after two cases is not their general rule
            "- Thông báo chấp nhận đơn trong trường hợp Đơn đăng ký hợp lệ: 15 ngày.\n"
            "- Thông báo chấp nhận đơn trong trường hợp Đơn đăng ký chưa hợp lệ: 48 ngày.\n"
            "- Tài liệu chứng minh quyền ưu tiên này được cung cấp trong vòng 90 ngày.",
            "no label after the cases",
        ),
    ],
)
def test_deeper_structures_are_refused_with_their_reason(text: str, words: str) -> None:
    found_reason, message = reason(text)
    assert found_reason == "unsupported"
    assert words in message


def test_one_case_before_a_general_rule_keeps_its_default() -> None:
    text = (
        "- Trường hợp nhận hồ sơ trực tuyến, nếu hồ sơ chưa hợp lệ, chậm nhất 08 giờ làm việc, "
        "cơ quan hướng dẫn hoàn thiện hồ sơ;\n- Chậm nhất 02 ngày làm việc, cơ quan cấp Giấy "
        "chứng nhận."
    )
    assert label(text)["default"] == 1


@pytest.mark.parametrize(
    ("text", "kind", "extra"),
    [
        (
            "10 ngày làm việc (trường hợp phức tạp thì kéo dài thêm 05 ngày làm việc)",
            "other",
            limit("5 working_day"),
        ),
        (
            "30 ngày kể từ ngày nhận đủ hồ sơ (trường hợp cần xác minh thì thời hạn được kéo dài "
            "thêm 10 ngày)",
            "verification",
            limit("10 calendar_day"),
        ),
    ],
)
def test_a_bracketed_extension_after_a_single_limit(
    text: str, kind: str, extra: dict[str, Any]
) -> None:
    found = label(text)
    assert found["alternatives"] == [{"kind": kind, "mode": "extends", "reading": extra}]


def test_a_complex_case_extends_the_limit_when_named() -> None:
    parsed = parse_processing_time(
        "10 ngày làm việc (trường hợp phức tạp thì kéo dài thêm 05 ngày làm việc)"
    )
    assert compute_deadline(ACCEPTED, parsed).due_date == dt.date(2026, 3, 16)
    longer = compute_deadline(ACCEPTED, parsed, alternative="complexity")
    assert longer.due_date == dt.date(2026, 3, 23)
