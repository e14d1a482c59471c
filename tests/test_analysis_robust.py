"""Any well-formed map, however tangled (circles, attacks on attacks, suppositions), can be
analysed and reported on without an exception, and every finding names what it concerns."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_calculus import SPAN, maps

from argmap.analysis import CHECKS, analyse, standing
from argmap.codes import CODES
from argmap.model import ArgumentMap, Attack, AttackKind
from argmap.report import build_report, format_markdown, format_text


@st.composite
def attacked_maps(draw: st.DrawFn) -> ArgumentMap:
    base = draw(maps())
    statements = [s.id for s in base.statements]
    steps = [i.id for i in base.inferences]
    attacks: list[Attack] = []
    for index in range(draw(st.integers(0, 5))):
        targets = statements + steps + [a.id for a in attacks]
        target = draw(st.sampled_from(targets))
        kind = AttackKind.REBUT if target in statements else AttackKind.UNDERCUT
        attacker = draw(st.sampled_from([s for s in statements if s != target]))
        attacks.append(
            Attack(
                id=f"a{index}",
                kind=kind,
                attacker=attacker,
                target=target,
                span=SPAN,
                attacker_span=SPAN,
                target_span=SPAN,
            )
        )
    return base.model_copy(update={"attacks": tuple(attacks)})


@settings(max_examples=200, deadline=None)
@given(attacked_maps())
def test_any_map_is_analysed_and_reported(argument_map: ArgumentMap) -> None:
    findings = analyse(argument_map)
    ids = set(argument_map.by_id)
    for finding in findings:
        assert finding.code in CODES and not finding.is_error
        assert set(finding.subjects) <= ids
        assert all(a in ids and b in ids for a, b in finding.links)
    assert set(standing(argument_map)) == {s.id for s in argument_map.statements}
    report = build_report(argument_map, findings)
    assert format_text(report) and format_markdown(report)
    assert len(CHECKS) == 16
