"""The example project's settings plus the reloadprobe app."""

from handbook.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "library.reloadprobe"]  # noqa: F405
