"""How a column's and a mention's structured fields travel in WXR post meta.

`export_wxr` writes them as `<wp:postmeta>` with keys starting `_columnist_` (WordPress hides
meta keys that start with an underscore from its custom-fields box, and keeps them); `import_wxr`
reads them back instead of running the extraction rules, so an export imports into an identical
site. Values are strings: dates in ISO 8601 with their offset, booleans "1"/"0", bylines JSON.
"""

import datetime
import json

from .wxr import post_id

PREFIX = "_columnist_"

# Column fields carried as text, as they are.
COLUMN_TEXT = (
    "dek",
    "intro",
    "excerpt",
    "original_url",
    "print_headline",
    "image",
    "image_alt",
    "image_caption",
    "image_url",
    "status",
    "original_html",
    "wordpress_site",
    "wordpress_guid",
)
COLUMN_DATES = ("posted_at", "outlet_published_at", "outlet_updated_at")
COLUMN_FLAGS = ("exclusive", "canonical_is_original", "needs_review")

MENTION_TEXT = ("topic", "kind", "url", "status")


def key(name):
    return PREFIX + name


def date_to_text(value):
    return value.isoformat() if value else ""


def text_to_date(text):
    return datetime.datetime.fromisoformat(text) if text else None


def column_meta(column):
    """[(key, value)] for a column; the byline as [[author slug, bio], ...]."""
    meta = [(key(name), str(getattr(column, name) or "")) for name in COLUMN_TEXT]
    meta += [(key(name), date_to_text(getattr(column, name))) for name in COLUMN_DATES]
    meta += [(key(name), "1" if getattr(column, name) else "0") for name in COLUMN_FLAGS]
    meta.append((key("wordpress_id"), str(column.wordpress_id or "")))
    meta.append((key("outlet"), column.outlet.slug if column.outlet else ""))
    byline = [[b.author.slug, b.bio] for b in column.ordered_bylines]
    meta.append((key("byline"), json.dumps(byline, ensure_ascii=False)))
    possible = json.dumps(column.possible_mentions or [], ensure_ascii=False)
    meta.append((key("possible_mentions"), possible))
    return meta


def column_fields(item):
    """The fields `column_meta` wrote, read from an item's meta."""
    fields = {name: item.meta_value(key(name)) for name in COLUMN_TEXT}
    fields |= {name: text_to_date(item.meta_value(key(name))) for name in COLUMN_DATES}
    fields |= {name: item.meta_value(key(name)) == "1" for name in COLUMN_FLAGS}
    fields["wordpress_id"] = post_id(item.meta_value(key("wordpress_id")))
    fields["possible_mentions"] = _json_list(item.meta_value(key("possible_mentions")))
    return fields


def _json_list(text):
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def is_columnist_item(item):
    return key("status") in item.meta or key("topic") in item.meta


def original_post(item):
    """(site, post id, guid) of the WordPress post an exported column was imported from, or
    None: importing our own export again finds the column by where it first came from."""
    if not is_columnist_item(item):
        return None
    fields = column_fields(item)
    if fields["wordpress_id"] is None:
        return None
    return fields["wordpress_site"], fields["wordpress_id"], fields["wordpress_guid"]


def byline(item):
    return [tuple(entry) for entry in json.loads(item.meta_value(key("byline")) or "[]")]


def mention_meta(mention):
    meta = [(key(name), str(getattr(mention, name) or "")) for name in MENTION_TEXT]
    # Hidden meta, never the post's content, which WordPress would show to readers.
    meta.append((key("internal_note"), mention.internal_note))
    meta.append((key("date"), mention.date.isoformat()))
    meta.append((key("outlet"), mention.outlet.slug))
    # The column's post id in the export, which is its pk.
    meta.append((key("column"), str(mention.column_id or "")))
    return meta


def mention_fields(item):
    fields = {name: item.meta_value(key(name)) for name in MENTION_TEXT}
    fields["date"] = datetime.date.fromisoformat(item.meta_value(key("date")))
    if key("internal_note") in item.meta:
        fields["public_note"] = item.content
        fields["internal_note"] = item.meta_value(key("internal_note"))
    else:
        # An export from before the public note: its one note was internal, and stays so.
        fields["public_note"], fields["internal_note"] = "", item.content
    return fields
