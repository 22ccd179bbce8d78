"""Splitting the portal's flattened "Cách thức thực hiện" table into channel rows."""

from __future__ import annotations

from tthc.deadlines._reader import PortalChannel, split_portal_methods

HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"


def test_three_channels_with_times_fees_and_descriptions() -> None:
    text = (
        HEADER
        + "Trực tuyến3 Ngày làm việcMiễn phínộp hồ sơ trực tuyến qua Cổng dịch vụ công."
        + "Dịch vụ bưu chính3 Ngày làm việcMiễn phínộp qua bưu chính."
        + "Trực tiếp3 Ngày làm việcMiễn phínộp hồ sơ trực tiếp tại trụ sở."
    )
    assert split_portal_methods(text) == (
        PortalChannel(
            "online", "3 Ngày làm việc", "Miễn phí", "nộp hồ sơ trực tuyến qua Cổng dịch vụ công."
        ),
        PortalChannel("post", "3 Ngày làm việc", "Miễn phí", "nộp qua bưu chính."),
        PortalChannel("counter", "3 Ngày làm việc", "Miễn phí", "nộp hồ sơ trực tiếp tại trụ sở."),
    )


def test_channel_words_inside_a_description_do_not_split_it() -> None:
    text = (
        HEADER
        + "Trực tuyếnKhông có thông tinKhông có thông tin"
        + "Trực tuyến: nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia."
    )
    (row,) = split_portal_methods(text)
    assert row.structured == "Không có thông tin"
    assert row.description == "Trực tuyến: nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia."


def test_fee_amounts_with_bracketed_notes_are_the_fee() -> None:
    text = (
        HEADER
        + "Trực tiếp10 Ngày150.000 Việt Nam Đồng(Phí thẩm định (lần đầu))10 ngày kể từ ngày nhận"
        + " đủ hồ sơ."
    )
    (row,) = split_portal_methods(text)
    assert row.structured == "10 Ngày"
    assert row.fee == "150.000 Việt Nam Đồng(Phí thẩm định (lần đầu))"
    assert row.description == "10 ngày kể từ ngày nhận đủ hồ sơ."


def test_bare_number_running_into_an_amount_is_marked_unknown() -> None:
    (row,) = split_portal_methods(HEADER + "Trực tiếp120 VNĐ(20.000 đồng)")
    assert row.structured is None
    assert row.fee.endswith("VNĐ(20.000 đồng)")


def test_non_numeric_structured_times_and_empty_descriptions() -> None:
    rows = split_portal_methods(
        HEADER + "Trực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phíQua Cổng DVC"
        "Trực tiếp1Miễn phí"
    )
    assert [(r.channel, r.structured, r.description) for r in rows] == [
        ("online", "Không phải trả kết quả cho người nộp thuế", "Qua Cổng DVC"),
        ("counter", "1", ""),
    ]


def test_text_without_rows() -> None:
    assert split_portal_methods(HEADER) == ()
    assert split_portal_methods("") == ()
