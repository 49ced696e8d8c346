from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The project's user model (AUTH_USER_MODEL = "accounts.User").

    Django recommends a custom user model from the first migration; it is
    also what makes `sender=django.contrib.auth.models.User` miss every
    auth signal in this project, which the handbook shows.
    """
