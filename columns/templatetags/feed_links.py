from django import template
from django.conf import settings
from django.urls import reverse

register = template.Library()

# The page (by URL name, or by route for pages whose name another branch defines) → its feed.
PAGE_FEEDS = {
    "outlets:detail": ("columns:outlet_feed", "outlet", "Columns in {}"),
    "columns:author": ("columns:author_feed", "author", "Columns by {}"),
    "columns:tag": ("columns:tag_feed", "tag", "Columns about {}"),
}


@register.simple_tag(takes_context=True)
def page_feeds(context):
    """The feeds to announce on this page: the site's, plus the page's own where it has one."""
    feeds = [
        {
            "title": f"{settings.SITE_NAME}: latest columns",
            "atom": reverse("columns:feed"),
            "rss": reverse("columns:feed_rss"),
        }
    ]
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None:
        return feeds
    if match.view_name == "mentions:list":
        feeds.append(
            {
                "title": f"{settings.SITE_NAME}: in the media",
                "atom": reverse("mentions:feed"),
                "rss": reverse("mentions:feed_rss"),
            }
        )
    page = PAGE_FEEDS.get(match.view_name)
    if page and "slug" in match.kwargs:
        name, context_name, title = page
        kwargs = {"slug": match.kwargs["slug"]}
        subject = context.get(context_name)
        feeds.append(
            {
                "title": title.format(getattr(subject, "name", match.kwargs["slug"])),
                "atom": reverse(name, kwargs=kwargs),
                "rss": reverse(f"{name}_rss", kwargs=kwargs),
            }
        )
    return feeds
