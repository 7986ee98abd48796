"""
Pagination for every public list: forgiving (`?page=abc` is page 1, `?page=999` the last), and
with the total count cached until the content changes, so a list's cost does not grow with
the archive (pagecache/paginator.py).
"""

from pagecache.paginator import CachedCountMixin


class GetPageMixin(CachedCountMixin):
    """Use Paginator.get_page() instead of ListView's 404 on a malformed or huge page number."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Other query parameters (filters) survive the page links.
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context["page_query"] = query.urlencode() + "&" if query else ""
        return context
