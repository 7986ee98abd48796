"""What every page knows about whose site it is: the owner (header, home page, cards)."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject, lazy

from pagecache.paginator import cached_aggregate

from .models import Author


def site_owner(request):
    """The site owner with their photo, or None, once per request. One query, cached under the
    content version (an author's save changes it) where the count cache is on."""
    if not hasattr(request, "_site_owner"):
        request._site_owner = cached_aggregate(
            "site owner",
            lambda: Author.objects.filter(is_owner=True).select_related("photo").first(),
        )
    return request._site_owner


def owner(request):
    """`site_owner` and `site_name`: the owner's name, or SITE_NAME ("Columnist" by default)
    while there is no owner; looked up only when a template asks."""

    def name():
        person = site_owner(request)
        return person.name if person else settings.SITE_NAME

    return {
        "site_owner": SimpleLazyObject(lambda: site_owner(request)),
        "site_name": lazy(name, str)(),
    }
