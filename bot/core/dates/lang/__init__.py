"""Date words, one module per language: what the reader reads (the catalog writes)."""
