"""Settings for the handbook's example project.

A small but ordinary Django project: the handbook's snippets and tests run
against it, so every page shows code that works in a real project.
"""

import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "django-insecure-handbook-examples-only"
)
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "accounts",
    "shop",
    "notifications",
    "library",
    "inventory",
    "recipes",
    "toolbox",
    "rest_framework",
    "integrations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "handbook.urls"
WSGI_APPLICATION = "handbook.wsgi.application"
ASGI_APPLICATION = "handbook.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def postgres_database(url):
    """A DATABASES entry for a PostgreSQL URL.

    postgres://USER:PASSWORD@HOST:PORT/NAME, or for a Unix socket directory
    postgres://USER@/NAME?host=/run/postgresql (libpq's form; a %2F-quoted
    host works too). Other query parameters (sslmode=require, ...) go to the
    driver; pool=true turns on Django's connection pool (psycopg-pool).
    """
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise ImproperlyConfigured(
            f"DATABASE_URL must start with postgres://, not {parts.scheme}://"
        )
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    host = hostport.rpartition(":")[0] if parts.port is not None else hostport
    options = dict(parse_qsl(parts.query))
    pool = options.pop("pool", "").lower() in {"1", "true", "yes"}
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.removeprefix("/")),
        "USER": unquote(user),
        "PASSWORD": unquote(password),
        "HOST": options.pop("host", unquote(host).strip("[]")),
        "PORT": options.pop("port", str(parts.port or "")),
        "OPTIONS": {**options, "pool": True} if pool else options,
    }


def databases(environ):
    """SQLite, unless DATABASE_URL names a PostgreSQL server.

    scripts/postgres.py starts a throwaway one: python scripts/postgres.py -- pytest
    """
    if environ.get("DATABASE_URL"):
        return {"default": postgres_database(environ["DATABASE_URL"])}
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": environ.get("DJANGO_DB", BASE_DIR / "db.sqlite3"),
        }
    }


DATABASES = databases(os.environ)

AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"

# Django 6.0+: django.tasks runs tasks in-process with this backend (5.2 ignores it).
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

# Django 6.1+: where email goes; without MAILERS, 6.1 warns that Django 2028 will need it.
# 5.2 and 6.0 ignore it. Test runs replace every backend with the in-memory one.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
