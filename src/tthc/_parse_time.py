"""Private: read processing-time texts (thời hạn giải quyết) into :class:`ProcessingTime`.

The reader works on a normalised copy of the text (NFC, single spaces, ``...`` → ``…``) and its
lower-case twin of the same length, so that every span found in the lower-case text maps back to
the original wording. All regular expressions are linear: no nested unbounded repetition, and the
input is capped at :data:`MAX_TEXT_LENGTH` characters before any of them runs.

Reading order:

1. whole-text shapes: "Không quy định", "Không có thông tin", "Xem phần mô tả", a bare number;
2. parts separated by ``||``; a part made only of ``Kênh: thời hạn`` pairs is a per-channel list;
3. items: list lines (``- ``, ``+ ``), ``Bước N:`` steps; an item may start with a label
   (``Trường hợp ...:``, ``Thời hạn giải quyết:``, ``Bước 3:``);
4. in each sentence: durations (number + unit), same-day and immediate phrases, the 15-hour
   cut-off, the start anchor, conditions (``trường hợp ... thì``, ``đối với ...``,
   ``... với trường hợp ...``), bound words, per-item limits, exclusions, agency splits;
5. assembly: unconditioned limits → base (two different ones are refused unless an agency or
   stage separates them), conditions about verification / complexity / remote areas / "kéo dài
   thêm" → alternatives, other conditions → cases.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
import unicodedata
from decimal import Decimal

import attrs

from tthc._durations import (
    AgencyShare,
    Alternative,
    AlternativeKind,
    CaseKind,
    CutoffRule,
    Duration,
    DurationUnit,
    ProcessingCase,
    ProcessingTime,
)
from tthc.errors import DurationError, InputTypeError, ProcessingTimeParseError

__all__ = ["MAX_TEXT_LENGTH", "parse_processing_time"]

#: Longest text accepted (characters). Real processing-time texts are under 2,000 characters.
MAX_TEXT_LENGTH = 10_000

# --- lexical patterns (all linear) --------------------------------------------------------------

_NUM = r"[0-9]+(?:[.,][0-9]+)?"
_W = r"(?:mươi|mười|một|mốt|bốn|bảy|bẩy|sáu|tám|chín|năm|lăm|hai|trăm|linh|lẻ|nửa|ba|tư)(?!\w)"
_WORDS = rf"{_W}(?: {_W}){{0,4}}"
_UNIT = (
    r"(?P<unit>ngày làm việc|ngày(?! công| lễ)|giờ làm việc|giờ|phút làm việc|phút|tháng|tuần|năm"
    r"|buổi làm việc|buổi)(?!\w)"
)
_MENTION = re.compile(
    rf"(?<![\w/.,])(?:(?P<lo>{_NUM}) ?(?:-|–|đến|tới) ?)?"
    rf"(?:(?P<wb>{_WORDS}) ?\( ?(?P<db>{_NUM}) ?\)"
    rf"|(?P<d>{_NUM})(?: ?\( ?(?P<wa>{_WORDS}) ?\))?"
    rf"|(?P<w>{_WORDS}))"
    rf" ?{_UNIT}"
)
_CUTOFF = re.compile(
    r"(?<!\w)sau (?P<h>[0-9]{1,2})(?: ?(?:giờ|h)(?: ?(?P<m>[0-9]{2})(?: ?phút)?)?|:(?P<m2>[0-9]{2}))"
    r"(?!\w)"
)
_SAME_DAY = re.compile(
    r"(?<!\w)(?:ngay )?trong ngày(?! làm việc tiếp theo| tiếp theo| [0-9])(?!\w)"
)
_IMMEDIATE = re.compile(
    r"(?<!\w)(?:(?:cấp|giải quyết|trả kết quả|trả|thực hiện|xử lý|cấp phát) ngay(?! trong)(?!\w)"
    r"|ngay sau khi(?!\w))"
)
_OPENER = re.compile(r"(?<!\w)(?:trường hợp|nếu|đối với|ở vùng|ở các xã|tại các xã)(?!\w)")
_PLACE_OPENERS = ("ở vùng", "ở các xã", "tại các xã")
_TRAILING_CASE = re.compile(r"(?<!\w)(?:đối )?với trường hợp (?P<cond>[^;]+)")
_THEN = re.compile(r"(?<!\w)thì(?!\w)")
_MORE = re.compile(r"(?<!\w)thêm(?!\w)")
_BOUND = re.compile(
    r"(?<!\w)(?P<b>tối đa không quá|trong thời hạn chậm nhất|trong thời hạn tối đa"
    r"|trong thời hạn không quá|nhưng không quá|không quá|tối đa|chậm nhất sau|chậm nhất"
    r"|trong vòng|trong thời hạn|trong)[ ,:]*$"
)
_ANCHOR = re.compile(r"(?<!\w)(?:kể từ|tính từ)(?!\w)")
_ANCHOR_END = re.compile(r"[,;(]|…|\. | đối với | với trường hợp | thì |$")
_PER_UNIT = re.compile(r" ?/ ?(?P<per>[^,.;()…]{1,80})")
_PAREN = re.compile(r"\((?P<body>[^()]{1,400})\)")
_EXCLUSION = re.compile(r"(?<!\w)(?:không tính|không kể|không bao gồm) thời gian[^.;()]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])(?: |\n)|\n")
_ITEM_START = re.compile(r"(?:(?<=[.;:!?]) |\n|^)(?=(?:[-+•–*] |bước [0-9]+ ?[:.]))")
_LIST_MARK = re.compile(r"^[-+•–*] ")
_AGENCY = re.compile(
    r"(?<!\w)(?:phòng|cục|sở|ủy ban|uỷ ban|ubnd|công an|bộ phận|chi cục|văn phòng|trung tâm)(?!\w)"
)
_CHANNEL = re.compile(
    r"^ ?(?P<ch>trực tuyến|trực tiếp|dịch vụ bưu chính|qua dịch vụ bưu chính|bưu chính"
    r"|nộp trực tuyến|nộp trực tiếp) ?: ?(?P<value>.+)$"
)
_BARE_NUMBER = re.compile(rf"{_NUM}")
_NUMBER_AND_WORD = re.compile(rf"{_NUM} ?[^\W\d_]+(?: [^\W\d_]+)?")
_NO_LIMIT = re.compile(r"(?:thời hạn giải quyết ?: ?)?không quy định(?: thời hạn)?(?: giải quyết)?")
_REFERS = re.compile(r"^(?:thời hạn giải quyết ?: ?)?theo (?P<what>.+)$")
_HEADING = ("thời hạn", "thời gian", "cách thức", "trình tự")
_RECEPTION = ("thời gian tiếp nhận", "giờ hành chính", "giờ làm việc:")
_FEE_START = ("phí", "lệ phí", "mức thu")
_APPLICANT = (
    "có trách nhiệm đăng ký",
    "kể từ ngày sinh",
    "hoàn thiện hồ sơ",
    "niêm yết",
    "liên tục",
    "xác nhận (",
    "người yêu cầu phải",
    "phải nộp",
)
_ENUM_INTRO = ("như", "gồm", "sau")
_KIND_WORDS: tuple[tuple[AlternativeKind, tuple[str, ...]], ...] = (
    (AlternativeKind.VERIFICATION, ("xác minh", "thẩm tra", "giám định")),
    (AlternativeKind.COMPLEXITY, ("phức tạp",)),
    (
        AlternativeKind.REMOTE_AREA,
        ("vùng sâu", "vùng xa", "đi lại khó khăn", "cách xa", "hải đảo", " km"),
    ),
)
_DIGIT_WORDS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
_UNIT_AFTER_TENS = {**_DIGIT_WORDS, "mốt": 1, "lăm": 5, "tư": 4}


def _words_value(words: str) -> Decimal | None:
    """Value of a Vietnamese number written in words (0.5 for "nửa"), or None."""
    toks = words.split()
    if toks == ["nửa"]:
        return Decimal("0.5")
    value = 0
    if len(toks) >= 2 and toks[1] == "trăm":
        hundreds = _DIGIT_WORDS.get(toks[0])
        if hundreds is None:
            return None
        value = hundreds * 100
        toks = toks[2:]
        if toks and toks[0] in ("linh", "lẻ"):
            if len(toks) != 2 or toks[1] not in _DIGIT_WORDS:
                return None
            return Decimal(value + _DIGIT_WORDS[toks[1]])
    if not toks:
        return Decimal(value) if value else None
    if toks[0] == "mười":
        tens, rest = 10, toks[1:]
    elif len(toks) >= 2 and toks[1] == "mươi" and toks[0] in _DIGIT_WORDS:
        tens, rest = _DIGIT_WORDS[toks[0]] * 10, toks[2:]
    elif len(toks) == 1 and toks[0] in _DIGIT_WORDS:
        return Decimal(value + _DIGIT_WORDS[toks[0]])
    else:
        return None
    if not rest:
        return Decimal(value + tens)
    if len(rest) == 1 and rest[0] in _UNIT_AFTER_TENS and not (tens == 10 and rest[0] == "mốt"):
        return Decimal(value + tens + _UNIT_AFTER_TENS[rest[0]])
    return None


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[^\S\n]+", " ", text)
    text = re.sub(r" ?\n[ \n]*", "\n", text)
    text = re.sub(r"\.{2,}", "…", text)
    return text.replace("“", '"').replace("”", '"').strip()


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _clean(fragment: str) -> str:
    return fragment.strip(' \n,;:.…"-+–').strip()


def _refuse(
    reason: str, message: str, *, fragment: str, source: str, hint: str | None = None
) -> ProcessingTimeParseError:
    return ProcessingTimeParseError(
        f"Thời hạn giải quyết (processing time) cannot be read: {message}",
        hint=hint,
        reason=reason,
        fragment=fragment[:200],
        text=source[:200],
    )


@attrs.frozen(slots=True)
class _Mention:
    start: int
    end: int
    duration: Duration
    bound: str | None
    minimum: Duration | None
    condition: str
    kind: AlternativeKind | None
    additional: bool
    anchor: str | None
    per_unit: str | None
    source: str
    leading: bool = False

    @property
    def is_case(self) -> bool:
        return bool(self.condition) and self.kind is None and not self.additional

    @property
    def is_base(self) -> bool:
        return not self.condition and not self.additional and self.kind is None


@attrs.define(slots=True)
class _Cutoff:
    at: _dt.time
    rule: CutoffRule
    fragment: str


@attrs.define(slots=True)
class _Item:
    start: int
    end: int
    label: str | None = None
    kind: str = "plain"  # plain | heading | case | step | channel | ignore
    mentions: list[_Mention] = attrs.field(factory=list)
    cutoffs: list[_Cutoff] = attrs.field(factory=list)
    agencies: list[AgencyShare] = attrs.field(factory=list)


class _Reader:
    """One parse: the normalised text, its lower-case twin and what has been found so far."""

    def __init__(self, source: str, norm: str) -> None:
        self.source = source
        self.norm = norm
        self.low = _lower(norm)
        self.ignored: list[str] = []
        self.exclusions: list[str] = []
        self.clock_conditions: list[str] = []
        self.cutoffs: list[_Cutoff] = []
        self.agreement = False

    # --- entry ----------------------------------------------------------------------------------

    def read(self) -> ProcessingTime:
        low = self.low
        core = low.strip(" .;:\n")
        if _NO_LIMIT.fullmatch(core):
            return ProcessingTime(source=self.source, no_limit=True)
        if core.rstrip(".") in ("không có thông tin", "chưa có thông tin", "không có"):
            raise _refuse(
                "no_information",
                "the text says no information is available (không có thông tin)",
                fragment=self.norm,
                source=self.source,
                hint="look up the legal basis of the procedure for its time limit",
            )
        if core.startswith(("xem phần mô tả", "xem mô tả", "xem chi tiết")):
            raise _refuse(
                "see_description",
                "the text points to the description (xem phần mô tả) instead of giving a limit",
                fragment=self.norm,
                source=self.source,
                hint="parse the description text of the channel instead",
            )
        if _BARE_NUMBER.fullmatch(core):
            raise _refuse(
                "missing_unit",
                f"{self.norm!r} is a number without a unit (đơn vị); tthc does not guess "
                "whether it means working days, days or hours",
                fragment=self.norm,
                source=self.source,
                hint="pass the full wording, e.g. '5 ngày làm việc', or the legal text",
            )
        parts = self._split_parts()
        channel_cases: list[ProcessingCase] = []
        items: list[_Item] = []
        for start, end in parts:
            channels = self._channel_list(start, end)
            if channels is not None:
                channel_cases.extend(channels)
            else:
                items.extend(self._items(start, end))
        for item in items:
            self._read_item(item)
        result = self._assemble_top(items, channel_cases)
        if result is None:
            refers = _REFERS.match(core)
            if refers and not any(it.mentions for it in items):
                offset = len(low) - len(low.lstrip(" .;:\n"))
                what = _clean(self.norm[offset + refers.start("what") : offset + len(core)])
                return ProcessingTime(source=self.source, refers_to=what or None)
            if _NUMBER_AND_WORD.fullmatch(core):
                raise _refuse(
                    "unknown_unit",
                    f"the unit of {self.norm!r} is not a known time unit",
                    fragment=self.norm,
                    source=self.source,
                    hint="known units: ngày làm việc, ngày, tháng, giờ làm việc, giờ, phút",
                )
            hint = "no number with a time unit, same-day or immediate wording was found"
            if self.ignored:
                hint = (
                    "the only durations found are not processing times (applicant-side limits "
                    "or reception hours): " + "; ".join(self.ignored)[:150]
                )
            raise _refuse(
                "no_duration",
                "no processing time (thời hạn giải quyết) found in the text",
                fragment=self.norm,
                source=self.source,
                hint=hint,
            )
        return result

    # --- structure ------------------------------------------------------------------------------

    def _split_parts(self) -> list[tuple[int, int]]:
        parts: list[tuple[int, int]] = []
        pos = 0
        while True:
            nxt = self.low.find("||", pos)
            end = len(self.low) if nxt < 0 else nxt
            if self.low[pos:end].strip():
                parts.append((pos, end))
            if nxt < 0:
                return parts
            pos = nxt + 2

    def _channel_list(self, start: int, end: int) -> list[ProcessingCase] | None:
        pieces: list[tuple[str, str]] = []
        pos = start
        while pos <= end:
            nxt = self.low.find(";", pos, end)
            stop = end if nxt < 0 else nxt
            piece = self.low[pos:stop]
            if piece.strip():
                match = _CHANNEL.match(piece.strip())
                if match is None:
                    return None
                offset = pos + piece.index(piece.strip())
                label = self.norm[offset + match.start("ch") : offset + match.end("ch")]
                value = self.norm[offset + match.start("value") : offset + match.end("value")]
                pieces.append((label, value))
            if nxt < 0:
                break
            pos = nxt + 1
        if not pieces:
            return None
        return [
            ProcessingCase(label=label, kind=CaseKind.CHANNEL, time=parse_processing_time(value))
            for label, value in pieces
        ]

    def _items(self, start: int, end: int) -> list[_Item]:
        bounds = [m.start() for m in _ITEM_START.finditer(self.low, start, end)]
        cuts = sorted({start, *(b for b in bounds if start <= b < end)})
        items: list[_Item] = []
        for i, cut in enumerate(cuts):
            stop = cuts[i + 1] if i + 1 < len(cuts) else end
            text = self.low[cut:stop]
            stripped = text.lstrip(" \n")
            offset = cut + len(text) - len(stripped)
            mark = _LIST_MARK.match(stripped)
            if mark:
                offset += mark.end()
            if self.low[offset:stop].strip(" \n.;"):
                items.append(self._label(_Item(start=offset, end=stop)))
        return items

    def _label(self, item: _Item) -> _Item:
        body = self.low[item.start : item.end]
        colon = -1
        for i, char in enumerate(body):
            if char == ":" and not (
                0 < i < len(body) - 1 and body[i - 1].isdigit() and body[i + 1].isdigit()
            ):
                colon = i
                break
            if char in ".;\n" and body[i + 1 : i + 2] in (" ", "\n", ""):
                break
        if colon < 0 or colon > 250:
            return item
        label_low = body[:colon].strip()
        if not label_low or _MENTION.search(label_low) or _SAME_DAY.search(label_low):
            return item
        label = _clean(self.norm[item.start : item.start + colon])
        rest_start = item.start + colon + 1
        if label_low.startswith("bước"):
            return _Item(rest_start, item.end, label, "step")
        if label_low.startswith(_RECEPTION) or label_low.startswith(_FEE_START):
            return _Item(rest_start, item.end, label, "ignore")
        if label_low.startswith(_HEADING):
            return _Item(rest_start, item.end, label, "heading")
        if _CHANNEL.match(label_low + ": x"):
            return _Item(rest_start, item.end, label, "channel")
        if label_low.split()[-1] in _ENUM_INTRO:
            return _Item(rest_start, item.end, None, "plain")
        first = self._sentences(rest_start, item.end)
        if first:
            s, e = first[0]
            sentence = self.low[s:e]
            if not (
                _MENTION.search(sentence)
                or _SAME_DAY.search(sentence)
                or _IMMEDIATE.search(sentence)
            ):
                return _Item(rest_start, item.end, None, "plain")
        return _Item(rest_start, item.end, label, "case")

    def _sentences(self, start: int, end: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        pos = start
        for match in _SENTENCE_END.finditer(self.low, start, end):
            if self.low[pos : match.start()].strip():
                out.append((pos, match.start()))
            pos = match.end()
        if self.low[pos:end].strip():
            out.append((pos, end))
        return out

    # --- one item -------------------------------------------------------------------------------

    def _read_item(self, item: _Item) -> None:
        low = self.low
        if "thỏa thuận" in low[item.start : item.end] or "thoả thuận" in low[item.start : item.end]:
            self.agreement = True
        consumed: list[tuple[int, int]] = []
        for match in _PAREN.finditer(low, item.start, item.end):
            body = match.group("body")
            if body.startswith(("không tính", "không kể", "không bao gồm")):
                self.exclusions.append(_clean(self.norm[match.start("body") : match.end("body")]))
                consumed.append(match.span())
            elif ":" in body and _MENTION.search(body):
                shares = self._agency_shares(match.start("body"), match.end("body"))
                if shares:
                    item.agencies.extend(shares)
                    consumed.append(match.span())
        for match in _EXCLUSION.finditer(low, item.start, item.end):
            if not any(s <= match.start() < e for s, e in consumed):
                self.exclusions.append(_clean(self.norm[match.start() : match.end()]))
                consumed.append(match.span())
        for s_start, s_end in self._sentences(item.start, item.end):
            self._read_sentence(item, s_start, s_end, consumed)

    def _agency_shares(self, start: int, end: int) -> list[AgencyShare]:
        shares: list[AgencyShare] = []
        pos = start
        while pos < end:
            nxt = self.low.find(";", pos, end)
            stop = end if nxt < 0 else nxt
            piece = self.low[pos:stop]
            colon = piece.find(":")
            match = _MENTION.search(piece)
            if colon < 0 or match is None or match.start() < colon:
                return []
            duration = self._duration(match, pos)
            shares.append(AgencyShare(_clean(self.norm[pos : pos + colon]), duration))
            pos = stop + 1
        return shares

    def _read_sentence(
        self, item: _Item, start: int, end: int, consumed: list[tuple[int, int]]
    ) -> None:
        low = self.low
        sentence = low[start:end]
        text = sentence.strip(" \n")
        skip = text.startswith(_FEE_START) or any(word in text for word in _RECEPTION)
        if item.kind == "ignore":
            skip = True
        for match in _CUTOFF.finditer(low, start, end):
            before = low[max(start, match.start() - 60) : match.start()]
            after = low[match.end() : match.end() + 12]
            if "nhận" not in before or "chậm nhất" in before[-15:]:
                continue
            if after.startswith((" kể từ", " tính từ", " làm việc")):
                continue
            self._cutoff(item, match, sentence)
            consumed.append(match.span())
        found: list[tuple[int, int, Duration, re.Match[str] | None]] = []
        for match in _MENTION.finditer(low, start, end):
            if any(s <= match.start() < e for s, e in consumed):
                continue
            if self._not_a_duration(match, start):
                continue
            if skip or self._applicant_side(match, start, end):
                self.ignored.append(_clean(self._clause(match.start(), match.end(), start, end)))
                continue
            found.append((match.start(), match.end(), self._duration(match, 0), match))
        if not skip:
            for match in _SAME_DAY.finditer(low, start, end):
                if not any(s <= match.start() < e for s, e, _, _ in found):
                    found.append((match.start(), match.end(), Duration.same_day(None), None))
            for match in _IMMEDIATE.finditer(low, start, end):
                if not any(s <= match.start() < e for s, e, _, _ in found):
                    found.append((match.start(), match.end(), Duration.immediate(), None))
        found.sort(key=lambda f: f[0])
        if not found and not skip and "được tính từ" in sentence and not item.cutoffs:
            self.clock_conditions.append(_clean(self.norm[start:end]))
            return
        first_condition = ""
        previous_end = start
        for index, (m_start, m_end, duration, m_match) in enumerate(found):
            next_start = found[index + 1][0] if index + 1 < len(found) else end
            mention = self._mention(
                m_start,
                m_end,
                duration=duration,
                match=m_match,
                previous_end=previous_end,
                next_start=next_start,
                s_start=start,
                s_end=end,
            )
            if index == 0:
                first_condition = mention.condition if mention.leading else ""
            elif first_condition and mention.leading and first_condition != mention.condition:
                mention = attrs.evolve(mention, condition=f"{first_condition}; {mention.condition}")
            item.mentions.append(mention)
            previous_end = m_end

    def _cutoff(self, item: _Item, match: re.Match[str], sentence: str) -> None:
        hour = int(match.group("h"))
        minute = int(match.group("m") or match.group("m2") or 0)
        if hour > 23 or minute > 59:
            raise _refuse(
                "bad_cutoff",
                f"cut-off time {match.group(0)!r} is not a time of day",
                fragment=self.norm[match.start() : match.end()],
                source=self.source,
            )
        if "bắt đầu từ ngày làm việc tiếp theo" in sentence or "tính từ ngày làm việc tiếp" in (
            sentence
        ):
            rule = CutoffRule.START_NEXT_WORKING_DAY
        else:
            rule = CutoffRule.RESULT_NEXT_WORKING_DAY
        cutoff = _Cutoff(_dt.time(hour, minute), rule, self.norm[match.start() : match.end()])
        for other in self.cutoffs:
            if other.at != cutoff.at or other.rule is not cutoff.rule:
                raise _refuse(
                    "conflicting_cutoffs",
                    f"two different cut-offs: {other.fragment!r} and {cutoff.fragment!r}",
                    fragment=cutoff.fragment,
                    source=self.source,
                )
        self.cutoffs.append(cutoff)
        item.cutoffs.append(cutoff)

    def _not_a_duration(self, match: re.Match[str], floor: int) -> bool:
        """Dates ("ngày 15 tháng 3") and times of day ("từ 7 giờ 30") are not durations."""
        low = self.low
        before = low[max(floor, match.start() - 20) : match.start()].split()
        prev = before[-1] if before else ""
        after = low[match.end() : match.end() + 4]
        if prev in ("ngày", "tháng", "thứ") or after[:2].strip().isdigit():
            return True
        unit = match.group("unit")
        return (
            unit == "giờ"
            and prev in ("lúc", "từ", "đến", "tới", "trước", "sau")
            and (prev != "sau" or "chậm nhất" not in " ".join(before[-3:]))
        )

    def _applicant_side(self, match: re.Match[str], start: int, end: int) -> bool:
        clause = self.low[max(start, match.start() - 60) : min(end, match.end() + 60)]
        return any(marker in clause for marker in _APPLICANT)

    def _clause(self, m_start: int, m_end: int, start: int, end: int) -> str:
        left = self.low.rfind(";", start, m_start)
        right = self.low.find(";", m_end, end)
        return self.norm[
            max(start, left + 1, m_start - 150) : min(right if right >= 0 else end, m_end + 150)
        ]

    def _duration(self, match: re.Match[str], offset: int) -> Duration:
        fragment = self.norm[offset + match.start() : offset + match.end()]
        value = self._value(match, fragment)
        unit = match.group("unit")
        amount, kind = value, DurationUnit.CALENDAR_DAY
        if unit == "ngày làm việc":
            kind = DurationUnit.WORKING_DAY
        elif unit == "ngày" and value == Decimal("0.5") and match.group("w") == "nửa":
            raise _refuse(
                "ambiguous_half_day",
                f"{fragment!r}: half a calendar day is meaningless; 'nửa ngày làm việc' or "
                "'buổi' is half a working day",
                fragment=fragment,
                source=self.source,
            )
        elif unit == "ngày":
            kind = DurationUnit.CALENDAR_DAY
        elif unit in ("buổi", "buổi làm việc"):
            amount, kind = value / 2, DurationUnit.WORKING_DAY
        elif unit == "giờ làm việc":
            kind = DurationUnit.WORKING_HOUR
        elif unit == "giờ":
            kind = DurationUnit.CLOCK_HOUR
        elif unit == "phút làm việc":
            kind = DurationUnit.WORKING_MINUTE
        elif unit == "phút":
            kind = DurationUnit.CLOCK_MINUTE
        elif unit == "tháng":
            kind = DurationUnit.MONTH
        elif unit == "tuần":
            amount = value * 7
        else:  # năm (years): a year is 12 months for the Civil Code (Art. 148.4 vs 148.3)
            amount, kind = value * 12, DurationUnit.MONTH
        try:
            return Duration(amount, kind)
        except DurationError as err:
            raise _refuse(
                "invalid_amount",
                f"{fragment!r}: {err.message}",
                fragment=fragment,
                source=self.source,
                hint=err.hint,
            ) from None

    def _value(self, match: re.Match[str], fragment: str) -> Decimal:
        digits = match.group("db") or match.group("d")
        words = match.group("wb") or match.group("wa") or match.group("w")
        number = Decimal(digits.replace(",", ".")) if digits else None
        spelled = _words_value(words) if words else None
        if number is not None and words is not None and spelled != number:
            raise _refuse(
                "number_mismatch",
                f"{fragment!r}: the number in words and the number in digits disagree",
                fragment=fragment,
                source=self.source,
            )
        value = number if number is not None else spelled
        if value is None:
            raise _refuse(
                "bad_number",
                f"{fragment!r}: the number cannot be read",
                fragment=fragment,
                source=self.source,
            )
        low = match.group("lo")
        if low is not None and Decimal(low.replace(",", ".")) >= value:
            raise _refuse(
                "bad_range",
                f"{fragment!r}: the range's lower end is not below its upper end",
                fragment=fragment,
                source=self.source,
            )
        return value

    def _mention(
        self,
        m_start: int,
        m_end: int,
        *,
        duration: Duration,
        match: re.Match[str] | None,
        previous_end: int,
        next_start: int,
        s_start: int,
        s_end: int,
    ) -> _Mention:
        low, norm = self.low, self.norm
        prefix = low[previous_end:m_start]
        semi = prefix.rfind(";")
        clause_start = previous_end + semi + 1 if semi >= 0 else previous_end
        clause = low[clause_start:m_start]
        condition = ""
        leading = False
        search_from = previous_end if (semi < 0 or _THEN.search(clause)) else clause_start
        openers = list(_OPENER.finditer(low, search_from, m_start))
        if openers:
            opener = openers[-1]
            # "ở vùng sâu", "tại các xã": the opener word is part of the condition's wording
            cond_start = opener.start() if opener.group(0) in _PLACE_OPENERS else opener.end()
            thens = list(_THEN.finditer(low, opener.end(), m_start))
            cond_end = thens[-1].start() if thens else m_start
            raw = norm[cond_start:cond_end]
            if not thens:
                cut = _BOUND.search(low[cond_start:cond_end])
                if cut:
                    raw = norm[cond_start : cond_start + cut.start()]
            condition = _clean(raw)
            leading = bool(condition)
        elif previous_end > s_start and _kind_of(clause) is not None:
            # elided wording ("… vụ việc phức tạp … không quá 45 ngày"): the words between the
            # previous limit and this one name the condition
            cut = _BOUND.search(clause)
            condition = _clean(
                norm[clause_start : clause_start + (cut.start() if cut else len(clause))]
            )
        suffix_end = low.find(";", m_end, next_start)
        suffix_end = next_start if suffix_end < 0 else suffix_end
        suffix = low[m_end:suffix_end]
        if not condition:
            trailing = _TRAILING_CASE.search(suffix)
            if trailing:
                condition = _clean(
                    norm[m_end + trailing.start("cond") : m_end + trailing.end("cond")]
                )
        bound_match = _BOUND.search(low[max(clause_start, m_start - 40) : m_start])
        bound = bound_match.group("b") if bound_match else None
        kind_text = f"{condition.lower()} {clause}"
        kind: AlternativeKind | None = None
        for candidate, words in _KIND_WORDS:
            if any(w in kind_text for w in words):
                kind = candidate
                break
        additional = bool(_MORE.search(clause))
        if kind is None and additional:
            kind = AlternativeKind.EXTENSION
        if not condition and kind is not None and not additional:
            kind = None  # e.g. "thời hạn giải quyết khiếu nại" with no condition: the base
        anchor = None
        anchor_match = _ANCHOR.search(low, m_end, suffix_end) or _ANCHOR.search(
            low, clause_start, m_start
        )
        if anchor_match:
            stop = _ANCHOR_END.search(low, anchor_match.end(), max(suffix_end, anchor_match.end()))
            stop_at = stop.start() if stop and stop.start() > anchor_match.end() else suffix_end
            if anchor_match.start() < m_start:
                stop_at = min(stop_at, m_start)
            anchor = _clean(norm[anchor_match.start() : stop_at]) or None
        per_unit = None
        minimum = None
        if match is not None:
            per = _PER_UNIT.match(low, m_end, suffix_end)
            if per:
                per_unit = _clean(norm[per.start("per") : per.end("per")])
            if match.group("lo") is not None:
                minimum = Duration(Decimal(match.group("lo").replace(",", ".")), duration.unit)
        return _Mention(
            start=m_start,
            end=m_end,
            duration=duration,
            bound=bound,
            minimum=minimum,
            condition=condition,
            kind=kind,
            additional=additional,
            anchor=anchor,
            per_unit=per_unit,
            source=_clean(self._clause(m_start, m_end, s_start, s_end)),
            leading=leading,
        )

    # --- assembly -------------------------------------------------------------------------------

    def _assemble_top(
        self, items: list[_Item], channel_cases: list[ProcessingCase]
    ) -> ProcessingTime | None:
        top: list[_Mention] = []
        alternatives: list[Alternative] = []
        cases: list[ProcessingCase] = list(channel_cases)
        agencies: list[AgencyShare] = []
        cutoff = self.cutoffs[0] if self.cutoffs else None
        for item in items:
            mentions = [self._with_cutoff(m, item) for m in item.mentions]
            if item.kind in ("case", "channel", "step") and item.label:
                label_kind = _kind_of(item.label)
                if item.kind == "case" and label_kind is not None:
                    for m in mentions:
                        condition = f"{item.label}; {m.condition}" if m.condition else item.label
                        alternatives.append(
                            Alternative(
                                m.duration,
                                m.kind or label_kind,
                                condition,
                                m.additional,
                                m.source,
                            )
                        )
                    continue
                sub = self._assemble(mentions, item.agencies, self.norm[item.start : item.end])
                if sub is not None:
                    kind = {"channel": CaseKind.CHANNEL, "step": CaseKind.STEP}.get(
                        item.kind, CaseKind.CASE
                    )
                    cases.append(ProcessingCase(item.label, kind, sub))
                continue
            top.extend(mentions)
            agencies.extend(item.agencies)
        result = self._assemble(
            top, agencies, self.source, extra_alternatives=alternatives, extra_cases=cases
        )
        if result is None:
            return None
        return attrs.evolve(
            result,
            source=self.source,
            extension_by_agreement=self.agreement,
            cutoff=cutoff.at if cutoff else None,
            cutoff_rule=cutoff.rule if cutoff else None,
            exclusions=tuple(dict.fromkeys(self.exclusions)),
            clock_conditions=tuple(dict.fromkeys(self.clock_conditions)),
            ignored=tuple(dict.fromkeys(self.ignored)),
        )

    def _with_cutoff(self, mention: _Mention, item: _Item) -> _Mention:
        if mention.duration.unit is not DurationUnit.SAME_DAY:
            return mention
        for cutoff in item.cutoffs or self.cutoffs:
            if cutoff.rule is CutoffRule.RESULT_NEXT_WORKING_DAY:
                return attrs.evolve(mention, duration=Duration.same_day(cutoff.at))
        return mention

    def _assemble(
        self,
        mentions: list[_Mention],
        agencies: list[AgencyShare],
        source: str,
        *,
        extra_alternatives: list[Alternative] | None = None,
        extra_cases: list[ProcessingCase] | None = None,
    ) -> ProcessingTime | None:
        alternatives = list(extra_alternatives or [])
        cases = list(extra_cases or [])
        base_mentions: list[_Mention] = []
        for m in mentions:
            if m.is_base:
                base_mentions.append(m)
            elif m.is_case:
                cases.append(
                    ProcessingCase(
                        m.condition,
                        CaseKind.CASE,
                        ProcessingTime(
                            source=m.source,
                            base=m.duration,
                            bound=m.bound,
                            minimum=m.minimum,
                            start_anchor=m.anchor,
                            per_unit=m.per_unit,
                        ),
                    )
                )
            else:
                kind = m.kind if m.kind is not None else AlternativeKind.EXTENSION
                alternatives.append(
                    Alternative(m.duration, kind, m.condition, m.additional, m.source)
                )
        distinct: list[_Mention] = []
        for m in base_mentions:
            if all(m.duration != d.duration or m.per_unit != d.per_unit for d in distinct):
                distinct.append(m)
        base: _Mention | None = None
        stages: list[AgencyShare] = []
        if len(distinct) == 1:
            base = distinct[0]
        elif len(distinct) > 1:
            stages = self._stages(base_mentions)
        anchor = base.anchor if base else next((m.anchor for m in mentions if m.anchor), None)
        base_duration = base.duration if base else None
        if base_duration is None and not stages and cases:
            bases = {c.time.base for c in cases}
            if len(bases) == 1 and None not in bases and all(not c.time.per_unit for c in cases):
                base_duration = cases[0].time.base
                anchors = {c.time.start_anchor for c in cases}
                if anchor is None and len(anchors) == 1:
                    anchor = anchors.pop()
        if base_duration is None and not stages and not cases and not alternatives:
            implied = self._implied_same_day()
            if implied is None:
                return None
            base_duration = implied
        return ProcessingTime(
            source=source,
            base=base_duration,
            bound=base.bound if base else None,
            minimum=base.minimum if base else None,
            alternatives=tuple(alternatives),
            cases=tuple(cases),
            agencies=tuple(agencies) + tuple(stages),
            start_anchor=anchor,
            per_unit=base.per_unit if base else None,
        )

    def _implied_same_day(self) -> Duration | None:
        """A cut-off with "… trong ngày làm việc tiếp theo" and nothing else implies same day."""
        for cutoff in self.cutoffs:
            if cutoff.rule is CutoffRule.RESULT_NEXT_WORKING_DAY:
                return Duration.same_day(cutoff.at)
        return None

    def _stages(self, mentions: list[_Mention]) -> list[AgencyShare]:
        """Two different unconditioned limits: stages of different agencies, or a conflict."""
        shares: list[AgencyShare] = []
        left = mentions[0].start
        for first, second in itertools.pairwise(mentions):
            between = list(_AGENCY.finditer(self.low, first.end, second.start))
            if not between:
                raise _refuse(
                    "conflicting_durations",
                    f"two different limits with no condition: {first.duration} and "
                    f"{second.duration}",
                    fragment=self.norm[first.start : second.end],
                    source=self.source,
                    hint="tthc does not pick one; mark one as a case or condition",
                )
            cut = between[-1].start()
            shares.append(AgencyShare(_clean(self.norm[left:cut]), first.duration))
            left = cut
        last = mentions[-1]
        stop = self.low.find(".", last.end)
        shares.append(
            AgencyShare(
                _clean(self.norm[left : stop if stop >= 0 else len(self.norm)]), last.duration
            )
        )
        return shares


def _kind_of(label: str) -> AlternativeKind | None:
    low = label.lower()
    for kind, words in _KIND_WORDS:
        if any(w in low for w in words):
            return kind
    return None


def parse_processing_time(text: str) -> ProcessingTime:
    """Read a processing-time text (thời hạn giải quyết) into a :class:`ProcessingTime`.

    Reads the portal's structured column ("5 Ngày làm việc", "10 Ngày", "1 Giờ", "1.5 Ngày làm
    việc", "Trực tuyến: 15 Ngày làm việc; Trực tiếp: 5 Ngày làm việc") and the prose of
    procedure descriptions and legal texts: leading zeros, numbers in words with digits in
    brackets ("năm (05)"), comma or dot decimals, ranges ("Từ 10 - 15 ngày"), bound words,
    start anchors, the same-day rule with its cut-off ("sau 15 giờ"), immediate results,
    conditional alternatives, extensions by agreement, splits per case, channel, step or agency,
    per-item limits, "Không quy định" and references elsewhere.

    Args:
        text: The text, at most :data:`MAX_TEXT_LENGTH` characters.

    Returns:
        The structured reading; ``source`` keeps ``text`` unchanged.

    Raises:
        InputTypeError: ``text`` is not a ``str``.
        ProcessingTimeParseError: the text cannot be read without guessing. ``context['reason']``
            is a stable sub-code (``missing_unit``, ``unknown_unit``, ``no_information``,
            ``see_description``, ``no_duration``, ``conflicting_durations``,
            ``conflicting_cutoffs``, ``number_mismatch``, ``bad_number``, ``bad_range``,
            ``bad_cutoff``, ``invalid_amount``, ``ambiguous_half_day``, ``empty``, ``too_long``)
            and ``context['fragment']`` the offending part of the text.
    """
    if not isinstance(text, str):
        raise InputTypeError(
            f"Thời hạn giải quyết (processing time): text must be a str, got {type(text).__name__}",
            argument="text",
            got=type(text).__name__,
        )
    if len(text) > MAX_TEXT_LENGTH:
        raise _refuse(
            "too_long",
            f"the text has {len(text)} characters, more than the {MAX_TEXT_LENGTH} accepted",
            fragment=text[:80],
            source=text,
            hint="pass only the processing-time part of the procedure description",
        )
    norm = _normalize(text)
    if not norm.strip(" .;:-"):
        raise _refuse("empty", "the text is empty", fragment=text, source=text)
    return _Reader(text, norm).read()
