"""What every subcommand starts with: settings from the environment, and logging set up by them."""

from bot.config import SettingsT, load_settings
from bot.logs import configure_logging


def settings_of(kind: type[SettingsT]) -> SettingsT:
    """Load settings and set up logging from them."""
    settings = load_settings(kind)
    configure_logging(settings.log_level, settings)
    return settings
