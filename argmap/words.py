"""The small words of argmap's messages, in one place: did-you-mean suggestions, articles,
plurals, and lists of names. Every message that suggests a word or counts things uses these,
so that a suggestion is made one way everywhere and "1 steps" is never printed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence

_VOWEL_SOUNDS = frozenset("aeiou")


def suggest(
    word: str,
    choices: Iterable[str],
    *,
    cutoff: float = 0.6,
    fold: Callable[[str], str] = str.lower,
) -> str | None:
    """The choice closest in spelling to `word` (compared after `fold`), if any is at least
    `cutoff` alike (difflib's ratio); the choice is returned as spelt in `choices`.

    Only choices of a comparable length are compared: a suggestion must be near in length to
    be near in spelling, and the filter keeps a pool of many ids cheap to search."""
    target = fold(word)
    if not target:
        return None
    by_folded: dict[str, str] = {}
    slack = max(2, len(target) // 2)
    for choice in choices:
        folded = fold(choice)
        if abs(len(folded) - len(target)) <= slack:
            by_folded.setdefault(folded, choice)
    found = difflib.get_close_matches(target, list(by_folded), n=1, cutoff=cutoff)
    return by_folded[found[0]] if found else None


def did_you_mean(word: str, choices: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """ "did you mean 'x'?" for the closest choice, or None."""
    found = suggest(word, choices, cutoff=cutoff)
    return f"did you mean '{found}'?" if found is not None else None


def article(noun: str) -> str:
    """'a' or 'an' before a noun of argmap's vocabulary (statement kinds, element kinds)."""
    return "an" if noun[:1].lower() in _VOWEL_SOUNDS else "a"


def with_article(noun: str) -> str:
    """'an inference', 'a premise'."""
    return f"{article(noun)} {noun}"


def plural(count: int, singular: str, many: str | None = None) -> str:
    """'1 step', '3 steps', '2 theses' (with `many` for an irregular plural)."""
    return f"{count} {singular if count == 1 else (many or singular + 's')}"


def quoted(ids: Sequence[str]) -> str:
    """'a', 'b' and 'c'."""
    names = [f"'{i}'" for i in ids]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# C0 controls (but the line break, which callers split on) and DEL become their Control
# Pictures (U+2400…): one visible character each, so carets under an excerpt stay aligned.
# C1 controls, lone surrogates and the bidirectional overrides and isolates (which can make
# text read backwards, U+202E among them) become U+FFFD.
_VISIBLE = {code: 0x2400 + code for code in range(0x20) if code != 0x0A}
_VISIBLE[0x7F] = 0x2421
_VISIBLE.update({code: 0xFFFD for code in range(0x80, 0xA0)})
_VISIBLE.update({code: 0xFFFD for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_SURROGATES = re.compile("[\ud800-\udfff]")


def visible(text: str) -> str:
    """Text as it may be shown to a person on a terminal or in a file: no escape sequence
    from a map (ESC ]0; retitles a terminal, ESC ]52; writes its clipboard) can act, and
    every control character shows as a mark in its place."""
    return _SURROGATES.sub("\ufffd", text.translate(_VISIBLE))
