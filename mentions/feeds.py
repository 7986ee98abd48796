from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from core.feeds import FEED_SIZE, ContentFeed, absolute_links, day_start, tag_uri

from .models import Mention


class MentionFeed(ContentFeed):
    """The "In the media" list as a feed: one entry per published mention."""

    title = f"In the media · {settings.SITE_NAME}"
    subtitle = description = "Interviews, quotes and appearances in the media."

    def link(self):
        return reverse("mentions:list")

    author_name = settings.SITE_NAME

    def items(self):
        return Mention.objects.published().with_listing_data()[:FEED_SIZE]

    def item_title(self, mention):
        return mention.sentence

    def item_description(self, mention):
        return mention.public_note or mention.sentence

    def item_guid(self, mention):
        return tag_uri(self.request, mention, "mention")

    item_guid_is_permalink = False

    def item_pubdate(self, mention):
        return day_start(mention.date)

    def item_updateddate(self, mention):
        return max(mention.modified_at, day_start(mention.date))

    def item_categories(self, mention):
        return sorted((tag.name for tag in mention.tags.all()), key=str.casefold)

    def item_extra_kwargs(self, mention):
        return {
            "original_url": mention.url,
            "original_title": mention.outlet.name,
            "content": absolute_links(
                render_to_string("feeds/mention_content.html", {"mention": mention}), self.request
            ),
        }
