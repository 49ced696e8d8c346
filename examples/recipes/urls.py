from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="recipes/login.html"),
        name="recipes-login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="recipes-logout"),
    path("hello/", views.hello, name="recipes-hello"),
    path("countdown/", views.countdown, name="recipes-countdown"),
]
