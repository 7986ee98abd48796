from django.urls import path

from . import views

app_name = "mentions"

urlpatterns = [
    path("in-the-media/", views.MentionListView.as_view(), name="list"),
]
