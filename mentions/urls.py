from django.urls import path
from django.views.decorators.http import conditional_page

from core.feeds import as_json, as_rss

from . import views
from .feeds import MentionFeed

app_name = "mentions"

urlpatterns = [
    path("in-the-media/", views.MentionListView.as_view(), name="list"),
    path("in-the-media/feed/", conditional_page(MentionFeed()), name="feed"),
    path("in-the-media/feed/rss/", conditional_page(as_rss(MentionFeed)()), name="feed_rss"),
    path("in-the-media/feed/json/", conditional_page(as_json(MentionFeed)()), name="feed_json"),
]
