"""
The site's feed of columns and an author's (core/feeds.py has what every feed of columns
shares); a tag's and an outlet's feeds live with their pages, in tags/ and outlets/.
"""

from django.conf import settings
from django.urls import reverse

from core.content import public_by_slug
from core.feeds import ColumnEntriesFeed

from .models import Author, Column


class ColumnFeed(ColumnEntriesFeed):
    """The latest published columns."""

    def link(self):
        return reverse("columns:index")

    def columns(self, obj):
        return Column.objects.all()


class AuthorFeed(ColumnFeed):
    def get_object(self, request, slug):
        return public_by_slug(Author.objects.select_related("photo"), slug)

    def title(self, author):
        return f"{author.name} · {settings.SITE_NAME}"

    def subtitle(self, author):
        return f"Columns by {author.name}."

    description = subtitle

    def link(self, author):
        return author.get_absolute_url()

    def columns(self, author):
        return Column.objects.filter(authors=author)
