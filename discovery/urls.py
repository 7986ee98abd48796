from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from pagecache.query import reads

from . import views
from .api import read_only_urls
from .sitemaps import SITEMAPS

app_name = "discovery"
# The read API's patterns, named in this namespace ("discovery:api_columns"; the document is
# "discovery:openapi-json"), so they are included as a plain list.
api_patterns = read_only_urls()
# The API's lists read these query parameters (discovery/api.py); the page cache keys on them
# alone (pagecache/query.py).
for pattern in api_patterns:
    reads("tag", "outlet", "author", "year", "q", "page")(pattern.callback)

urlpatterns = [
    path("search/", views.search, name="search"),
    path("api/", include(api_patterns)),
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
