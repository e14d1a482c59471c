"""The small words of argmap's messages, in one place: did-you-mean suggestions, articles,
plurals, and lists of names. Every message that suggests a word or counts things uses these,
so that a suggestion is made one way everywhere and "1 steps" is never printed.
"""

from __future__ import annotations

import difflib
import itertools
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
    be near in spelling. To suggest for many words from one pool, build `Suggestions` once."""
    return Suggestions(choices, fold=fold).closest(word, cutoff=cutoff)


MAX_COMPARED = 256
"""Choices compared in full with one word. A pool of comparable length no larger than this is
compared whole (every small map's); a larger one (thousands of ids, and as many misspelt
uses) is narrowed first, so that suggesting for every miss is not misses × ids."""


class Suggestions:
    """A pool of choices, indexed once, to find the closest to many words.

    Choices are kept by folded length. When the choices of a word's length window are more
    than `MAX_COMPARED`, the ones compared are those one edit away from the word (found
    through an index of each choice with one character left out, the "deletion neighbours"
    that hold every single insertion, deletion or substitution) and then up to
    `MAX_COMPARED` of the window with the word's first letter. For a pool that small the
    answer is exactly `suggest`'s over the whole pool."""

    def __init__(self, choices: Iterable[str], *, fold: Callable[[str], str] = str.lower) -> None:
        self._fold = fold
        self._spelling: dict[str, str] = {}
        self._by_length: dict[int, list[str]] = {}
        for choice in choices:
            folded = fold(choice)
            if folded not in self._spelling:
                self._spelling[folded] = choice
                self._by_length.setdefault(len(folded), []).append(folded)
        self._neighbours: dict[str, list[str]] | None = None  # built on the first large window

    def closest(
        self,
        word: str,
        *,
        cutoff: float = 0.6,
        excluding: Callable[[str], bool] | None = None,
    ) -> str | None:
        """The closest choice to `word`, as `suggest` finds it, leaving out the choices for
        which `excluding` (given the choice as spelt) is true."""
        target = self._fold(word)
        if not target:
            return None
        slack = max(2, len(target) // 2)
        lengths = range(max(0, len(target) - slack), len(target) + slack + 1)
        size = sum(len(self._by_length.get(length, ())) for length in lengths)
        if size <= MAX_COMPARED:
            window: Iterable[str] = (f for n in lengths for f in self._by_length.get(n, ()))
        else:
            window = self._narrowed(target, lengths)
        candidates = [
            folded
            for folded in window
            if excluding is None or not excluding(self._spelling[folded])
        ]
        found = difflib.get_close_matches(target, candidates, n=1, cutoff=cutoff)
        return self._spelling[found[0]] if found else None

    def _narrowed(self, target: str, lengths: range) -> set[str]:
        neighbours = self._neighbour_index()
        keys = {target, *(target[:i] + target[i + 1 :] for i in range(len(target)))}
        near = {folded for key in keys for folded in neighbours.get(key, ())}
        same_start = (
            folded
            for n in lengths
            for folded in self._by_length.get(n, ())
            if folded[:1] == target[:1]
        )
        near.update(itertools.islice(same_start, MAX_COMPARED))
        return {folded for folded in near if len(folded) in lengths}

    def _neighbour_index(self) -> dict[str, list[str]]:
        if self._neighbours is None:
            index: dict[str, list[str]] = {}
            for folded in self._spelling:
                index.setdefault(folded, []).append(folded)
                for i in range(len(folded)):
                    index.setdefault(folded[:i] + folded[i + 1 :], []).append(folded)
            self._neighbours = index
        return self._neighbours


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
# what `visible` changes, found by one regex scan: translating a long text with a dict looks up
# every character (5 s on a 111 MB report), and most texts have none of these
_INVISIBLE = re.compile("[" + "".join(re.escape(chr(code)) for code in _VISIBLE) + "]")


def without_lone_surrogates(text: str) -> str:
    """Text that can be written as UTF-8: each lone surrogate (a Python string can hold one;
    no file read as UTF-8 can) becomes U+FFFD, one character for one, so columns stay put."""
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


def visible(text: str) -> str:
    """Text as it may be shown to a person on a terminal or in a file: no escape sequence
    from a map (ESC ]0; retitles a terminal, ESC ]52; writes its clipboard) can act, and
    every control character shows as a mark in its place."""
    if _INVISIBLE.search(text):
        text = text.translate(_VISIBLE)
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text
