"""Findings placed on the drawing: which element or link each one flags, and how it looks.

A finding (`Diagnostic`) names what it concerns in `subjects` (element ids) and `links`
((premise id, inference id) pairs); each becomes a `Flag` on that element or link. Findings
naming nothing are about the whole map and are listed under the title.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from argmap.analysis import NAMES, Standing
from argmap.codes import CODES
from argmap.diagnostics import Diagnostic, Severity
from argmap.render.theme import FlagKind

# What each finding is called on the drawing (a tag short enough to sit on an edge) and the
# kind of weakness it is. A code not listed falls back on its prefix, and on its name in
# argmap.analysis.NAMES or its title in argmap.codes.
_KNOWN: dict[str, tuple[FlagKind, str]] = {
    "W101": (FlagKind.UNSUPPORTED, "unsupported"),
    "W102": (FlagKind.UNEXPLAINED, "unexplained step"),
    "W103": (FlagKind.UNSUPPORTED, "unsupported"),
    "W104": (FlagKind.CIRCULAR, "circular"),
    "W105": (FlagKind.OVERCLAIM, "overclaim"),
    "W106": (FlagKind.OVERCLAIM, "condition not shown"),
    "W201": (FlagKind.HEDGE, "stacked hedge"),
    "W202": (FlagKind.HEDGE, "vague hedge"),
    "W203": (FlagKind.HEDGE, "mixed scale rows"),
    "W204": (FlagKind.HEDGE, "likelihood + confidence"),
    "W301": (FlagKind.DEFEATED, "defeated"),
    "W302": (FlagKind.OTHER, "unanswered attack"),
    "W303": (FlagKind.DEFEATED, "undecided"),
    "I401": (FlagKind.INFO, "open question"),
    "W501": (FlagKind.OTHER, "disconnected"),
    "W502": (FlagKind.OTHER, "no thesis"),
}
_PREFIX_KIND: dict[str, FlagKind] = {
    "W1": FlagKind.UNSUPPORTED,
    "W2": FlagKind.HEDGE,
    "W3": FlagKind.DEFEATED,
}
_TAG_LENGTH = 28
REMARK = "ℹ"


@dataclass(frozen=True)
class Flag:
    """One finding as drawn on one element or link."""

    code: str
    kind: FlagKind
    tag: str  # short, for the drawing
    message: str  # in full, for the tooltip
    hint: str | None = None
    anchor: bool = True  # drawn with its mark and tag; False: in the tooltip and classes only

    @property
    def is_weakness(self) -> bool:
        return self.kind is not FlagKind.INFO

    def tooltip_line(self) -> str:
        mark = REMARK if self.kind is FlagKind.INFO else "⚠"
        line = f"{mark} {self.code} {self.tag}: {self.message}"
        return f"{line}\n    hint: {self.hint}" if self.hint else line


def flag_of(finding: Diagnostic) -> Flag:
    kind, tag = _KNOWN.get(finding.code, (None, None))
    if finding.severity is Severity.INFO:
        kind = FlagKind.INFO
    if kind is None:
        kind = _PREFIX_KIND.get(finding.code[:2], FlagKind.OTHER)
    if tag is None:
        name = NAMES.get(finding.code, "").replace("-", " ")
        title = CODES.get(finding.code, (None, ""))[1]
        tag = next((t for t in (name, title) if t and len(t) <= _TAG_LENGTH), finding.code)
    return Flag(finding.code, kind, tag, finding.message, finding.hint)


@dataclass
class Flags:
    """Every flag by what it is on, and each statement's standing."""

    on_element: dict[str, list[Flag]] = field(default_factory=dict)
    on_link: dict[tuple[str, str], list[Flag]] = field(default_factory=dict)
    on_map: list[Flag] = field(default_factory=list)
    standing: dict[str, Standing] = field(default_factory=dict)

    @classmethod
    def collect(
        cls, findings: Iterable[Diagnostic], standing: Mapping[str, Standing] | None = None
    ) -> Flags:
        flags = cls(standing=dict(standing or {}))
        for finding in findings:
            if finding.severity is Severity.ERROR:
                continue  # errors are reported, not drawn: a map with errors is not rendered
            flag = flag_of(finding)
            # The first subject is the finding's anchor: the flag is drawn there and on the
            # links; the other subjects get it in their tooltip and classes.
            for index, subject in enumerate(dict.fromkeys(finding.subjects)):
                placed = flag if index == 0 else replace(flag, anchor=False)
                _add(flags.on_element.setdefault(subject, []), placed)
            for link in dict.fromkeys(finding.links):
                _add(flags.on_link.setdefault(link, []), flag)
            if not finding.subjects and not finding.links:
                _add(flags.on_map, flag)
        return flags

    def of(self, element_id: str) -> list[Flag]:
        return self.on_element.get(element_id, [])

    def of_link(self, premise: str, inference: str) -> list[Flag]:
        return self.on_link.get((premise, inference), [])

    def is_out(self, statement_id: str) -> bool:
        return self.standing.get(statement_id) is Standing.OUT

    @property
    def used(self) -> list[FlagKind]:
        """The kinds of flag on the drawing, in the order of FlagKind."""
        every = [*self.on_element.values(), *self.on_link.values(), self.on_map]
        present = {flag.kind for flags in every for flag in shown(flags)}
        if any(remarks(flags) for flags in every):
            present.add(FlagKind.INFO)
        return [kind for kind in FlagKind if kind in present]


def _add(flags: list[Flag], flag: Flag) -> None:
    if flag not in flags:
        flags.append(flag)


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
    """The drawn weakness that decides an element's colour and line: the first."""
    drawn = shown(flags)
    return drawn[0] if drawn else None
