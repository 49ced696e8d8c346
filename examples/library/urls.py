from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "library"
urlpatterns = [
    path("books/", views.book_list, name="book-list"),
    path("hours/", views.opening_hours, name="hours"),
    path("fail/<slug:kind>/", views.fail, name="fail"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="library/login.html"),
        name="login",
    ),
    path(
        "logout/",
        auth_views.LogoutView.as_view(next_page="library:book-list"),
        name="logout",
    ),
]
