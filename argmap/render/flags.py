"""Findings placed on the drawing: which element or link each one flags, and how it looks.

A finding (`Diagnostic`) names what it concerns in `subjects` (element ids) and `links`
((premise id, inference id) pairs); each becomes a `Flag` on that element or link. Findings
naming nothing are about the whole map and are listed under the title.

When the findings come ranked (what costs the theses most first, `Analysis.ranked`) and more
than `TOP` weaknesses are drawn, the drawing follows the ranking: the first `TOP` carry their
rank ("⚠ #1 …") and stand out as before, and the rest are drawn lighter (`Flag.lesser`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from argmap.analysis import Standing
from argmap.codes import lookup
from argmap.diagnostics import Diagnostic, Severity
from argmap.render.theme import FlagKind

REMARK = "ℹ"
TOP = 5  # the ranked weaknesses that stand out; the rest are drawn lighter


@dataclass(frozen=True)
class Flag:
    """One finding as drawn on one element or link."""

    code: str
    kind: FlagKind
    tag: str  # short, for the drawing
    message: str  # in full, for the tooltip
    hint: str | None = None
    anchor: bool = True  # drawn with its mark and tag; False: in the tooltip and classes only
    rank: int | None = None  # 1 for what costs the theses most: only on a crowded drawing
    lesser: bool = False  # ranked below the top: drawn lighter, its tag in the tooltip

    @property
    def is_weakness(self) -> bool:
        return self.kind is not FlagKind.INFO

    def tooltip_line(self) -> str:
        mark = REMARK if self.kind is FlagKind.INFO else "⚠"
        if self.rank is not None:
            mark += f" #{self.rank}"
        line = f"{mark} {self.code} {self.tag}: {self.message}"
        return f"{line}\n    hint: {self.hint}" if self.hint else line


def flag_of(finding: Diagnostic) -> Flag:
    """A finding as drawn: the tag and the kind of weakness are its code's (argmap.codes)."""
    entry = lookup(finding.code)
    kind = FlagKind.INFO if finding.severity is Severity.INFO else entry.weakness
    return Flag(finding.code, kind, entry.tag, finding.message, finding.hint)


@dataclass
class Flags:
    """Every flag by what it is on, and each statement's standing."""

    on_element: dict[str, list[Flag]] = field(default_factory=dict)
    on_link: dict[tuple[str, str], list[Flag]] = field(default_factory=dict)
    on_map: list[Flag] = field(default_factory=list)
    standing: dict[str, Standing] = field(default_factory=dict)

    @classmethod
    def collect(
        cls,
        findings: Iterable[Diagnostic],
        standing: Mapping[str, Standing] | None = None,
        *,
        ranked: Sequence[Diagnostic] | None = None,
        drawn: Callable[[Diagnostic], bool] = lambda _finding: True,
    ) -> Flags:
        """The flags of `findings`, with each statement's `standing`. With the findings
        `ranked` (what costs most first) and more than `TOP` weaknesses for which `drawn`
        holds, the first `TOP` of those get their rank and the others are `lesser`."""
        # each place's flags as an ordered set: a place can carry thousands (every step of a
        # long cycle names its root), and a list's `in` would make the collection quadratic
        on_element: dict[str, dict[Flag, None]] = {}
        on_link: dict[tuple[str, str], dict[Flag, None]] = {}
        on_map: dict[Flag, None] = {}
        ranks = _ranks(ranked, drawn) if ranked is not None else {}
        crowded = bool(ranks)
        for finding in findings:
            if finding.severity is Severity.ERROR:
                continue  # errors are reported, not drawn: a map with errors is not rendered
            flag = flag_of(finding)
            if id(finding) in ranks:
                flag = replace(flag, rank=ranks[id(finding)])
            elif crowded and flag.is_weakness:
                flag = replace(flag, lesser=True)
            # The first subject is the finding's anchor: the flag is drawn there and on the
            # links; the other subjects get it in their tooltip and classes.
            for index, subject in enumerate(dict.fromkeys(finding.subjects)):
                placed = flag if index == 0 else replace(flag, anchor=False)
                on_element.setdefault(subject, {})[placed] = None
            for link in dict.fromkeys(finding.links):
                on_link.setdefault(link, {})[flag] = None
            if not finding.subjects and not finding.links:
                on_map[flag] = None
        return cls(
            on_element={subject: list(placed) for subject, placed in on_element.items()},
            on_link={link: list(placed) for link, placed in on_link.items()},
            on_map=list(on_map),
            standing=dict(standing or {}),
        )

    def of(self, element_id: str) -> list[Flag]:
        return self.on_element.get(element_id, [])

    def of_link(self, premise: str, inference: str) -> list[Flag]:
        return self.on_link.get((premise, inference), [])

    def is_out(self, statement_id: str) -> bool:
        return self.standing.get(statement_id) is Standing.OUT


def _ranks(ranked: Sequence[Diagnostic], drawn: Callable[[Diagnostic], bool]) -> dict[int, int]:
    """The rank of each of the first `TOP` drawn weaknesses, by the finding's identity, when
    more than `TOP` are drawn; else none."""
    weaknesses = [f for f in ranked if f.severity is Severity.WARNING and drawn(f)]
    if len(weaknesses) <= TOP:
        return {}
    return {id(finding): n for n, finding in enumerate(weaknesses[:TOP], start=1)}


def codes_of(flags: Iterable[Flag]) -> list[str]:
    return sorted({flag.code for flag in flags})


def shown(flags: Iterable[Flag]) -> list[Flag]:
    """The weaknesses drawn with a mark and a tag; other flags are in the tooltip (and
    remarks get a small mark, see `remarks`)."""
    return [flag for flag in flags if flag.anchor and flag.is_weakness]


def remarks(flags: Iterable[Flag]) -> list[Flag]:
    """Remarks (info findings) anchored here: drawn as a small ⓘ, told in the tooltip."""
    return [flag for flag in flags if flag.anchor and not flag.is_weakness]


def worst(flags: Iterable[Flag]) -> Flag | None:
    """The drawn weakness that decides an element's colour and line: the best-ranked, else
    the first that is not lesser, else the first."""
    drawn = shown(flags)
    if not drawn:
        return None
    return min(drawn, key=lambda f: (f.lesser, f.rank is None, f.rank or 0))


def lesser(flags: Iterable[Flag]) -> bool:
    """Whether the element's drawn weaknesses are all lesser ones: it is drawn lighter."""
    drawn = shown(flags)
    return bool(drawn) and all(flag.lesser for flag in drawn)


def top_ranked(flags: Iterable[Flag]) -> bool:
    """Whether one of the element's drawn weaknesses stands out: it is among the top-ranked
    (every weakness is, on a drawing with no more than `TOP`)."""
    return any(not flag.lesser for flag in shown(flags))
