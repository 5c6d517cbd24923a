"""Published feeds of absences: made, revoked and served to any calendar."""
