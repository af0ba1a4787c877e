"""provenance: who said what, when, where it was reported, and where sources disagree."""

__version__ = "0.1.0"
