"""Citations: /<column address>/cite.<bib|ris|json>, /publications/ and /publications.<format>."""

from django.urls import path, register_converter

from . import views
from .exports import FORMATS


class CitationFormat:
    regex = "|".join(FORMATS)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(CitationFormat, "citation_format")

app_name = "citations"

urlpatterns = [
    path(
        "<int:year>/<str:month>/<str:day>/<slug:slug>/cite.<citation_format:fmt>",
        views.column_citation,
        name="column",
    ),
    path("publications/", views.PublicationsView.as_view(), name="publications"),
    path("publications.<citation_format:fmt>", views.bibliography, name="bibliography"),
]
