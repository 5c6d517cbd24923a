"""Pure Block Kit builders, each beside its block and action ids and the reader of its view."""
