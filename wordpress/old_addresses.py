"""A post's old addresses, which redirect to its column: which they are, and writing them.

They are the post's `<link>`, `/?p=<id>`, and the `_wp_old_slug` paths WordPress kept when the
post's slug changed.

An old address belongs to the site it came from: an export of another WordPress site (another
blog, with its own `/?p=12` and maybe the same permalinks) never takes over an address that
leads to a column of the first, nor one an editor pointed at a page that is not an imported
column. Such clashes are left as they are and listed in the summary.
"""

import datetime
from urllib.parse import unquote, urlsplit

from django.urls import Resolver404, resolve

from columns.models import Column
from redirects.models import Redirect
from redirects.targets import has_control_characters

from .bulk import insert_rows


def old_paths(item):
    paths = [f"/?p={item.post_id}"] if item.post_id else []
    link = urlsplit(item.link)
    if link.path or link.query:
        path = unquote(link.path or "/") + (f"?{link.query}" if link.query else "")
        paths.append(path)
        current = f"/{unquote(item.post_name)}/"
        for old_slug in item.meta.get("_wp_old_slug", []):
            if old_slug and path.endswith(current):
                paths.append(path[: -len(current)] + f"/{unquote(old_slug)}/")
    # A link that decodes to spaces or control characters (a NUL, which PostgreSQL refuses)
    # is no address a reader will request.
    return [path for path in paths if len(path) <= 500 and not has_control_characters(path)]


def save_redirects(redirects, clashes=None, later=None):
    """Save {old path: new path}; return how many redirects are new.

    As `Redirect.objects.add()` for many at once: a live address never redirects away. An old
    path already leading elsewhere is moved only if it led to a column of the same WordPress
    site as the new one, or to no page at all; otherwise it stays, and `clashes` (a list) gets
    (old, kept, wanted).
    """
    live = set(redirects.values())
    redirects = {old: new for old, new in redirects.items() if old not in live}
    if not redirects:
        return 0
    Redirect.objects.filter(old_path__in=live).delete()
    existing = dict(
        Redirect.objects.filter(old_path__in=redirects).values_list("old_path", "new_path")
    )
    for old, new in redirects.items():
        if old in existing and existing[old] != new:
            holder = _site_at(existing[old])
            if holder is None or holder == _site_at(new):
                Redirect.objects.filter(old_path=old).update(new_path=new)
            elif clashes is not None:
                clashes.append((old, existing[old], new))
    new_rows = [(old, new) for old, new in redirects.items() if old not in existing]
    insert_rows(Redirect, ["old_path", "new_path"], new_rows, later)
    return len(new_rows)


def _site_at(path):
    """The WordPress site of the column at `path`; "" for another page; None for no page."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    if match.view_name != "columns:detail":
        return ""
    try:
        day = datetime.date(*(int(match.kwargs[k]) for k in ("year", "month", "day")))
    except (KeyError, ValueError):
        return None
    sites = Column.objects.filter(day=day, slug=match.kwargs.get("slug"))
    return sites.values_list("wordpress_site", flat=True).first()
