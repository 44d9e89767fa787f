"""Named laundering typologies (PRODUCT.md question 9): reusable detection queries with
evidence. One Cypher file per typology in cypher/typologies/; `catalogue` lists them with
their parameters, `typology_hits` runs one over a scope (docs/INVESTIGATIONS.md, Typologies)."""

from __future__ import annotations

from graph.investigate.typologies.catalogue import TYPOLOGIES, Param, Typology, typology
from graph.investigate.typologies.run import MAX_WINDOW_DAYS, typology_hits
from graph.investigate.typologies.types import (
    HitAmount,
    HitOrganisation,
    TypologyHit,
    TypologyHits,
    TypologyScope,
)

__all__ = ["MAX_WINDOW_DAYS", "TYPOLOGIES", "HitAmount", "HitOrganisation", "Param", "Typology",
           "TypologyHit", "TypologyHits", "TypologyScope", "typology", "typology_hits"]
