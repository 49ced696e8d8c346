# An app written for Django < 3.2. Django 4.1 removed default_app_config:
# this line does nothing, and nothing warns about it.
default_app_config = "notifications.demos.legacy.config.LegacyConfig"
