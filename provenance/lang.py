"""Language codes used across the project.

Articles carry langdetect-style codes (``en``, ``zh-cn``, ``zh-tw``, ``ko``, ``uk``,
``ru``); glossaries use script-tagged codes (``zh-Hans``, ``zh-Hant``). These helpers
map between them so that no module compares raw codes.
"""

from __future__ import annotations

_GLOSSARY_CODES = {"zh-cn": "zh-Hans", "zh-sg": "zh-Hans", "zh-tw": "zh-Hant", "zh-hk": "zh-Hant",
                   "zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}

CJK = frozenset({"zh", "ja", "ko"})
CYRILLIC = frozenset({"uk", "ru", "be", "bg", "sr", "mk"})


def base(code: str | None) -> str:
    """``zh-cn`` -> ``zh``, ``en-US`` -> ``en``, None -> ``und``."""
    if not code:
        return "und"
    return code.replace("_", "-").split("-")[0].lower()


def glossary_code(code: str) -> str:
    """The glossary's code for an article language: ``zh-cn`` -> ``zh-Hans``."""
    low = code.replace("_", "-").lower()
    if low in _GLOSSARY_CODES:
        return _GLOSSARY_CODES[low]
    return "zh-Hans" if low == "zh" else base(code)


def same_language(a: str | None, b: str | None) -> bool:
    return base(a) == base(b)
