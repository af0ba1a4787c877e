"""Extraction: files ─► documents ─► sentences ─► claims (speaker, cue, content, date, stance)."""
