"""Installations in any number of workspaces: tokens sealed at rest, looked up per workspace."""
