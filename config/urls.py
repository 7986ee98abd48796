from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from config.healthz import healthz

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path(settings.HEALTH_CHECK_PATH.lstrip("/"), healthz, name="healthz"),
    path("", include("discovery.urls")),
    path("", include("mentions.urls")),
    path("", include("outlets.urls")),
    path("", include("tags.urls")),
    path("", include("columns.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler403 = "config.errors.permission_denied"
