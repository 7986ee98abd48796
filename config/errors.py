"""A refused request gets a page that says why and where to go, not a bare "403 Forbidden"."""

from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse


def permission_denied(request, exception=None):
    in_admin = request.path.startswith("/" + settings.ADMIN_PATH)
    if in_admin and request.user.is_active and request.user.is_staff:
        context = {**admin.site.each_context(request), "title": "Not something you can do here"}
        groups = ", ".join(g.name for g in request.user.groups.all()) or "no group"
        context["groups"] = groups
        response = TemplateResponse(request, "admin/403.html", context, status=403)
    else:
        response = TemplateResponse(request, "403.html", {}, status=403)
    return response.render()
