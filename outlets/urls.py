from django.urls import path

from . import views

app_name = "outlets"

urlpatterns = [
    path("outlets/", views.OutletListView.as_view(), name="list"),
    path("outlet/<slug:slug>/", views.OutletView.as_view(), name="detail"),
]
