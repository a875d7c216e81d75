"""The navigator's nodes as plain rows: who each is, its figures, its children.

No Qt here: what the navigator model and its search read from the trees the
services return, including for the nodes not built yet.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum

from pilotage.domain.enums import KpiStatus
from pilotage.services.overview import InitiativeNode, KpiNode, PillarNode, ProgramTree

NodeRow = ProgramTree | PillarNode | InitiativeNode | KpiNode


class NodeKind(StrEnum):
    PROGRAM = "program"
    PILLAR = "pillar"
    INITIATIVE = "initiative"
    KPI = "kpi"


NodeKey = tuple[NodeKind, int]


def search_key(text: str) -> str:
    """Case- and accent-free text: "Écosystème" -> "ecosysteme"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# (key, the parent's key, code, name): what decides the tree's structure and labels.
Shape = tuple[NodeKey, NodeKey | None, str, str]


def identity(row: NodeRow) -> tuple[NodeKind, int, str, str]:
    if isinstance(row, ProgramTree):
        return NodeKind.PROGRAM, row.program.id, row.program.reference, row.program.title
    if isinstance(row, PillarNode):
        return NodeKind.PILLAR, row.id, row.code, row.title
    if isinstance(row, InitiativeNode):
        return NodeKind.INITIATIVE, row.id, row.code, row.name
    return NodeKind.KPI, row.id, row.code, row.name


def figures(row: NodeRow) -> tuple[KpiStatus, Decimal | None, str]:
    """Status, progress and trace: what changes with the date or a new measurement."""
    if isinstance(row, KpiNode):
        evaluation = row.evaluation
        return evaluation.status, evaluation.progress.value, evaluation.trace
    return row.headline, row.rollup.mean_progress, row.rollup.trace


def child_rows(row: NodeRow) -> tuple[NodeRow, ...]:
    """A node's own KPIs come before its children, as in the portfolio text."""
    if isinstance(row, ProgramTree):
        return (*row.kpis, *row.pillars)
    if isinstance(row, PillarNode):
        return (*row.kpis, *row.initiatives)
    if isinstance(row, InitiativeNode):
        return row.kpis
    return ()


def flatten(trees: Iterable[ProgramTree]) -> tuple[list[Shape], list[NodeRow]]:
    """Every row of the trees, depth first, with its shape: no Qt, no node built.

    Plain loops rather than a recursive walk: this runs over every KPI at each reload.
    """
    shape: list[Shape] = []
    rows: list[NodeRow] = []
    add_shape, add_row = shape.append, rows.append
    kpi = NodeKind.KPI

    def kpis(owner: NodeKey, nodes: Iterable[KpiNode]) -> None:
        for k in nodes:
            add_shape(((kpi, k.id), owner, k.code, k.name))
            add_row(k)

    for tree in trees:
        program = tree.program
        program_key = (NodeKind.PROGRAM, program.id)
        add_shape((program_key, None, program.reference, program.title))
        add_row(tree)
        kpis(program_key, tree.kpis)
        for pillar in tree.pillars:
            pillar_key = (NodeKind.PILLAR, pillar.id)
            add_shape((pillar_key, program_key, pillar.code, pillar.title))
            add_row(pillar)
            kpis(pillar_key, pillar.kpis)
            for initiative in pillar.initiatives:
                initiative_key = (NodeKind.INITIATIVE, initiative.id)
                add_shape((initiative_key, pillar_key, initiative.code, initiative.name))
                add_row(initiative)
                kpis(initiative_key, initiative.kpis)
    return shape, rows
