"""Slack plumbing no capability owns: request context, directory caches, modals, redraws."""
