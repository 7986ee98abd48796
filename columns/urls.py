from django.urls import path
from django.views.decorators.http import conditional_page

from . import views
from .feeds import AuthorFeed, ColumnFeed, OutletFeed, TagFeed, as_rss

app_name = "columns"

urlpatterns = [
    path("", views.ColumnListView.as_view(), name="index"),
    path(
        "<int:year>/<str:month>/<str:day>/<slug:slug>/",
        views.ColumnDetailView.as_view(),
        name="detail",
    ),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    # Feeds: Atom at …/feed/, its RSS 2.0 twin at …/feed/rss/; ETags and Last-Modified give 304s.
    path("feed/", conditional_page(ColumnFeed()), name="feed"),
    path("feed/rss/", conditional_page(as_rss(ColumnFeed)()), name="feed_rss"),
    path("tag/<slug:slug>/feed/", conditional_page(TagFeed()), name="tag_feed"),
    path("tag/<slug:slug>/feed/rss/", conditional_page(as_rss(TagFeed)()), name="tag_feed_rss"),
    path("outlet/<slug:slug>/feed/", conditional_page(OutletFeed()), name="outlet_feed"),
    path(
        "outlet/<slug:slug>/feed/rss/",
        conditional_page(as_rss(OutletFeed)()),
        name="outlet_feed_rss",
    ),
    path("author/<slug:slug>/feed/", conditional_page(AuthorFeed()), name="author_feed"),
    path(
        "author/<slug:slug>/feed/rss/",
        conditional_page(as_rss(AuthorFeed)()),
        name="author_feed_rss",
    ),
]
