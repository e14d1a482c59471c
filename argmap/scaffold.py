"""A map to start from: an essay's sentences as numbered comments, ready to be mapped.

The header gives the essay's title (its first line, or the file's name) and its `source:`;
then each paragraph's sentences, numbered through the essay, as comments, each with the hedge
words (argmap.hedges) and the argument markers ("because", "therefore", "if … then", ...) it
contains noted under it, and a blank comment line between paragraphs:

    title: The enemy of my enemy
    source: essay.txt

    # 1. "If relations falter, Putin is likely to punish the West."
    #    hedges: likely · markers: if … then

The map has a header and comments only, so it reads without errors (a map without a thesis is
warning W502, as every map is until its thesis is written).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from argmap.hedges import lookup
from argmap.syntax.printer import escape_text

# The longest hedge, in words, looked for ("roughly even chance"; an alias may be one longer).
_LONGEST_HEDGE = 4
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# The words that say how a sentence's parts are related, in the order they are listed.
ARGUMENT_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("because", r"\bbecause\b"),
        ("since", r"\bsince\b"),
        ("therefore", r"\btherefore\b"),
        ("thus", r"\bthus\b"),
        ("so", r"\bso\b"),
        ("if … then", r"\bif\b"),  # a condition, whether or not the essay writes "then"
        ("however", r"\bhowever\b"),
        ("but", r"\bbut\b"),
        ("although", r"\balthough\b"),
        ("even though", r"\beven\s+though\b"),
        ("for example", r"\bfor\s+example\b"),
        ("in conclusion", r"\bin\s+conclusion\b"),
    )
)

# Words a full stop follows without ending a sentence.
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "col", "lt"}
    | {"sgt", "vs", "etc", "al", "e.g", "i.e", "no", "fig", "vol", "u.s", "u.k", "u.n"}
    | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
# A sentence ends at '.', '!' or '?' (and any closing quotes or brackets after it) followed by
# blanks and what can start a sentence (the next word's first character, after any opening
# quote or bracket, is not a small letter).
_SENTENCE_END = re.compile(r"""[.!?]+[”’"')\]]*(?=\s+[“‘"'(\[]*(\w))""")
_TITLE_LENGTH = 150  # a longer first line is a paragraph, not a title


@dataclass(frozen=True)
class Sentence:
    """One sentence of the essay, numbered through the essay, with what it contains."""

    number: int
    text: str
    hedges: tuple[str, ...]  # as written, lower-cased, in order, each once
    markers: tuple[str, ...]  # names from ARGUMENT_MARKERS, in the order they occur


def paragraphs(essay: str) -> list[list[str]]:
    """The essay's paragraphs (separated by blank lines), each as its sentences, with the
    white space inside a sentence folded to single spaces."""
    found: list[list[str]] = []
    for block in re.split(r"\n[ \t\f\v]*\n", essay.replace("\r\n", "\n").replace("\r", "\n")):
        text = " ".join(block.split())
        if text:
            found.append(sentences(text))
    return found


def sentences(paragraph: str) -> list[str]:
    """A paragraph cut into sentences (abbreviations such as 'Jan.' and initials such as
    'U.S.' do not end one)."""
    cut: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        if match.group(1).islower():
            continue
        if match.group().startswith(".") and _before_is_abbreviation(paragraph, match.start()):
            continue
        cut.append(paragraph[start : match.end()].strip())
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        cut.append(rest)
    return cut


def _before_is_abbreviation(text: str, full_stop: int) -> bool:
    word = text[:full_stop].rsplit(maxsplit=1)[-1] if text[:full_stop].strip() else ""
    word = word.lstrip("“‘\"'([").lower()
    return word in _ABBREVIATIONS or len(word.replace(".", "")) == 1


def hedges_in(sentence: str) -> tuple[str, ...]:
    """The hedge words (every word or phrase argmap.hedges knows) in a sentence, the longest
    reading first ("very likely", not "likely"), each once, in order."""
    words = [match.group().lower().replace("’", "'") for match in _WORD.finditer(sentence)]
    found: list[str] = []
    index = 0
    while index < len(words):
        for size in range(min(_LONGEST_HEDGE, len(words) - index), 0, -1):
            phrase = " ".join(words[index : index + size])
            if lookup(phrase) is not None:
                if phrase not in found:
                    found.append(phrase)
                index += size
                break
        else:
            index += 1
    return tuple(found)


def markers_in(sentence: str) -> tuple[str, ...]:
    """The argument markers in a sentence, in the order they occur."""
    places = [
        (match.start(), name)
        for name, pattern in ARGUMENT_MARKERS
        if (match := pattern.search(sentence)) is not None
    ]
    return tuple(name for _start, name in sorted(places))


def essay_sentences(essay: str) -> list[list[Sentence]]:
    """The essay's paragraphs as numbered sentences, with their hedges and markers."""
    numbered: list[list[Sentence]] = []
    number = 0
    for paragraph in paragraphs(essay):
        row: list[Sentence] = []
        for text in paragraph:
            number += 1
            row.append(Sentence(number, text, hedges_in(text), markers_in(text)))
        numbered.append(row)
    return numbered


def essay_title(essay: str, file_name: str) -> tuple[str, bool]:
    """The essay's title: its first line when that is a paragraph of its own and short, else
    the file's name without its extension. True when it is the first line."""
    [first, *_rest] = paragraphs(essay) or [[]]
    title = " ".join(first)
    if title and "\n" not in essay.strip().split("\n\n", 1)[0] and len(title) <= _TITLE_LENGTH:
        return title, True
    stem = file_name.rsplit("/", 1)[-1].rsplit(".", 1)[0] or file_name
    return " ".join(stem.replace("-", " ").replace("_", " ").split()), False


def scaffold(essay: str, *, essay_name: str, source: str) -> str:
    """A map to start from: the header (`title:` and `source:`), then the essay's sentences as
    numbered comments with their hedges and markers noted, a blank comment line between
    paragraphs. `essay_name` is the essay's file name (a title when the essay has none);
    `source` the essay's path from the map's folder."""
    title, from_first_line = essay_title(essay, essay_name)
    body = essay
    if from_first_line:  # the title line is the header's, not a sentence to map
        body = essay.lstrip().split("\n", 1)[1] if "\n" in essay.lstrip() else ""
    lines = [f"title: {escape_text(title)}", f"source: {escape_text(source)}"]
    for index, paragraph in enumerate(essay_sentences(body)):
        lines.append("" if index == 0 else "#")
        for sentence in paragraph:
            lines.extend(_sentence_lines(sentence))
    return "\n".join(lines) + "\n"


def _sentence_lines(sentence: Sentence) -> list[str]:
    number = f"{sentence.number}. "
    lines = [f"# {number}{_visible(sentence.text)}"]
    notes = []
    if sentence.hedges:
        notes.append("hedges: " + ", ".join(sentence.hedges))
    if sentence.markers:
        notes.append("markers: " + ", ".join(sentence.markers))
    if notes:
        lines.append("#" + " " * (len(number) + 1) + " · ".join(notes))
    return lines


def _visible(text: str) -> str:
    """A sentence in quotes on one comment line: any control character becomes a space."""
    cleaned = "".join(" " if not character.isprintable() else character for character in text)
    return f'"{cleaned}"'


def source_path(essay: Path, map_folder: Path) -> str:
    """The essay's path as the map's `source:` gives it: from the map's folder, with '/'."""
    relative = os.path.relpath(os.path.abspath(essay), os.path.abspath(map_folder))
    return Path(relative).as_posix()
