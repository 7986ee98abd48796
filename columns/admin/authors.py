"""The authors' admin: the list with each author's column count, and the byline's autocomplete."""

from django.contrib import admin
from django.db.models import Count

from columns.models import Author
from core.admin import ModelAdmin


@admin.register(Author)
class AuthorAdmin(ModelAdmin):
    list_display = ["name", "is_owner", "column_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "is_owner", "bio", "website"]}),
        (
            "Profile",
            {
                "fields": ["photo", "about", "profile_links", "contact_email", "fediverse_handle"],
                "description": "What readers see on this author's page and, for the site "
                "owner, in the header and on the About page.",
            },
        ),
    ]

    def get_queryset(self, request):
        # Aggregation drops Meta.ordering; autocomplete pages need a stable order.
        authors = super().get_queryset(request).annotate(column_count=Count("bylines"))
        return authors.order_by("name")

    @admin.display(description="columns", ordering="column_count")
    def column_count(self, author):
        return author.column_count
