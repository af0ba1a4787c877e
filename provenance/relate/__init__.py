"""Relating: candidate pairs of claims or texts ─► agrees / contradicts / related, with reasons."""
