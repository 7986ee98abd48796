from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.generic import DateDetailView, ListView

from .models import Author, Column


def can_preview(user):
    """Staff see drafts and scheduled columns, marked as such, on the public pages."""
    return user.is_active and user.is_staff


class ColumnListView(ListView):
    template_name = "columns/column_list.html"
    paginate_by = 10

    def get_queryset(self):
        return Column.objects.published().with_listing_data()


class ColumnDetailView(DateDetailView):
    date_field = "day"
    month_format = "%m"
    day_format = "%d"
    allow_future = True

    def get_queryset(self):
        columns = Column.objects.with_listing_data()
        if can_preview(self.request.user):
            return columns
        return columns.published()

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_public:
            add_never_cache_headers(response)
        return response


class AuthorView(ListView):
    template_name = "columns/author_detail.html"
    paginate_by = 10

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return Column.objects.published().filter(authors=self.author).with_listing_data()

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)
