"""A tag's page (its columns, then its latest mentions) and the index of every tag."""

from django.views.generic import ListView
from taggit.models import Tag

from columns.models import Column, TaggedColumn
from columns.views import PublicColumnsMixin
from core.content import public_by_slug
from core.feeds import FeedLinksMixin, feed_link
from core.lists import PublicListMixin, count_by, reading_order
from mentions.models import Mention
from pagecache.keys import members_key, shows


def public_tag(slug):
    return public_by_slug(Tag.objects.all(), slug)


class TagView(FeedLinksMixin, PublicColumnsMixin, ListView):
    """Columns and mentions with one tag; a tag only drafts carry does not exist for readers."""

    template_name = "tags/tag_detail.html"

    def get_queryset(self):
        self.tag = public_tag(self.kwargs["slug"])
        shows(members_key(Tag, self.tag.pk))  # its columns and mentions
        return super().get_queryset().filter(tags=self.tag)

    def list_keys(self):
        return {members_key(Tag, self.tag.pk)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        self.add_latest_mentions(context, Mention.objects.filter(tags=self.tag))
        context["title"] = f"Columns tagged ‘{self.tag.name}’"
        context["description"] = f"Columns and media appearances on {self.tag.name}, newest first."
        return context

    def feed_links(self):
        return [feed_link(f"Columns about {self.tag.name}", "tags:feed", slug=self.tag.slug)]


class TagListView(PublicListMixin, ListView):
    """Every tag readers can reach, with its counts: two GROUP BY queries (cached, count_by)
    and one for names."""

    template_name = "tags/tag_list.html"
    paginate_by = 200

    def get_queryset(self):
        columns = count_by(
            "tag columns",
            TaggedColumn.objects.filter(content_object__in=Column.objects.published()),
            "tag",
        )
        mentions = count_by(
            "tag mentions",
            Mention.tags.through.objects.filter(content_object__in=Mention.objects.published()),
            "tag",
        )
        tags = list(Tag.objects.filter(pk__in=columns.keys() | mentions.keys()))
        # Sorted here, not by the database: collations differ (SQLite's is by code point).
        tags.sort(key=lambda tag: reading_order(tag.name))
        for tag in tags:
            tag.column_count = columns.get(tag.pk, 0)
            tag.mention_count = mentions.get(tag.pk, 0)
        return tags

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title="Topics", description="Every topic and place, with its columns.", **kwargs
        )
