"""URLs of the two admin sites of integrations/admin.py (docs/tools/admin.md)."""

from django.urls import path

from .admin import pitfalls, site

urlpatterns = [
    path("admin/", site.urls),
    path("pitfalls/", pitfalls.urls),
]
