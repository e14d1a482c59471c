"""Stage 3: analysis. Finds the weak links of a well-formed map.

CONTRACT (the renderer and the report build on it; the implementation replaces this stub):
- `analyse(map) -> list[Diagnostic]`: findings (severity warning or info), each with `subjects`
  (ids of statements, inferences, conditionals, attacks) and `links` ((premise id, inference
  id) pairs) naming what it concerns.
- `standing(map) -> dict[str, Standing]`: every statement's label under grounded semantics.
"""

from __future__ import annotations

from enum import StrEnum

from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap


class Standing(StrEnum):
    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"


def analyse(argument_map: ArgumentMap) -> list[Diagnostic]:
    return []


def standing(argument_map: ArgumentMap) -> dict[str, Standing]:
    return {statement.id: Standing.IN for statement in argument_map.statements}
