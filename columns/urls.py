from django.urls import path, register_converter
from django.views.decorators.http import conditional_page

from core.feeds import as_json, as_rss

from . import views
from .about import AboutView
from .feeds import AuthorFeed, ColumnFeed


class FourDigits:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


class TwoDigits:
    """A month or day as written in addresses ("06"); the date views parse it with %m / %d."""

    regex = "[0-9]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return f"{int(value):02d}"


register_converter(FourDigits, "yyyy")
register_converter(TwoDigits, "nn")

app_name = "columns"

urlpatterns = [
    path("", views.ColumnListView.as_view(), name="index"),
    path(
        "<int:year>/<str:month>/<str:day>/<slug:slug>/",
        views.ColumnDetailView.as_view(),
        name="detail",
    ),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("about/", AboutView.as_view(), name="about"),
    # Feeds: Atom at …/feed/, its RSS 2.0 twin at …/feed/rss/, JSON Feed at …/feed/json/;
    # ETags and Last-Modified give 304s.
    path("feed/", conditional_page(ColumnFeed()), name="feed"),
    path("feed/rss/", conditional_page(as_rss(ColumnFeed)()), name="feed_rss"),
    path("feed/json/", conditional_page(as_json(ColumnFeed)()), name="feed_json"),
    path("author/<slug:slug>/feed/", conditional_page(AuthorFeed()), name="author_feed"),
    path(
        "author/<slug:slug>/feed/rss/",
        conditional_page(as_rss(AuthorFeed)()),
        name="author_feed_rss",
    ),
    path(
        "author/<slug:slug>/feed/json/",
        conditional_page(as_json(AuthorFeed)()),
        name="author_feed_json",
    ),
    path("archive/", views.ArchiveIndexView.as_view(), name="archive"),
    path("<yyyy:year>/", views.ColumnYearArchiveView.as_view(), name="year"),
    path("<yyyy:year>/<nn:month>/", views.ColumnMonthArchiveView.as_view(), name="month"),
    path("<yyyy:year>/<nn:month>/<nn:day>/", views.ColumnDayArchiveView.as_view(), name="day"),
]
