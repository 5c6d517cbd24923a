"""Absences set, edited, ended or deleted for someone else, by those allowed to, and the audit
log that records each one."""
