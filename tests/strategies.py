"""Shared hypothesis strategies for the reader and printer properties.

- `GRAMMAR_TEXT`: text the grammar generates, made realistic where a terminal's regex has a
  lookahead or where the reader's normalisation would change it; it always reads without a
  syntax error.
- `COMMENTED_GRAMMAR_TEXT`: the same, with comment lines slipped in anywhere.
- `ID`, `TEXT`: ids and free text as the language allows them.
- `FRAGMENTS`: the language's own fragments, right and wrong, for soups of lines.

The number of examples comes from the hypothesis profile (tests/conftest.py), not from here;
`examples(n)` scales a test's own count by the profile, for the tests that need more (or
fewer) than the profile's default.
"""

from __future__ import annotations

import re

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

from argmap.syntax.reader import ATTRIBUTE_KEYS, HEADER_KEYS, KINDS, RESERVED_WORDS, grammar_parser

# The reader turns a lone "\r" into a line break, so no terminal may hold one.
CHARACTER = st.characters(codec="utf-8", exclude_characters="\r")
LINE_CHARACTER = st.characters(codec="utf-8", exclude_characters="\r\n")

_STARTS_AN_ATTRIBUTE = re.compile(
    rf"^(?:(?:{'|'.join(ATTRIBUTE_KEYS)})[ \t]*:|answer[ \t]+[0-9]+[ \t]*:)"
)


def _is_free_text(text: str) -> bool:
    """What free text can be after normalisation: it starts with a visible character, and
    where it opens an indented line, it is neither a comment nor an attribute."""
    return not text[0].isspace() and text[0] != "#" and not _STARTS_AN_ATTRIBUTE.match(text)


# The words of 'side:' and 'flat:', and citations' brackets, are among the words, so that the
# values these take are drawn as often as the mistakes.
WORDS = st.lists(
    st.sampled_from(
        [
            "Russia",
            "aid",
            "may",
            "quote",
            "note:",
            "<-",
            "rebuts",
            "[70%]",
            "#1",
            "author",
            "coach",
            "unchecked",
            "[news, 2017]",
            "[state media]",
            "[stdy]",
        ]
    ),
    min_size=1,
    max_size=6,
).map(" ".join)
TEXT = st.one_of(WORDS, st.text(LINE_CHARACTER, min_size=1, max_size=30)).filter(_is_free_text)
ID = st.one_of(
    st.sampled_from(["aid", "debt", "thesis-1", "a_b", "premises", "iffy", "quote"]),
    st.from_regex(r"[^\W\d][\w-]{0,8}", fullmatch=True, alphabet=LINE_CHARACTER),
).filter(lambda word: word not in RESERVED_WORDS)

EXPLICIT = {
    # line breaks: blank lines may come between any two lines
    "_NL": st.sampled_from(["\n", "\n\n"]),
    "_INDENT": st.sampled_from(["\n  ", "\n\t", "\n\n    "]),
    # the grammar ignores blanks between tokens; where it needs one, the strategies put it
    "__IGNORE_0": st.just(""),
    "ID": ID.map(lambda word: word + " "),
    "TEXT": TEXT,
    "COLON": st.sampled_from([":", ": ", " : "]),
    "PLUS": st.sampled_from([" + ", "+"]),
    "COMMA": st.sampled_from([", ", ","]),
    "_SUPPORTED_BY": st.sampled_from([" <- ", "<-"]),
    "_REBUTS": st.just(" rebuts "),
    "_UNDERCUTS": st.just(" undercuts "),
    "_PARTLY": st.just(" partly "),
    "_LIMITS": st.just(" limits "),
    "_CONTRADICTS": st.just(" contradicts "),
    "_IF": st.just("if "),
    "_THEN": st.just(" then "),
    "ANSWER_KEY": st.just("answer "),
    **{f"{key.upper()}_KEY": st.just(key) for key in ATTRIBUTE_KEYS},
    **{word.upper(): st.just(word + " ") for word in (*KINDS, *HEADER_KEYS)},
}
GRAMMAR_TEXT = from_lark(grammar_parser(), start="start", explicit=EXPLICIT, alphabet=CHARACTER)

COMMENT = st.tuples(st.sampled_from(["", "  ", "\t"]), st.text(LINE_CHARACTER, max_size=12)).map(
    lambda parts: f"{parts[0]}# {parts[1]}".rstrip(" \t\f\v")
)


@st.composite
def _with_comments(draw: st.DrawFn) -> str:
    lines = draw(GRAMMAR_TEXT).split("\n")
    for _ in range(draw(st.integers(0, 4))):
        lines.insert(draw(st.integers(0, len(lines))), draw(COMMENT))
    return "\n".join(lines)


COMMENTED_GRAMMAR_TEXT = _with_comments()

FRAGMENTS = st.sampled_from(
    [
        "premise a: A.",
        "thesis t [likely]: T.",
        "claim c",
        "premis x: y",
        '  quote: "unclosed',
        '  quote: "q" extra',
        "  answer 1: a",
        "  answer 1: a",
        "  scheme: sign",
        "  sheme: x",
        "  allow: E2, X",
        "  hedge: 150%",
        "  continued",
        "t <- a + b +",
        "t <- a",
        "t <-",
        "n: t <- a",
        "if a then",
        "if a then t",
        "a rebuts n",
        "b undercuts a-rebuts-n",
        "a partly rebuts n",
        "a partly limits n",
        "a limits t",
        "a contradicts",
        "if a then t [likely]",
        "if a then t [accepted]",
        "  side: other",
        "  side: them",
        "  cite: [news, 2017] AP",
        "  cite: [nws] AP",
        "flat: unchecked",
        "flat: maybe",
        "title: T",
        "title: again",
        "source: \x00",
        "source: .",
        "[",
        "#",
        "\\",
        ":",
        "",
        "\t",
        "\r",
        "\ufeff",
        "0",
        "1. premise a: A.",
        "premise [likely] a: A.",
        "premise a [likely: A.",
        "premise 1a: A.",
        "thesis: T.",
        "Premise: A.",
        "b -> a",
        "a <- b, c",
        "a <-- b",
        '  Quote: "q"',
        "  quote: “q”",
        '  quote: "a \\"b\\" c"',
        '  quote: "a "b" c"',
        "  answer 01: a",
        "  anwser 2: a",
        "  warrant: a",
        "  cite: c",
        "  \\# escaped",
    ]
)
SOUP = st.lists(FRAGMENTS, max_size=14).map("\n".join)


def examples(thorough: int) -> int:
    """A property test's number of examples: `thorough` in the thorough profile (CI), a tenth
    of it (at least 10) in the quick one, so that the local suite stays under a minute."""
    if settings.default.max_examples >= 500:
        return thorough
    return max(10, thorough // 10)
