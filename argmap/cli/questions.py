"""`argmap questions FILE`: the critical questions of each step, open and answered."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

import click

from argmap.analysis import StepQuestions
from argmap.cli.common import EXIT_OK, essay_anywhere_option, exit_for_errors
from argmap.loader import load
from argmap.words import plural


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people; json: one array of steps on stdout",
)
@click.option("--open", "only_open", is_flag=True, help="list only the questions still open")
@click.option("--no-color", is_flag=True, help="never colour the errors")
@essay_anywhere_option
def questions(
    file: str, output_format: str, only_open: bool, no_color: bool, essay_anywhere: bool
) -> None:
    """List each step's critical questions (from its scheme), open and answered.

    Answer a question in the map under the step: 'answer 2: statement-id'."""
    loaded = load(file, essay_anywhere=essay_anywhere)
    if loaded.has_errors:
        exit_for_errors(loaded, no_color, "list the questions")
    assert loaded.analysis is not None  # a map without errors is analysed by load()
    steps = list(loaded.analysis.questions)
    if output_format == "json":
        click.echo(json.dumps([asdict(s) for s in steps], ensure_ascii=False, indent=2))
    else:
        click.echo(format_questions(steps, only_open), nl=False)
    sys.exit(EXIT_OK)


def format_questions(steps: list[StepQuestions], only_open: bool = False) -> str:
    """The questions per step, as `argmap questions` prints them."""
    out: list[str] = []
    unschemed = [s for s in steps if s.scheme is None]
    for step in steps:
        if step.scheme is None or (only_open and not step.open):
            continue
        answered = len(step.questions) - len(step.open)
        out.append(
            f"{step.inference} (line {step.line}): '{step.conclusion}' <- "
            f"{' + '.join(step.premises)}"
        )
        out.append(
            f"  {step.scheme_title} ({step.scheme}): {answered} of {len(step.questions)} answered"
        )
        for question in step.questions:
            if question.is_open:
                out.append(f"  [ ] {question.number}. {question.text}")
            elif not only_open:
                out.append(f"  [x] {question.number}. {question.text}")
                out.append(f"        answered by '{question.answered_by}': {question.answer_text}")
        out.append("")
    if unschemed:
        names = ", ".join(s.inference for s in unschemed)
        out.append(
            f"{plural(len(unschemed), 'step')} name no scheme, so "
            f"have no critical questions: {names}"
        )
        out.append("  add 'scheme: <name>' under a step; docs/analysis.md lists the schemes")
    if not out:
        out.append("The map has no steps.")
    return "\n".join(out) + "\n"
