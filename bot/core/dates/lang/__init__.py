"""Date words and texts, one module per language."""
