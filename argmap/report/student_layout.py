"""The student's report laid out, in the same blocks as the coach's (layout.py), so that every
backend formats it: a title, what the essay argues, what to work on first, what is strong."""

from __future__ import annotations

from argmap.report.layout import Block, Document, Heading, Item, Line, List, Paragraph, Text
from argmap.report.student import StudentReport


def _title(report: StudentReport) -> Document:
    rest = f": {report.title}" if report.title else ""
    blocks: list[Block] = [Heading(1, "Feedback on your essay", rest)]
    if report.author:
        blocks.append(Line((Text(report.author),)))
    return tuple(blocks)


def _argues(report: StudentReport) -> Document:
    heading = Heading(2, "What the essay argues")
    if not report.theses:
        return (heading, Paragraph((Text("The essay never says plainly what it argues for."),)))
    items = tuple(
        Item(f"{n}.", (Text(f"“{thesis.words}”"),), prose=True, detail=(Text(thesis.summary),))
        for n, thesis in enumerate(report.theses, 1)
    )
    return (heading, List(items))


def _problems(report: StudentReport) -> Document:
    heading = Heading(2, "What to work on first")
    if not report.problems:
        return (heading, Paragraph((Text("Nothing stands out: the argument holds together."),)))
    items = []
    for n, problem in enumerate(report.problems, 1):
        lead, *more = problem.advice
        detail = " ".join(f"{a.wrong} {a.fix}" for a in more)
        spans = (Text(f"{lead.wrong} {lead.fix}"),)
        items.append(Item(f"{n}.", spans, prose=True, detail=(Text(detail),) if detail else ()))
    return (heading, List(tuple(items)))


def _strong(report: StudentReport) -> Document:
    heading = Heading(2, "What is strong")
    if not report.strong_points:
        none = "Not yet much: back up your main points, and answer an objection to them."
        return (heading, Paragraph((Text(none),)))
    return (
        heading,
        List(tuple(Item("-", (Text(p.said),), prose=True) for p in report.strong_points)),
    )


def student_document(report: StudentReport) -> Document:
    """The student's report as blocks, in the order every medium shows them."""
    return (*_title(report), *_argues(report), *_problems(report), *_strong(report))
