"""Maps and essays for the HTML page's tests: the adversarial ones, and a small honest one;
and how the browser tests (and benchmarks/bench_html.py) launch Debian's Chromium."""

from __future__ import annotations

from argmap.diagnostics import Span
from argmap.model import ArgumentMap, Header, Inference, Quote, Statement, StatementKind

PAYLOADS = (
    "<script>alert(1)</script>",
    "</style>",
    '"onload=alert(1)',
    "javascript:alert(1)",
    "\u202e",
)
EVIL = " ".join(PAYLOADS)

SMALL_MAP = """\
title: A small essay
source: essay.txt

thesis t: School should start later.
  quote: "school should start later"
premise sleep: Teenagers sleep late.
  quote: "Teenagers sleep late"
evidence study: A study found better grades.
  quote: "a study found better grades"
  cite: A study, 2020
s: t <- sleep + study
  scheme: cause-to-effect
"""

SMALL_ESSAY = (
    "A title line\n\n"
    "I think school should start later. Teenagers sleep late, as everyone knows. "
    "Nobody quotes this sentence.\n\n"
    "Indeed a study found better grades. The end!\n"
)

EVIL_MAP = """\
title: <script>alert(1)</script> </style> "onload=alert(1) javascript:alert(1) \u202e title
source: essay.txt

thesis t: <script>alert(1)</script> and </style> and "onload=alert(1) and
  javascript:alert(1) and \u202ereversed
  quote: "<script>alert(1)</script>"
  note: </style><img src=x onerror=alert(1)> javascript:alert(1)
premise p: <img src=x onerror=alert(1)> "onload=alert(1)
  quote: "javascript:alert(1)"
s: t <- p
"""

EVIL_ESSAY = (
    "First <script>alert(1)</script> is what they wrote.\n\n"
    'Then javascript:alert(1) and "onload=alert(1) and </style><b>bold</b> '
    "\u202eevil text. <img src=x onerror=alert(1)> left out.\n"
)

_SPAN = Span(line=1, column=1, end_line=1, end_column=2)
EVIL_IDS = ('t"onload=alert(1)', "<script>alert(1)</script>")


def evil_built_map() -> ArgumentMap:
    """A map made in Python, whose ids (which the language would refuse) are payloads too."""
    thesis, premise = EVIL_IDS
    return ArgumentMap(
        path="built.argmap",
        header=Header(title=EVIL, subtitle=EVIL, author=EVIL),
        statements=(
            Statement(
                id=thesis,
                kind=StatementKind.THESIS,
                text=EVIL,
                quote=Quote(text="javascript:alert(1)", span=_SPAN),
                note=EVIL,
                span=_SPAN,
                id_span=_SPAN,
            ),
            Statement(id=premise, kind=StatementKind.PREMISE, text=EVIL, span=_SPAN, id_span=_SPAN),
        ),
        inferences=(
            Inference(
                id="step",
                premises=(premise,),
                conclusion=thesis,
                note=EVIL,
                span=_SPAN,
                premise_spans=(_SPAN,),
                conclusion_span=_SPAN,
            ),
        ),
    )


# Debian's Chromium, driven by playwright through executable_path (no browser download)
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
