from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.generic import TemplateView

from . import api, openapi, views
from .sitemaps import SITEMAPS

app_name = "discovery"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("api/columns/", api.column_list, name="api_columns"),
    path("api/columns/<int:pk>/", api.column_detail, name="api_column"),
    path("api/mentions/", api.mention_list, name="api_mentions"),
    path("api/outlets/", api.outlet_list, name="api_outlets"),
    path("api/tags/", api.tag_list, name="api_tags"),
    path("api/openapi.json", openapi.openapi_document, name="openapi"),
    path("api/", api.api_root, name="api"),
    path("api/<path:path>", api.unknown),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "discovery:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
