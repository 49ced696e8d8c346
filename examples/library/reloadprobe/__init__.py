"""An app that records what runserver's autoreloader sends, then stops it.

It is not in the project's INSTALLED_APPS: settings.py, next to this file,
adds it, for the runserver test of examples/library/tests.py.
"""
