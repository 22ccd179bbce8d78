"""Normalisation of processing-time text before it is read.

NFC; every whitespace and invisible character (line breaks, tabs, NBSP, zero-width spaces and
joiners, soft hyphen, BOM) becomes one space; unit words written in brackets or with a hyphen
("05 ngày (làm việc)", "làm-việc") and one known misspelling ("làm vệc") are written plainly.
Accent-free text is accepted only where every time word is unambiguous.
"""

from __future__ import annotations

import re
import unicodedata

from tthc._text import has_diacritics
from tthc.errors import ProcessingTimeParseError

__all__ = ["MAX_LENGTH", "normalise", "restore_accents"]

#: Longest text read (characters, before normalisation).
MAX_LENGTH = 10_000

_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"}
_SPACES = re.compile(r" {2,}")
_UNIT_REPAIRS = (
    (re.compile(r"(ngày|giờ|phút|tuần)\s*\(\s*làm\s*việc\s*\)", re.IGNORECASE), r"\1 làm việc"),
    (re.compile(r"\blàm\s*-\s*việc\b", re.IGNORECASE), "làm việc"),
    (re.compile(r"\blàm vệc\b", re.IGNORECASE), "làm việc"),
    (re.compile(r"\btrường hơp\b", re.IGNORECASE), "trường hợp"),
)


def _is_space(char: str) -> bool:
    if char in _INVISIBLE or char.isspace():
        return True
    return unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")


_FAST_SPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]+")


def normalise(text: str) -> str:
    """Return ``text`` in the one form the reader works on (idempotent).

    Args:
        text: The processing-time text.

    Returns:
        NFC text with every whitespace or invisible run replaced by one space, trimmed.
    """
    text = _FAST_SPACE.sub(" ", unicodedata.normalize("NFC", text))
    if not text.isprintable():
        text = "".join(" " if _is_space(c) else c for c in text)
    text = _SPACES.sub(" ", text).strip()
    low = text.lower()
    if "làm" in low or "hơp" in low:  # every repair needs one of these words
        for pattern, repl in _UNIT_REPAIRS:
            text = pattern.sub(repl, text)
        text = _SPACES.sub(" ", text).strip()
    return text


#: Accent-free phrases that can only mean one thing, most specific first.
_ACCENT_FREE = (
    ("ngay lam viec", "ngày làm việc"),
    ("gio lam viec", "giờ làm việc"),
    ("phut lam viec", "phút làm việc"),
    ("tuan lam viec", "tuần làm việc"),
    ("trong thoi han", "trong thời hạn"),
    ("khong qua", "không quá"),
    ("toi da", "tối đa"),
    ("cham nhat", "chậm nhất"),
    ("trong vong", "trong vòng"),
    ("ke tu", "kể từ"),
    ("gio", "giờ"),
    ("phut", "phút"),
    ("thang", "tháng"),
    ("tuan", "tuần"),
)
_AMBIGUOUS_NGAY = re.compile(r"\bngay\b(?! lam viec)", re.IGNORECASE)
_DIGIT_NAM = re.compile(r"(\d)\s+nam\b", re.IGNORECASE)


def restore_accents(text: str) -> str:
    """Restore diacritics of accent-free text where unambiguous, or refuse.

    Text that carries diacritics is returned unchanged.

    Raises:
        ProcessingTimeParseError: ``reason="accent_free_ambiguous"`` when "ngay" (immediately)
            could be "ngày" (day).
    """
    if not text.isascii() or has_diacritics(text):
        return text
    if _AMBIGUOUS_NGAY.search(text):
        raise ProcessingTimeParseError(
            "Thời hạn giải quyết (processing time) cannot be read: the text has no diacritics "
            "and 'ngay' may be 'ngay' (immediately) or 'ngày' (day)",
            hint="write the text with its Vietnamese diacritics",
            reason="accent_free_ambiguous",
        )
    for plain, accented in _ACCENT_FREE:
        text = re.sub(rf"\b{plain}\b", accented, text, flags=re.IGNORECASE)
    return _DIGIT_NAM.sub(r"\1 năm", text)
