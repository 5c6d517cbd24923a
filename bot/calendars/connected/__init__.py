"""People's connected calendars: read on a schedule into their responders."""
