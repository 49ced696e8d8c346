"""Small apps for the Guide's page on AppConfig.ready().

None of them is in INSTALLED_APPS. Snippets install them for a moment with
`override_settings(INSTALLED_APPS=[...])`, or start Django with them in a
fresh process (`fresh.start_django()`). The apps under `broken/` fail on
purpose; that folder is not a package, so only a fresh process imports them.
"""
