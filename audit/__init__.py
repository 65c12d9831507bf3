"""The audit: runs after normalisation and compares what an edition claims with what was extracted."""

from .edition import AuditSettings, audit_edition

__all__ = ["AuditSettings", "audit_edition"]
