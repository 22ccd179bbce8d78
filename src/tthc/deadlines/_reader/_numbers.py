"""Numbers as written in processing times: digits and Vietnamese number words.

Digits: leading zeros ("05"), thousands with dots ("1.440" = 1440), decimals with a comma or a
dot ("1,5", "1.5"). "1,000" is refused: a comma decimal in Vietnamese, a thousands separator in
English.

Words: một … chín, mười / mươi, trăm, nghìn / ngàn, linh / lẻ (zero tens: "hai trăm linh ba" =
203), lăm / nhăm (five after a ten), mốt (one after "mươi"), tư (four after "mươi"), and the
spoken convention that a lone digit after "trăm" counts tens ("hai trăm ba" = 230, "một trăm năm"
= 150). "mười năm" / "hai mươi năm" before a unit are refused: the standard spelling of the five
is "lăm", and "năm" may be the unit "year".
"""

from __future__ import annotations

import re
from decimal import Decimal

from tthc.errors import ProcessingTimeParseError

__all__ = ["DIGITS", "WORDS", "parse_digits", "parse_words"]

_UNITS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8,
    "chín": 9,
}  # fmt: skip
_AFTER_TEN = {**_UNITS, "lăm": 5, "nhăm": 5, "mốt": 1, "tư": 4}
_WORD_LIST = sorted(
    {*_AFTER_TEN, "mười", "mươi", "trăm", "nghìn", "ngàn", "linh", "lẻ", "không"},
    key=len,
    reverse=True,
)
#: A run of number words (case-insensitive; checked by `parse_words`); at most eight
#: words, so that a long run of words costs linear time.
WORDS = r"(?:(?:" + "|".join(_WORD_LIST) + r")(?:\s+(?:" + "|".join(_WORD_LIST) + r")){0,7})"
#: Digits with optional thousands dots or a decimal part.
DIGITS = r"(?:\d{1,3}(?:\.\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?)"


def _ambiguous(text: str, why: str) -> ProcessingTimeParseError:
    return ProcessingTimeParseError(
        f"Thời hạn giải quyết (processing time) cannot be read: the number {text!r} is "
        f"ambiguous ({why})",
        hint="write the number in digits",
        reason="ambiguous_number",
        number=text,
    )


def parse_digits(text: str) -> Decimal:
    """The value of a digit group ("05", "1.440", "1,5").

    Raises:
        ProcessingTimeParseError: ``reason="ambiguous_number"`` for "1,000"-style groups.
    """
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return Decimal(text.replace(".", ""))
    if re.fullmatch(r"\d+,\d{3}", text):
        raise _ambiguous(text, "a comma before three digits is a decimal in Vietnamese and a "
                         "thousands separator in English")  # fmt: skip
    return Decimal(text.replace(",", "."))


def _unit(word: str, table: dict[str, int], text: str) -> int:
    if word not in table:
        raise _ambiguous(text, f"{word!r} cannot stand there")
    return table[word]


def _tens(words: list[str], text: str) -> int:
    if not words:
        return 0
    if words[0] == "mười":
        if len(words) == 1:
            return 10
        if len(words) == 2 and words[1] == "năm":
            raise _ambiguous(text, "'mười năm' may be ten years; fifteen is written 'mười lăm'")
        if len(words) == 2:
            return 10 + _unit(words[1], {**_UNITS, "lăm": 5, "nhăm": 5}, text)
    elif len(words) >= 2 and words[1] == "mươi" and len(words) <= 3:
        tens = _unit(words[0], _UNITS, text)
        if tens < 2:
            raise _ambiguous(text, "'một mươi' is not a number")
        if len(words) == 2:
            return tens * 10
        if words[2] == "năm":
            raise _ambiguous(text, "'mươi năm' may be tens of years; five is written 'lăm'")
        return tens * 10 + _unit(words[2], _AFTER_TEN, text)
    elif len(words) == 1:
        return _unit(words[0], _UNITS, text)
    raise _ambiguous(text, "not a well-formed Vietnamese number")


def _below_thousand(words: list[str], text: str) -> int:
    if "trăm" not in words:
        return _tens(words, text)
    index = words.index("trăm")
    if index != 1:
        raise _ambiguous(text, "not a well-formed Vietnamese number")
    hundreds = _unit(words[0], _UNITS, text) * 100
    rest = words[2:]
    if not rest:
        return hundreds
    if rest[0] in ("linh", "lẻ"):
        if len(rest) != 2:
            raise _ambiguous(text, "'linh' takes one digit")
        return hundreds + _unit(rest[1], _UNITS, text)
    if len(rest) == 1 and rest[0] in _UNITS:
        return hundreds + _UNITS[rest[0]] * 10  # "hai trăm ba" = 230
    return hundreds + _tens(rest, text)


def parse_words(text: str) -> int:
    """The value of a run of Vietnamese number words ("mười lăm" = 15, "hai trăm ba" = 230).

    Raises:
        ProcessingTimeParseError: ``reason="ambiguous_number"`` when the words are not a
            well-formed number or can be read two ways.
    """
    words = text.lower().split()
    if "không" in words:
        raise _ambiguous(text, "'không' (zero / not) in a limit")
    for big in ("nghìn", "ngàn"):
        if big in words:
            index = words.index(big)
            head = _below_thousand(words[:index], text) if index else 0
            if head == 0:
                raise _ambiguous(text, "not a well-formed Vietnamese number")
            return head * 1000 + _below_thousand(words[index + 1 :], text)
    return _below_thousand(words, text)
