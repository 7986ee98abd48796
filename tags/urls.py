from django.urls import path
from django.views.decorators.http import conditional_page

from core.feeds import as_rss

from . import views
from .feeds import TagFeed

app_name = "tags"

urlpatterns = [
    path("tags/", views.TagListView.as_view(), name="list"),
    path("tag/<slug:slug>/", views.TagView.as_view(), name="detail"),
    # Atom at …/feed/, its RSS 2.0 twin at …/feed/rss/; ETags and Last-Modified give 304s.
    path("tag/<slug:slug>/feed/", conditional_page(TagFeed()), name="feed"),
    path("tag/<slug:slug>/feed/rss/", conditional_page(as_rss(TagFeed)()), name="feed_rss"),
]
