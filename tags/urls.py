"""The tag pages' addresses: /tags/, /tag/<slug>/ and its feeds."""

from django.urls import path, register_converter
from django.views.decorators.http import conditional_page

from core.feeds import as_json, as_rss

from . import views
from .feeds import TagFeed


class TagSlug:
    """A tag's slug: taggit keeps letters of any script ("türkiye"), which <slug:> (ASCII
    only) could neither match nor reverse: every page showing such a tag failed."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TagSlug, "tag_slug")

app_name = "tags"

urlpatterns = [
    path("tags/", views.TagListView.as_view(), name="list"),
    path("tag/<tag_slug:slug>/", views.TagView.as_view(), name="detail"),
    # Atom at …/feed/, its RSS 2.0 twin at …/feed/rss/, JSON Feed at …/feed/json/;
    # ETags and Last-Modified give 304s.
    path("tag/<tag_slug:slug>/feed/", conditional_page(TagFeed()), name="feed"),
    path("tag/<tag_slug:slug>/feed/rss/", conditional_page(as_rss(TagFeed)()), name="feed_rss"),
    path("tag/<tag_slug:slug>/feed/json/", conditional_page(as_json(TagFeed)()), name="feed_json"),
]
