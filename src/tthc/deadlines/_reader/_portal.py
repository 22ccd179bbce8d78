"""Split the portal's flattened "Cách thức thực hiện" table back into channels.

The national portal (Cổng Dịch vụ công quốc gia) shows, per submission channel (hình thức nộp:
Trực tiếp, Trực tuyến, Dịch vụ bưu chính), a structured time, a fee and a free-text description
(mô tả). Crawlers flatten the table into one string with no separators::

    Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 Ngày làm việcMiễn phíTrong thời hạn ...

`split_portal_methods` recovers the rows. A channel name only starts a row when a structured
time and a fee follow it, so the words "Trực tuyến" inside a description do not split it.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["PortalChannel", "split_portal_methods"]

_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
_CHANNELS = {"Trực tiếp": "counter", "Trực tuyến": "online", "Dịch vụ bưu chính": "post"}
_UNITS = "Ngày làm việc|Ngày|Giờ|Tháng|Năm|Phút|Tuần"
_AMOUNT = r"\d[\d.,]*\s?(?:Việt Nam Đồng|VNĐ|Đồng|USD)"
#: Non-numeric structured times the portal shows.
_FREE_TIMES = (
    r"Không phải trả kết quả cho người nộp thuế|Không quy định|Không ?|Xem phần mô tả"
    r"|Hệ thống [^.()]{1,150}\."
)
_FEE_START = rf"(?:Miễn phí|Không có thông tin|{_AMOUNT})"
#: A row start: channel, structured time (number + unit, "Không có thông tin" or a bare number),
#: then the start of a fee.
_ROW = re.compile(
    r"(?P<channel>Trực tiếp|Trực tuyến|Dịch vụ bưu chính)"
    rf"(?P<time>\d+(?:[.,]\d+)? (?:{_UNITS})|Không có thông tin|\d+(?:[.,]\d+)?|{_FREE_TIMES})?"
    rf"(?={_FEE_START})"
)
_FEE_HEAD = re.compile(rf"Miễn phí|Không có thông tin|{_AMOUNT}")


@attrs.frozen(slots=True)
class PortalChannel:
    """One row of the portal's "Cách thức thực hiện" table.

    Attributes:
        channel: ``"counter"`` (Trực tiếp), ``"online"`` (Trực tuyến) or ``"post"`` (Dịch vụ
            bưu chính).
        structured: The portal's structured time as shown ("5 Ngày làm việc", "1",
            "Không có thông tin"), ``""`` when absent, or ``None`` when a bare number runs into
            a fee amount and the two cannot be told apart ("120 VNĐ": 1 + 20 VNĐ or 12 + 0 VNĐ).
        fee: The fee text (amounts and their bracketed notes).
        description: The free-text description (mô tả), the legal wording to read.
    """

    channel: str
    structured: str | None
    fee: str
    description: str


def _fee_end(text: str, pos: int) -> int:
    """Index just after the fee items that start at ``pos`` (amounts and bracketed notes)."""
    while True:
        match = _FEE_HEAD.match(text, pos)
        if match is None:
            return pos
        pos = match.end()
        while pos < len(text) and text[pos] == "(":
            pos = _bracket_end(text, pos)


def _bracket_end(text: str, pos: int) -> int:
    """Index just after the bracket opened at ``pos``; the end of text when it never closes."""
    depth = 0
    for index in range(pos, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index + 1
    return len(text)


def _row_starts(body: str) -> list[re.Match[str]]:
    """Row starts, skipping channel names met inside a fee (kept with their row)."""
    starts: list[re.Match[str]] = []
    limit = 0
    for match in _ROW.finditer(body):
        if match.start() < limit:
            continue
        starts.append(match)
        limit = _fee_end(body, match.end())
    return starts


def split_portal_methods(text: str) -> tuple[PortalChannel, ...]:
    """Split a flattened "Cách thức thực hiện" string into its channel rows.

    Args:
        text: The crawler's string (with or without the header).

    Returns:
        The rows in order; empty when no row can be found.
    """
    body = text[len(_HEADER) :] if text.startswith(_HEADER) else text
    starts = _row_starts(body)
    rows: list[PortalChannel] = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(body)
        fee_end = _fee_end(body, match.end())
        structured: str | None = match.group("time") or ""
        fee = body[match.end() : fee_end]
        if structured and structured[0].isdigit() and " " not in structured and fee[:1].isdigit():
            structured = None
        rows.append(
            PortalChannel(
                channel=_CHANNELS[match.group("channel")],
                structured=structured.strip() if structured else structured,
                fee=fee.strip(),
                description=body[fee_end:end].strip(),
            )
        )
    return tuple(rows)
