"""A post's old addresses, which redirect to its column: which they are, and writing them.

They are the post's `<link>`, `/?p=<id>`, and the `_wp_old_slug` paths WordPress kept when the
post's slug changed.
"""

from urllib.parse import unquote, urlsplit

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


def save_redirects(redirects):
    """Save {old path: new path}; return how many redirects are new.

    As `Redirect.objects.add()` for many at once: a live address never redirects away.
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
            Redirect.objects.filter(old_path=old).update(new_path=new)
    new_rows = [(old, new) for old, new in redirects.items() if old not in existing]
    insert_rows(Redirect, ["old_path", "new_path"], new_rows)
    return len(new_rows)
