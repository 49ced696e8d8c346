"""Tasks for the capture test (Django 6.0+: import this module only there)."""

from django.tasks import task


@task
def add(a, b):
    return a + b


@task
def divide(a, b):
    return a / b


@task
def interrupt():
    raise KeyboardInterrupt
