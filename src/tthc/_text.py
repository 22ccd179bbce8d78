"""Text normalisation shared by every module: one NFC, one accent folding, one name key.

Vietnamese text reaches tthc in many byte forms: NFC or NFD, old ("hoà", "thuỷ") or new ("hòa",
"thủy") tone placement, curly or straight apostrophes ("Đắk R’Lấp"), non-breaking and zero-width
spaces. Every comparison in the package goes through the functions here so that two modules can
never disagree on whether two names are the same.
"""

from __future__ import annotations

import re
import unicodedata

# Old-style tone placement (on the first vowel of "oa", "oe", "uy") → the placement the
# statistics office's current lists use. Both spellings are correct Vietnamese.
_TONE_PLACEMENT = (
    ("oà", "òa"),
    ("oá", "óa"),
    ("oả", "ỏa"),
    ("oã", "õa"),
    ("oạ", "ọa"),
    ("oè", "òe"),
    ("oé", "óe"),
    ("oẻ", "ỏe"),
    ("oẽ", "õe"),
    ("oẹ", "ọe"),
    ("uỳ", "ùy"),
    ("uý", "úy"),
    ("uỷ", "ủy"),
    ("uỹ", "ũy"),
    ("uỵ", "ụy"),
)
# "đ"/"Đ" are letters of their own, not "d" with a combining mark: NFD leaves them whole.
_STROKED_D = str.maketrans("đĐ", "dD")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
# Line breaks, NBSP, zero-width characters, soft hyphen and BOM all separate words the same way.
_INVISIBLE = re.compile(r"[\s\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff]+")

__all__: list[str] = []  # private module: import the functions by name


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (the form the data files and the portal use)."""
    return unicodedata.normalize("NFC", text)


def squash_space(text: str) -> str:
    """Return ``text`` with every run of whitespace or invisible characters as one space."""
    return _INVISIBLE.sub(" ", text).strip()


def tone_key(text: str) -> str:
    """Accent-sensitive, case- and tone-placement-insensitive key ("Hoà" and "hòa" agree)."""
    text = nfc(text).casefold()
    for old, new in _TONE_PLACEMENT:
        text = text.replace(old, new)
    return squash_space(text.translate(_APOSTROPHES))


def fold(text: str) -> str:
    """Accent-free, case-insensitive key: ``"Phường  Thủy Xuân"`` → ``"phuong thuy xuan"``.

    "đ" folds to "d"; curly apostrophes to "'"; every whitespace or invisible run to one space.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_STROKED_D))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return squash_space(stripped.translate(_APOSTROPHES).casefold())


def has_diacritics(text: str) -> bool:
    """Return whether ``text`` carries any Vietnamese mark (a tone, a hat, a horn or "đ")."""
    return fold(text) != squash_space(nfc(text).translate(_APOSTROPHES).casefold())
