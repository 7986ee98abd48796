from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from config.healthz import healthz

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path(settings.HEALTH_CHECK_PATH.lstrip("/"), healthz, name="healthz"),
    path("", include("discovery.urls")),
    path("", include("citations.urls")),
    path("", include("subscribers.urls")),
    path("", include("mentions.urls")),
    path("", include("outlets.urls")),
    path("", include("tags.urls")),
    path("", include("columns.urls")),
]
# Uploaded media are served by config.media.MediaFilesMiddleware, with DEBUG on or off.

handler403 = "config.errors.permission_denied"
