"""Letter folding shared by the lexicon scripts; mirrors QalamText's ArabicFolding.

Removes diacritics (U+064B-U+0652, U+0670) and tatweel (U+0640), maps alef forms
(أ إ آ ٱ) to bare alef and alef maqsura (ى) to ya. Teh marbuta is kept.
"""

_DROP = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0670", "\u0640"}
_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"}


def fold(word: str) -> str:
    return "".join(_MAP.get(ch, ch) for ch in word if ch not in _DROP)


def is_arabic_word(word: str) -> bool:
    return bool(word) and all("\u0621" <= ch <= "\u064A" or ch in _DROP or ch in _MAP for ch in word)
