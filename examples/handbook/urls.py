from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("library/", include("library.urls")),
    path("inventory/", include("inventory.urls")),
    path("recipes/", include("recipes.urls")),
    path("toolbox/", include("toolbox.urls")),
    path("integrations/", include("integrations.urls")),
]
