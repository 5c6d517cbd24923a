"""Calendars: people's iCalendar feeds read into responders, and feeds of absences published."""
