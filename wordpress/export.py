"""Write the whole site as a WordPress export (WXR 1.2): `write_wxr(file, site_url)`.

What WordPress's importer reads: authors (`<wp:author>`), outlets as categories, tags, columns as
posts (outlet and tags as their terms), mentions as posts of a custom type `columnist_mention`.
What only we read: every structured field as `_columnist_*` post meta (see `meta.py`), and
outlets and authors in full in `<columnist:...>` elements, which WordPress skips. So
`import_wxr` rebuilds an identical site from the file.

Text is escaped rather than wrapped in CDATA, so "]]>" needs no special case and a carriage
return survives (as `&#13;`). Characters XML 1.0 cannot carry at all (most C0 controls,
surrogates, U+FFFE/U+FFFF) are dropped: no XML parser would read the file otherwise.
"""

import datetime
import re
from email.utils import format_datetime

from django.conf import settings
from django.utils import timezone
from taggit.models import Tag

from columns.models import Author, Column
from core.text import xml_safe
from mentions.models import Mention
from outlets.models import Outlet

from . import meta
from .wxr import COLUMNIST_NS

# An author's profile (About page): plain-text fields, written as `columnist:<field>`.
PROFILE = ["about", "profile_links", "contact_email", "fediverse_handle"]
MENTION_IDS = 10**9  # mentions' post ids start here, apart from the columns' (their pks)
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;", '"': "&quot;"}
_ESCAPED = re.compile('[&<>\r"]')


def xml_text(value):
    """Text as XML carries it: escaped, with characters XML cannot hold dropped."""
    text = xml_safe(str(value or ""))
    return _ESCAPED.sub(lambda match: _ESCAPES[match.group(0)], text)


def _element(name, value):
    return f"<{name}>{xml_text(value)}</{name}>"


def _wp_date(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else "0000-00-00 00:00:00"


class WxrWriter:
    def __init__(self, out, site_url):
        self.out = out
        self.site_url = site_url.rstrip("/")
        self.counts = {"columns": 0, "mentions": 0, "authors": 0, "outlets": 0, "tags": 0}

    def write(self):
        w = self.out.write
        now = timezone.now()
        w('<?xml version="1.0" encoding="UTF-8" ?>\n')
        w(f'<!-- generator="Columnist" created="{now:%Y-%m-%d %H:%M}" -->\n')
        w('<rss version="2.0"\n'
          '\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
          '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
          '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
          '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
          '\txmlns:wp="http://wordpress.org/export/1.2/"\n'
          f'\txmlns:columnist="{COLUMNIST_NS}">\n<channel>\n')  # fmt: skip
        w(_element("title", settings.SITE_NAME) + "\n")
        w(_element("link", self.site_url) + "\n")
        w(_element("description", settings.SITE_DESCRIPTION) + "\n")
        w(_element("pubDate", format_datetime(now)) + "\n")
        w(_element("language", settings.LANGUAGE_CODE) + "\n")
        w("<wp:wxr_version>1.2</wp:wxr_version>\n")
        w(_element("wp:base_site_url", self.site_url) + "\n")
        w(_element("wp:base_blog_url", self.site_url) + "\n")
        for author in Author.objects.order_by("pk"):
            self._author(author)
        outlets = list(Outlet.objects.order_by("pk").prefetch_related("aliases"))
        for outlet in outlets:
            self._outlet(outlet)
        for outlet in outlets:
            self._category(outlet)
        for tag in Tag.objects.order_by("pk"):
            self.counts["tags"] += 1
            w(f"<wp:tag><wp:term_id>{tag.pk}</wp:term_id>{_element('wp:tag_slug', tag.slug)}"
              f"{_element('wp:tag_name', tag.name)}</wp:tag>\n")  # fmt: skip
        owner = Author.objects.filter(is_owner=True).first()
        self.default_creator = owner.slug if owner else "admin"
        columns = Column.objects.order_by("pk").with_listing_data()
        for column in columns.iterator(chunk_size=500):
            self._column(column)
        mentions = Mention.objects.order_by("pk").with_listing_data()
        for mention in mentions.iterator(chunk_size=500):
            self._mention(mention)
        w("</channel>\n</rss>\n")
        return self.counts

    def _author(self, author):
        self.counts["authors"] += 1
        self.out.write(
            f"<wp:author><wp:author_id>{author.pk}</wp:author_id>"
            f"{_element('wp:author_login', author.slug)}<wp:author_email></wp:author_email>"
            f"{_element('wp:author_display_name', author.name)}"
            f"<wp:author_first_name></wp:author_first_name>"
            f"<wp:author_last_name></wp:author_last_name>"
            f"{_element('columnist:slug', author.slug)}{_element('columnist:bio', author.bio)}"
            f"{_element('columnist:website', author.website)}"
            f"{_element('columnist:is_owner', '1' if author.is_owner else '0')}"
            f"{''.join(_element(f'columnist:{name}', getattr(author, name)) for name in PROFILE)}"
            "</wp:author>\n"
        )

    def _outlet(self, outlet):
        self.counts["outlets"] += 1
        fields = [
            "name", "short_name", "slug", "kind", "homepage", "logo", "description", "country",
        ]  # fmt: skip
        parts = [_element(f"columnist:{name}", getattr(outlet, name)) for name in fields]
        parts.append(_element("columnist:timezone", outlet.timezone))
        parts += [_element("columnist:alias", alias.name) for alias in outlet.aliases.all()]
        self.out.write(f"<columnist:outlet>{''.join(parts)}</columnist:outlet>\n")

    def _category(self, outlet):
        self.out.write(
            f"<wp:category><wp:term_id>{outlet.pk}</wp:term_id>"
            f"{_element('wp:category_nicename', outlet.slug)}"
            f"<wp:category_parent></wp:category_parent>{_element('wp:cat_name', outlet.name)}"
            f"{_element('wp:category_description', outlet.description)}</wp:category>\n"
        )

    def _item(self, *, post_id, title, link, creator, content, excerpt, local, gmt, name,
              status, post_type, terms, meta_pairs):  # fmt: skip
        terms_xml = "".join(
            f'<category domain="{domain}" nicename="{xml_text(slug)}">{xml_text(label)}</category>'
            for domain, slug, label in terms
        )
        meta_xml = "".join(
            f"<wp:postmeta>{_element('wp:meta_key', key)}{_element('wp:meta_value', value)}"
            f"</wp:postmeta>"
            for key, value in meta_pairs
        )
        self.out.write(
            f"<item>{_element('title', title)}{_element('link', link)}"
            f"{_element('pubDate', format_datetime(gmt))}{_element('dc:creator', creator)}"
            f'<guid isPermaLink="false">{xml_text(f"{self.site_url}/?p={post_id}")}</guid>'
            f"<description></description>{_element('content:encoded', content)}"
            f"{_element('excerpt:encoded', excerpt)}<wp:post_id>{post_id}</wp:post_id>"
            f"{_element('wp:post_date', _wp_date(local))}"
            f"{_element('wp:post_date_gmt', _wp_date(gmt))}"
            f"<wp:comment_status>closed</wp:comment_status><wp:ping_status>closed</wp:ping_status>"
            f"{_element('wp:post_name', name)}{_element('wp:status', status)}"
            f"<wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order>"
            f"{_element('wp:post_type', post_type)}<wp:post_password></wp:post_password>"
            f"<wp:is_sticky>0</wp:is_sticky>{terms_xml}{meta_xml}</item>\n"
        )

    def _column(self, column):
        self.counts["columns"] += 1
        bylines = column.ordered_bylines
        terms = [("category", column.outlet.slug, column.outlet.name)] if column.outlet else []
        terms += [("post_tag", tag.slug, tag.name) for tag in column.tags.all()]
        if column.status == Column.Status.DRAFT:
            status = "draft"
        else:
            status = "future" if column.is_scheduled else "publish"
        self._item(
            post_id=column.pk,
            title=column.title,
            link=self.site_url + column.get_absolute_url(),
            creator=bylines[0].author.slug if bylines else self.default_creator,
            content=column.body,
            excerpt=column.excerpt,
            local=timezone.localtime(column.posted_at),
            gmt=column.posted_at.astimezone(datetime.UTC),
            name=column.slug,
            status=status,
            post_type="post",
            terms=terms,
            meta_pairs=meta.column_meta(column),
        )

    def _mention(self, mention):
        self.counts["mentions"] += 1
        moment = timezone.make_aware(datetime.datetime.combine(mention.date, datetime.time()))
        self._item(
            post_id=MENTION_IDS + mention.pk,
            title=mention.sentence,
            link=self.site_url + mention.get_absolute_url(),
            creator=self.default_creator,
            content=mention.public_note,
            excerpt="",
            local=timezone.localtime(moment),
            gmt=moment.astimezone(datetime.UTC),
            name=f"mention-{mention.pk}",
            status="publish" if mention.status == Mention.Status.PUBLISHED else "draft",
            post_type="columnist_mention",
            terms=[("post_tag", tag.slug, tag.name) for tag in mention.tags.all()],
            meta_pairs=meta.mention_meta(mention),
        )


def write_wxr(out, site_url):
    return WxrWriter(out, site_url).write()
