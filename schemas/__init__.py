"""The pydantic models that are the contract between stages, and their JSON Schema files."""

from .blocks import Block, SourceDocument
from .edition import (
    SCHEMA_VERSION,
    Action,
    ActionReference,
    ChartEntry,
    Claim,
    ClaimCheck,
    Edition,
    Enjeu,
    Finding,
    IndicatorCell,
    IndicatorRow,
    IndicatorTable,
    Mission,
    Passage,
    SourceRef,
    StatedChange,
    Step,
)
from .provenance import Provenance
from .values import Deadline, IndicatorValue, Milestone, Owner

__all__ = [
    "SCHEMA_VERSION",
    "Action",
    "ActionReference",
    "Block",
    "ChartEntry",
    "Claim",
    "ClaimCheck",
    "Deadline",
    "Edition",
    "Enjeu",
    "Finding",
    "IndicatorCell",
    "IndicatorRow",
    "IndicatorTable",
    "IndicatorValue",
    "Milestone",
    "Mission",
    "Owner",
    "Passage",
    "Provenance",
    "SourceDocument",
    "SourceRef",
    "StatedChange",
    "Step",
]
