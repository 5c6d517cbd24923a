"""Automatic replies: from a message event to the effects that answer, forward and remind."""
