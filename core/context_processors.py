"""What every page's template knows: the site's name and description, and its own address."""

from django.conf import settings
from django.utils.encoding import escape_uri_path


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_description": settings.SITE_DESCRIPTION,
        # The page's own address without its query: list pages add ?page=N (see base.html).
        "page_url": request.build_absolute_uri(escape_uri_path(request.path)),
    }
