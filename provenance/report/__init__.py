"""The conflict report: the report model built from a ledger, and one formatter per format."""
