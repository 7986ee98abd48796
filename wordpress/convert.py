"""What one WordPress post becomes, before anything is written: `Converter.plan(item)`.

- Status publish → published, future → published with its future posting time (scheduled),
  draft/pending/private → draft; so is a password-protected post (columns have no password,
  and its readers were meant to see nothing without it). `posted_at` is the post's GMT date
  (its local date in the site's zone for never-saved drafts).
- tags → tags; categories → tags, except "Uncategorized" and those naming an outlet
  (`Outlet.objects.match`), which set the column's outlet.
- each post's old addresses redirect to the column (old_addresses.py).
- with extraction on, the rules (`wordpress.rules.extract`) fill intro, standfirst, stamps,
  byline and bios, print headline, exclusivity, outlet and press mentions; a post where any
  rule fired is marked `needs_review` and keeps its original text beside, and intro sentences
  that read like press work but gave no mention are kept as `possible_mentions`.
- a post of our own export (`meta.is_columnist_item`) carries its structured fields in its
  post meta, and gets them back exactly.

When what a post becomes changes, change `load.IMPORT_VERSION`, so that every post already
imported is updated again.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import unquote

from django.utils import timezone
from django.utils.text import slugify

from columns.models import Column
from core.html import clean_html, strip_tags

from . import meta
from .content import render_wordpress
from .old_addresses import old_paths
from .rules import extract

MOST_POSSIBLE_MENTIONS = 20  # a review panel, not a second copy of a long intro
STATUSES = {
    "publish": Column.Status.PUBLISHED,
    "future": Column.Status.PUBLISHED,
    "draft": Column.Status.DRAFT,
    "pending": Column.Status.DRAFT,
    "private": Column.Status.DRAFT,
}


@dataclass
class Plan:
    """What one post becomes, before it is written."""

    fields: dict
    byline: list = field(default_factory=list)  # [(Author, bio)]
    tags: list = field(default_factory=list)
    # [(outlet name, topic, kind, whether the topic is the column's title for want of one)]
    mentions: list = field(default_factory=list)
    old_paths: list = field(default_factory=list)
    keep_byline: bool = False  # an editor's byline or tags win over the export's (merge.py)
    keep_tags: bool = False
    sanitised: bool = False  # intro and body came from a worker, through clean_html() already
    prints: dict = field(default_factory=dict)  # {name: (value, fingerprint)} made by a worker


class Converter:
    """Plans the posts of one import, with its registries of authors and outlets."""

    def __init__(self, authors, outlets, run_extract, zone):
        self.authors = authors
        self.outlets = outlets
        self.run_extract = run_extract
        self.zone = zone
        self.categories = {}  # category slug -> outlet, for categories naming one

    def add_category(self, term):
        outlet = self.outlets.match(term.name)
        if outlet:
            self.categories[term.slug] = outlet

    def plan_exported(self, item):
        # Our own export: the structured fields are in the post meta, exactly.
        fields = meta.column_fields(item)
        del fields["wordpress_id"], fields["wordpress_site"], fields["wordpress_guid"]
        fields |= {"title": item.title, "slug": item.post_name, "body": item.content}
        fields["outlet"] = self.outlets.by_slug.get(item.meta_value(meta.key("outlet")))
        byline = [
            (self.authors.by_slug.get(slug) or self.authors.for_login(slug), bio)
            for slug, bio in meta.byline(item)
        ]
        tags = [name for taxonomy, _, name in item.terms if taxonomy == "post_tag"]
        return Plan(fields, byline, tags)

    def plan_wordpress(self, item, prepared=None):
        """The Plan for a post; `prepared` is what a worker made of it already (prefetch.py)."""
        title = post_title(item)
        rendered = prepared[0] if prepared else render_wordpress(item.content)
        fields = {
            "title": title,
            "slug": _slug(item, title),
            "dek": "",
            "intro": "",
            "body": rendered,
            "excerpt": strip_tags(item.excerpt),
            "status": Column.Status.DRAFT if item.password else STATUSES[item.status],
            "posted_at": self._posted_at(item),
            "outlet_published_at": None,
            "outlet_updated_at": None,
            "print_headline": "",
            "exclusive": False,
            "needs_review": False,
            "original_html": "",
            "possible_mentions": [],
        }
        outlet, tags = self._outlet_and_tags(item)
        plan = Plan(fields, tags=tags, old_paths=old_paths(item), sanitised=bool(prepared))
        if prepared:
            plan.prints = {"body": (rendered, prepared[4]["body"])}
        if self.run_extract:
            if prepared:
                found, original = prepared[1], prepared[2]
                plan.prints = {
                    "intro": (found.intro_html, prepared[4]["intro"]),
                    "body": (found.body_html, prepared[4]["body"]),
                }
            else:
                found = extract(title, rendered, self.outlets.known_names)
                original = clean_html(rendered) if found.fired else ""
            outlet = outlet or self.outlets.get(found.outlet_name)
            zone = (outlet.zone if outlet else None) or self.zone
            fields |= {
                "intro": found.intro_html,
                "dek": found.dek,
                "body": found.body_html,
                "outlet_published_at": aware(found.published, zone),
                "outlet_updated_at": aware(found.updated, zone),
                "print_headline": found.print_headline[:300],
                "exclusive": found.exclusive,
                "needs_review": bool(found.fired),
                "original_html": original,
                "possible_mentions": found.possible_mentions[:MOST_POSSIBLE_MENTIONS],
            }
            plan.byline = [(self.authors.for_name(name), bio) for name, bio in found.authors]
            plan.mentions = [(m.outlet_name, m.topic, m.kind, m.from_title) for m in found.mentions]
        if not plan.byline:
            plan.byline = [(self.authors.for_login(item.creator), "")]
        fields["outlet"] = outlet
        return plan

    def _outlet_and_tags(self, item):
        outlet, tags = None, []
        for taxonomy, slug, name in item.terms:
            if taxonomy == "post_tag":
                tags.append(name)
            elif taxonomy == "category":
                match = self.categories.get(slug) or self.outlets.match(name)
                if match:
                    outlet = outlet or match
                elif "uncategorized" not in (slug, name.casefold()):
                    tags.append(name)
        return outlet, tags

    def _posted_at(self, item):
        if item.post_date_gmt:
            return item.post_date_gmt.replace(tzinfo=datetime.UTC)
        return aware(item.post_date, self.zone) or timezone.now()


def post_title(item):
    return strip_tags(item.title)[:300] or "(no title)"


def _slug(item, title):
    post_id = item.post_id or "post"
    return slugify(unquote(item.post_name))[:200] or slugify(title)[:200] or f"post-{post_id}"


def aware(naive, zone):
    return naive.replace(tzinfo=zone) if naive else None
