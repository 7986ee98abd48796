from django.urls import path

from . import views

app_name = "columns"

urlpatterns = [
    path("", views.ColumnListView.as_view(), name="index"),
    path(
        "<int:year>/<str:month>/<str:day>/<slug:slug>/",
        views.ColumnDetailView.as_view(),
        name="detail",
    ),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
]
