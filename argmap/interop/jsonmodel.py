"""The map as JSON: the model itself, as `ArgumentMap.model_json_schema()` describes it."""

from __future__ import annotations

from argmap.model import ArgumentMap


def export_json(argument_map: ArgumentMap) -> str:
    """The whole map (spans included) as indented JSON, valid against the model's schema."""
    return argument_map.model_dump_json(indent=2) + "\n"
