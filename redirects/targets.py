"""
What a redirect may say: old addresses as the middleware compares them, and targets that keep
readers on this site (or on a host the site allows) and only on pages they may see.

`is_safe_target` is asked twice: when an editor saves a redirect (the model's clean()) and
when the middleware answers with one, so a bad row saved before these rules, or written
around them, still never sends a reader off-site.
"""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, QueryDict
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme


def allowed_hosts():
    """Other sites a redirect may lead to (REDIRECT_ALLOWED_HOSTS): none unless set."""
    return set(getattr(settings, "REDIRECT_ALLOWED_HOSTS", ()))


def has_control_characters(value):
    """Tabs, newlines, NUL and the like (a plain space is allowed inside a path)."""
    return not value.isprintable()


def is_readable_address(value):
    """Whether urlsplit can read `value`: "http://[::1" (a broken IPv6 host) it cannot."""
    try:
        urlsplit(value.strip())
    except ValueError:
        return False
    return True


def normalise_old_path(value):
    """An old address as requests are compared with it: from the first slash, without a
    host (an address pasted whole from the old site) or fragment, no surrounding spaces.
    One urlsplit cannot read stays as it is (the model's clean() refuses it)."""
    if not is_readable_address(value):
        return value.strip()
    parts = urlsplit(value.strip())
    path = parts.path if parts.path.startswith("/") else "/" + parts.path
    return path + (f"?{parts.query}" if parts.query else "")


def is_safe_target(value):
    """A path of this site ("/2015/03/04/slug/"), or an http(s) address on an allowed host.
    Not "//host/" or "/\\host/" (which browsers read as another site), nor anything with
    control characters, which browsers drop before reading it (a slash, a tab, "/host/")."""
    if not value or has_control_characters(value):
        return False
    if not url_has_allowed_host_and_scheme(value, allowed_hosts=allowed_hosts()):
        return False
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return parts.scheme in ("http", "https") and parts.hostname in allowed_hosts()
    return value.startswith("/") and not value.startswith("//")


def is_on_site(value):
    return not urlsplit(value).netloc


def answers(request, target):
    """Whether `target`, a path of this site, shows a page to the user of `request`.

    A redirect to a page this user cannot see (a draft's new slug, an outlet only drafts
    use) would reveal its address: the target's view is run, for this user, as a GET of that
    address, and a 404 there is a 404 here. Staff, who may preview drafts, are still sent on.
    A path no view answers (a file under /media/ or /static/) has nothing to hide.
    """
    parts = urlsplit(target)
    # As requests are resolved: decoded ("/tag/t%C3%BCrkiye/" is "/tag/türkiye/").
    path = unquote(parts.path)
    try:
        match = resolve(path)
    except Resolver404:
        return True
    probe = request.__class__.__new__(request.__class__)
    probe.__dict__.update(request.__dict__)
    probe.method = "GET"
    probe.path = probe.path_info = path
    probe.META = {**request.META, "PATH_INFO": path, "QUERY_STRING": parts.query}
    # Conditional headers would turn the probe into a 304 that says nothing.
    for header in ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE"):
        probe.META.pop(header, None)
    probe.GET = QueryDict(parts.query)
    probe.resolver_match = match
    if not hasattr(probe, "user"):  # asked before authentication: judged as a reader
        probe.user = AnonymousUser()
    try:
        response = match.func(probe, *match.args, **match.kwargs)
    except (Http404, PermissionDenied):
        return False
    return response.status_code < 400
