"""The pydantic models that are the contract between stages, and their JSON Schema files."""

from .blocks import Block, SourceDocument
from .edition import (
    SCHEMA_VERSION,
    Action,
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
    SourceRef,
    StatedChange,
    Step,
)
from .provenance import Provenance
from .values import Deadline, IndicatorValue, Milestone, Owner

__all__ = [
    "SCHEMA_VERSION",
    "Action",
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
    "Provenance",
    "SourceDocument",
    "SourceRef",
    "StatedChange",
    "Step",
]
