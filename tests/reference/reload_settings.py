"""The example project's settings plus the reloadprobe app."""

from handbook.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.reference.reloadprobe"]  # noqa: F405
