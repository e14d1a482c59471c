"""Other formats: export a map to JSON, AIF or Argdown, import one from AIF or Argdown.

Exporters read the model and return text; importers build a model and return it with
diagnostics `(ArgumentMap, list[Diagnostic])`, never raising for bad input.
"""

from __future__ import annotations

from argmap.interop.aif import export_aif, export_aif_text, import_aif
from argmap.interop.argdown import export_argdown, import_argdown
from argmap.interop.jsonmodel import export_json
from argmap.syntax import print_map  # the one printer: a map built in memory, as .argmap text

__all__ = [
    "export_aif",
    "export_aif_text",
    "export_argdown",
    "export_json",
    "import_aif",
    "import_argdown",
    "print_map",
]
