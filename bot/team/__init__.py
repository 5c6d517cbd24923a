"""Team views: who in a channel or user group is out when, and the daily digest of it."""
