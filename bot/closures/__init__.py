"""Closures: the office closed for a channel, a user group or everyone; opted out of, ended."""
