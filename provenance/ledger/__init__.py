"""The ledger: claims.toml read, merged with the corpus, re-anchored, written and checked."""
