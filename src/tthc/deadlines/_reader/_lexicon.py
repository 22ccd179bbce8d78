"""The vocabulary of the grammar, in one place: every word list and pattern the reader uses.

Reading a rule here is reading the grammar (see docs/fundamentals/reading-processing-times.md).
All patterns run on normalised text (see ``_normalise``) and ignore case.
"""

from __future__ import annotations

import re

from tthc.deadlines._reader._numbers import DIGITS, WORDS

__all__ = [
    "ALTERNATIVE_KINDS",
    "APPLICANT",
    "APPLICANT_AFTER",
    "APPLICANT_LEAD",
    "BOUND_MAX",
    "BOUND_MIN",
    "BY_REFERENCE",
    "CASE_LEAD",
    "CASE_TRAIL",
    "CHANNEL_LABEL",
    "CONDITION_WORDS",
    "CUTOFF",
    "CUT_UNIT",
    "DURATION",
    "EXTENDS",
    "FIXED_DATE",
    "GENERAL_CASE",
    "GENERIC_LABEL",
    "HALF_DAY",
    "IMMEDIATE",
    "MARKER",
    "MASKS",
    "MISSING_UNIT",
    "NEXT_DAY_MAX",
    "NOT_COUNTED",
    "NO_LIMIT",
    "OTHER_CASES",
    "PER_UNIT",
    "POSTING",
    "RANGE",
    "REQUEST",
    "RESTART",
    "SAME_DAY",
    "SENTENCE",
    "SHARES_INTRO",
    "START_NEXT_DAY",
    "STEP_LABEL",
    "TIME_WORDS",
    "TITLE_THEN_METHOD",
    "TOTAL_COLON",
    "TOTAL_LEAD",
    "UNIT_OF",
    "VERIFY_CASE",
    "WHO_LABEL",
]

_I = re.IGNORECASE

# --- amounts ------------------------------------------------------------------------------------
#: A number (digits or words) optionally followed by the other form in brackets, then a unit.
DURATION = re.compile(
    rf"(?<![\w.,])(?:(?P<d1>{DIGITS})|(?P<w1>{WORDS}))"
    rf"(?:\s*\(\s*(?:(?P<d2>{DIGITS})|(?P<w2>{WORDS}))\s*\))?"
    r"\s*(?P<unit>ngày(?!\s+công\b)(?P<half1>\s+rưỡi)?(?P<wd>\s+làm\s+việc)?|giờ(?P<wh>\s+làm\s+việc)?"
    r"|phút(?P<wm>\s+làm\s+việc)?|tháng|năm|tuần(?P<ww>\s+làm\s+việc)?)"
    r"(?P<half2>\s+rưỡi)?(?!\w)(?!\s+(?:mươi|mười|trăm|nghìn|ngàn|lăm|linh|lẻ)\b)",
    _I,
)
#: Half a working day ("nửa ngày làm việc", "01 buổi làm việc").
HALF_DAY = re.compile(r"\b(?:nửa\s+ngày\s+làm\s+việc|(?:01|1|một)?\s*buổi(?:\s+làm\s+việc)?)\b", _I)
#: A number followed by "làm việc" with the unit word missing ("06 làm việc").
MISSING_UNIT = re.compile(rf"(?<![\w/.,])(?:{DIGITS})\s+làm\s+việc\b", _I)
#: A range of amounts ("10 - 15 ngày", "từ 10 đến 15 ngày").
RANGE = re.compile(r"\b\d+\s*(?:[-–]|đến)\s*\d+\s*(?:ngày|giờ|tháng|phút|năm)\b", _I)
#: Unit of the match groups of DURATION: (unit word, "làm việc" present) → reading unit.
UNIT_OF = {
    ("ngày", False): ("calendar_day", 1),
    ("ngày", True): ("working_day", 1),
    ("giờ", False): ("clock_hour", 1),
    ("giờ", True): ("working_hour", 1),
    ("phút", False): ("clock_minute", 1),
    ("phút", True): ("working_minute", 1),
    ("tháng", False): ("month", 1),
    ("năm", False): ("year", 1),
    ("tuần", False): ("calendar_day", 7),
    ("tuần", True): ("working_day", 5),
}
#: Digits that are not amounts: dates, document numbers, articles, money, numbering.
MASKS = (
    re.compile(r"\b\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\b"),
    re.compile(r"\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?", _I),
    re.compile(r"\btháng\s+\d{1,2}(?:\s+năm\s+\d{4})?", _I),
    re.compile(r"\bnăm\s+\d{4}\b", _I),
    re.compile(r"\b\d+(?:/\d+){0,4}/[\w-]+", _I),
    re.compile(
        r"\b(?:điều|khoản|điểm|mục|phần|chương|số|bước|tuổi|thứ|lần)\s+\d+(?:[.,]\d+){0,4}", _I
    ),
    re.compile(
        r"\b\d+(?:[.,]\d+){0,4}\s*(?:đồng|đ|vnđ|usd|%|km|cm|m|tờ|trang|bản|số|tuổi)(?!\w)", _I
    ),
    re.compile(r"\(\d+\)(?!\s*(?:ngày|giờ|tháng|năm|phút|tuần))", _I),
    re.compile(r"\([^()]*(?:đồng|triệu|nghìn|ngàn)\s*\)", _I),
    re.compile(r"\b\d+(?:\.\d+){1,4}\.(?=\s|$)"),
    # a structured row of the portal's table pasted into a description
    re.compile(
        r"(?:Trực tiếp|Trực tuyến|Dịch vụ bưu chính)\s+\d+(?:[.,]\d+)?\s+(?:Ngày|Giờ|Tháng)"
    ),
)

# --- bounds -------------------------------------------------------------------------------------
#: Words right before an amount that make it a maximum.
BOUND_MAX = re.compile(
    r"(?:không\s+(?:vượt\s+)?quá|tối\s+đa|chậm\s+nhất|trong\s+(?:thời\s+hạn|vòng|thời\s+gian)"
    r"|trong)(?:\s+(?:là|sau|không\s+quá|tối\s+đa|chậm\s+nhất))*\s*:?\s*$",
    _I,
)
#: Words right before an amount that make it a minimum (not a limit).
BOUND_MIN = re.compile(r"(?:tối\s+thiểu|ít\s+nhất)(?:\s+là)?\s*:?\s*$", _I)

# --- same day, immediate, cut-offs --------------------------------------------------------------
IMMEDIATE = re.compile(r"(?<!\w)ngay(?!\s+trong\s+ngày)(?!\w)", _I)
SAME_DAY = re.compile(
    r"(?:ngay\s+)?trong\s+(?:ngày\s+làm\s+việc|ngày)(?!\s+làm\s+việc\s+tiếp\s+theo)"
    r"(?!\s+tiếp\s+theo)(?=\s*(?:$|[.;,]|tiếp\s+nhận|nhận|cơ\s+quan|làm\s+việc|hoặc))",
    _I,
)
#: "chậm nhất trong ngày làm việc tiếp theo": at most the next working day.
NEXT_DAY_MAX = re.compile(r"chậm\s+nhất\s+(?:là\s+)?trong\s+ngày\s+làm\s+việc\s+tiếp\s+theo", _I)
#: "(tiếp) nhận / nộp ... sau 15 giờ (30) (chiều)": the cut-off.
CUTOFF = re.compile(
    r"(?:nhận|nộp)(?:\s+\w+){0,3}?\s+sau\s+(?P<h>\d{1,2})(?:\s*(?:giờ|g|h)(?!\w)"
    r"(?:\s*(?P<m>\d{1,2})(?:\s*phút)?)?|:(?P<m2>\d{2})(?!\d))"
    r"(?:\s+(?P<half>chiều|tối|sáng|trưa))?",
    _I,
)
#: After the cut-off the count starts the next working day (rather than the result moving).
START_NEXT_DAY = re.compile(r"(?:tính|bắt\s+đầu)[^.;]*?từ\s+ngày\s+làm\s+việc\s+tiếp\s+theo", _I)

# --- parts kept apart ---------------------------------------------------------------------------
POSTING = re.compile(r"niêm\s+yết", _I)
NOT_COUNTED = re.compile(r"không\s+(?:tính|kể|bao\s+gồm)", _I)
APPLICANT = re.compile(
    r"(?:người\s+nộp|người\s+yêu\s+cầu|người\s+đề\s+nghị|tổ\s+chức,\s+cá\s+nhân|chủ\s+đầu\s+tư"
    r"|người\s+dân|công\s+dân)[^.;]*?(?:phải|có\s+trách\s+nhiệm|bổ\s+sung|hoàn\s+thiện|nộp)"
    r"|(?:nộp|thanh\s+toán)\s+(?:phí|lệ\s+phí|tiền)"
    r"|(?:bổ\s+sung|hoàn\s+thiện|sửa\s+đổi)[^.;]*?(?:chủ\s+đầu\s+tư|người\s+nộp|tổ\s+chức,\s+cá\s+nhân)",
    _I,
)

#: The applicant's duty named right after the amount ("60 ngày kể từ ngày sinh con, cha hoặc
#: mẹ có trách nhiệm đăng ký"), or the applicant's completion of the dossier with no subject.
APPLICANT_AFTER = re.compile(
    r"^[^.;]{0,80}?có\s+trách\s+nhiệm\s+(?:đăng\s+ký|nộp)"
    r"|^[^.;]{0,40}?kể\s+từ\s+ngày\s+sinh",
    _I,
)
APPLICANT_LEAD = re.compile(r"^\W*(?:hoàn\s+thiện|bổ\s+sung)\s+hồ\s+sơ\s+trong\s*$", _I)
#: Words that make a later limit conditional: a sequence never runs through them.
CONDITION_WORDS = re.compile(
    r"\b(?:trường\s+hợp|nếu|phức\s+tạp|xác\s+minh|thẩm\s+tra|vùng\s+sâu|vùng\s+xa|kéo\s+dài"
    r"|gia\s+hạn)\b",
    _I,
)

# --- labels -------------------------------------------------------------------------------------
#: A case named before the time: "Trường hợp X:", "Đối với X thì", "X là".
CASE_LEAD = re.compile(
    r"^(?:trong\s+trường\s+hợp|đối\s+với(?:\s+đối\s+với)?(?:\s+với)?(?:\s+trường\s+hợp)?"
    r"|với\s+trường\s+hợp|trường\s+hợp|(?=các\s+trường\s+hợp))\s*",
    _I,
)
#: Requests named before their time ("cấp mới là 04 ngày", "cấp lại trong thời hạn 02 ngày").
REQUEST = re.compile(
    r"^(?:cấp|gia\s+hạn|phục\s+hồi|điều\s+chỉnh|sửa\s+đổi|thu\s+hồi|đổi|chấp\s+thuận"
    r"|công\s+bố|đăng\s+ký)\b",
    _I,
)
#: A case named after the time: "đối với (trường hợp) X", "với trường hợp X".
CASE_TRAIL = re.compile(r"\b(?:đối\s+với\s+)+(?:với\s+)?|\b(?:với|trong)\s+trường\s+hợp\s+", _I)
#: A label such as "Thời hạn giải quyết:" that names the time itself: transparent.
GENERIC_LABEL = re.compile(
    r"^(?:thời\s*(?:hạn|gian)(?:\s*giải\s+quyết)?(?:\s+hồ\s+sơ)?|cách\s+thức(?:\s+thực\s+hiện)?"
    r"|cách\s+thực\s+hiện|trả\s+kết\s+quả|lưu\s+ý)\s*$",
    _I,
)
#: Labels that name a step of the procedure (the items then follow one another).
STEP_LABEL = re.compile(
    r"^(?:thời\s+(?:hạn|gian)|bước|tiếp\s+nhận|kiểm\s+tra|thẩm\s+định|thông\s+báo|xem\s+xét"
    r"|rà\s+soát|lấy\s+ý\s+kiến|gửi|trình)\b",
    _I,
)
#: Labels that name a body (the item is that body's time).
WHO_LABEL = re.compile(
    r"^(?:sở|cục|bộ|ủy\s+ban|uỷ\s+ban|ubnd|chủ\s+tịch|cơ\s+quan|công\s+an|phòng|chi\s+cục"
    r"|tổng\s+cục|ngân\s+hàng|hội\s+đồng|văn\s+phòng)\b",
    _I,
)
CHANNEL_LABEL = re.compile(
    r"^(?:trực\s+tuyến|trực\s+tiếp|(?:qua\s+)?dịch\s+vụ\s+bưu\s+chính(?:\s+công\s+ích)?"
    r"|bưu\s+chính)",
    _I,
)
#: Case labels meaning "every other case": the default.
OTHER_CASES = re.compile(r"\b(?:các\s+)?trường\s+hợp\s+(?:khác|còn\s+lại)\b", _I)
#: "Trường hợp X: * Cách thực hiện: ...": the case is the title of the whole text, not a case
#: with no time.
TITLE_THEN_METHOD = re.compile(r"\s*[*\-+•]?\s*cách\s+(?:thức\s+)?thực\s+hiện\s*:", _I)
#: A case label that names the general rule ("Trường hợp thông thường: ..."): the default.
GENERAL_CASE = re.compile(
    r"^(?:(?:các\s+)?trường\s+hợp\s+)?(?:thông\s+thường|bình\s+thường|chung|general"
    r"|khác|còn\s+lại)$",
    _I,
)
#: A case label that names a verification ("trường hợp phải xác minh", "cần kiểm tra ...").
VERIFY_CASE = re.compile(
    r"^(?:(?:hồ\s+sơ\s+)?(?:cần\s+phải|phải|cần|có)\s+)?(?:tiến\s+hành\s+)?"
    r"(?:xác\s+minh|kiểm\s+tra|thẩm\s+tra)\b",
    _I,
)
#: Conditional limits: words → alternative kind.
ALTERNATIVE_KINDS = (
    ("verification", re.compile(r"xác\s+minh|thẩm\s+tra", _I)),
    ("consultation", re.compile(r"tham\s+vấn|lấy\s+ý\s+kiến", _I)),
    ("appraisal", re.compile(r"thẩm\s+định", _I)),
    ("reissue", re.compile(r"cấp\s+lại", _I)),
    ("other", re.compile(r"phức\s+tạp|lý\s+do\s+chính\s+đáng|kéo\s+dài|gia\s+hạn", _I)),
)
#: An alternative added to the base rather than replacing it.
EXTENDS = re.compile(r"kéo\s+dài\s+thêm|gia\s+hạn|tăng\s+thêm|thêm\s+không\s+quá", _I)

# --- whole-text refusals ------------------------------------------------------------------------
FIXED_DATE = re.compile(r"\b(?:trước|vào)\s+ngày\s+\d{1,2}\s*(?:tháng|/)", _I)
NO_LIMIT = re.compile(r"không\s+quy\s+định(?:\s+về)?\s+thời\s+hạn", _I)
BY_REFERENCE = re.compile(
    r"thời\s+(?:hạn|gian)(?:\s+giải\s+quyết)?\s*:\s*(?:theo|căn\s+cứ)\b"
    r"|^\W*(?:theo|căn\s+cứ)\s+(?:quy|thời\s+hạn)|quy\s+định\s+chi\s+tiết\s+trình\s+tự",
    _I,
)
#: Words that show a text talks about a time although no amount is given.
TIME_WORDS = re.compile(
    r"\bthời\s+hạn\b|\bthời\s+gian\s+(?:giải\s+quyết|thẩm\s+định|thực\s+hiện)"
    r"|\bkể\s+từ\s+(?:ngày|khi)\s+(?:\w+\s+){0,3}?nhận",
    _I,
)
#: Words right after a total that introduce its parts ("45 ngày, trong đó ...").
#: A stated total before its amount ("Tổng thời gian 15 ngày: Sở 10 ngày, UBND 05 ngày").
TOTAL_LEAD = re.compile(r"\btổng\s+(?:thời\s+gian|cộng|số)\b[^.;:]{0,40}$", _I)
#: The colon that hands a stated total over to its parts.
TOTAL_COLON = re.compile(r"\s*:", _I)
SHARES_INTRO = re.compile(r"\W*(?:trong(?:\s+đó)?|cụ\s+thể(?:\s+như\s+sau)?|bao\s+gồm)\b\s*:?", _I)
#: A unit cut short ("03 ngày làm" with "việc" lost at a line break).
CUT_UNIT = re.compile(r"\s+làm(?!\s*việc)\b", _I)
#: A later step counted again from the complete dossier: a restart, not a step.
RESTART = re.compile(
    r"\W*kể\s+từ\s+(?:ngày|khi)\s+nhận\s+(?:đủ|được\s+đầy\s+đủ|đầy\s+đủ)\s+hồ\s+sơ"
    r"(?:\s+hợp\s+lệ)?\s*[,.;]",
    _I,
)
#: An amount per unit of work ("07 ngày làm việc/tờ").
PER_UNIT = re.compile(r"\s*/\s*(?:\d+\s*)?[^\W\d]", _I)
#: Block markers: bullets and enumerations, with their rank (outer first).
MARKER = re.compile(
    r"(?:(?<=^)|(?<=[\s.;:)]))(?P<m>\+\+|[-+*•–]|[a-zđ]\)|\(\d+\)|\d+(?:\.\d+){1,4}\.)(?=\s)"
)
#: A sentence break: ". " before a capital letter or a bullet (checked in code).
SENTENCE = re.compile(r"\.\s+(?=\S|$)")
