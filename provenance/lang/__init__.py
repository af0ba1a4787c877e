"""Language facts shared by every stage, one subpackage per language."""
