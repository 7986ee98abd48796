"""Addresses read from an export: an absolute http(s) URL, or nothing.

A WXR file is data from outside. Whatever it says is an address (a column's original URL, a
mention's link, an image, an outlet's homepage, an author's website) is kept only when it is an
absolute http(s) URL that Django's own URLField would accept; anything else (`javascript:`,
`data:`, a relative path, text with spaces) is dropped, and the importer lists and flags it.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from .summary import DROPPED

_CHECK = URLValidator(schemes=["http", "https"])
MAX_LENGTH = 500


def web_address(value):
    """`value` stripped if it is an absolute http(s) URL, "" if it is empty, else None."""
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) > MAX_LENGTH:
        return None
    try:
        _CHECK(value)
    except ValidationError:
        return None
    return value


def safe_storage_name(name):
    """A file name inside our storage (an exported column's uploaded image), or None.

    Only a relative name without `..`, a scheme or a backslash can name a file of ours.
    """
    name = (name or "").strip()
    if not name:
        return ""
    parts = name.split("/")
    if name.startswith("/") or ":" in name or "\\" in name or ".." in parts or "" in parts:
        return None
    return name


def _shown(value):
    value = " ".join(str(value).split())
    return value if len(value) <= 80 else value[:77] + "..."


def keep_web_addresses(values, names, summary, where):
    """Check `values[name]` for each of `names` (a dict or an object); drop the unsafe ones,
    noting each in the summary. True if something was dropped."""
    get, put = (
        (values.get, values.__setitem__)
        if isinstance(values, dict)
        else (
            lambda name: getattr(values, name),
            lambda name, value: setattr(values, name, value),
        )
    )
    dropped = False
    for name in names:
        value = web_address(get(name))
        if value is None:
            summary.note(DROPPED, f"{where}: {name} “{_shown(get(name))}”")
            value, dropped = "", True
        put(name, value)
    return dropped


def keep_stored_file(values, name, storage, summary, where):
    """A file name read from an export is kept only if it is a safe name of a file we hold."""
    given = values.get(name) or ""
    value = safe_storage_name(given)
    if value and not storage.exists(value):
        value = None
    if value is None:
        summary.note(DROPPED, f"{where}: {name} “{_shown(given)}” (not a file of this site)")
        values[name] = ""
        return True
    values[name] = value
    return False
