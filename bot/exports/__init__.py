"""Exports: a team's absences over a period as a CSV, sent privately or written by `ooo export`."""
