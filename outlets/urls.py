from django.urls import path
from django.views.decorators.http import conditional_page

from core.feeds import as_json, as_rss

from . import views
from .feeds import OutletFeed

app_name = "outlets"

urlpatterns = [
    path("outlets/", views.OutletListView.as_view(), name="list"),
    path("outlet/<slug:slug>/", views.OutletView.as_view(), name="detail"),
    # Atom at …/feed/, its RSS 2.0 twin at …/feed/rss/, JSON Feed at …/feed/json/;
    # ETags and Last-Modified give 304s.
    path("outlet/<slug:slug>/feed/", conditional_page(OutletFeed()), name="feed"),
    path("outlet/<slug:slug>/feed/rss/", conditional_page(as_rss(OutletFeed)()), name="feed_rss"),
    path(
        "outlet/<slug:slug>/feed/json/", conditional_page(as_json(OutletFeed)()), name="feed_json"
    ),
]
