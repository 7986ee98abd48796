"""
`{% load site %}`: the site's header and footer (templates/includes/site_header.html and
site_footer.html), the same on every page of a kind, rendered once per process for each of
their variants and then served from memory.

They were a millisecond of every page's first render, most of it eighteen `{% url %}` lookups
that walk the URL patterns. What they show is all in their variant's key: the page's view
(which link is the current page, whether the search box shows), the site's name and
description, the owner's name (or none), and the URL configuration and script prefix the
links are reversed under. In development (DEBUG), where templates are read again when they
change, they are rendered every time.
"""

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf

register = template.Library()

# The variants rendered, by key: a few per view of the site; emptied should it ever grow past
# this many (a test changing settings again and again).
_rendered = {}
LIMIT = 256


def _remembered(context, name):
    owner = context.get("site_owner")
    match = getattr(context.get("request"), "resolver_match", None)
    key = (
        name,
        match.view_name if match else None,
        str(context.get("site_name", "")),
        str(context.get("site_description", "")),
        owner.name if owner else None,
        context.get("box_value"),
        get_script_prefix(),
        get_urlconf(),
        settings.ROOT_URLCONF,
    )
    html = None if settings.DEBUG else _rendered.get(key)
    if html is None:
        html = context.template.engine.get_template(name).render(context)
        if len(_rendered) >= LIMIT:
            _rendered.clear()
        _rendered[key] = html
    return html


@register.simple_tag(takes_context=True)
def site_header(context):
    return _remembered(context, "includes/site_header.html")


@register.simple_tag(takes_context=True)
def site_footer(context):
    return _remembered(context, "includes/site_footer.html")
