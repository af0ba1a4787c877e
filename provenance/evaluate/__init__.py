"""Evaluation: attribution accuracy against an annotated corpus (PolNeAR brat standoff)."""
