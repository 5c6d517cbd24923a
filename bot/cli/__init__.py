"""The `ooo` subcommands, one module each."""
