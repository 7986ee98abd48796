from django.http import HttpResponsePermanentRedirect

from .models import Redirect
from .targets import answers, is_on_site, is_safe_target


class WordPressQueryMiddleware:
    """WordPress's plain permalinks (/?p=12) land on our home page, which exists: answer them
    with a 301 when the post is known. It runs before the page cache, which serves the home
    page for any parameter the home page does not read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and is_wordpress_query(request):
            response = safe_redirect(request, [request.get_full_path()])
            if response:
                return response
        return self.get_response(request)


class RedirectFallbackMiddleware:
    """Answer a 404 with a 301 when the address has moved (old permalinks, renamed slugs).

    Only to a safe target (a path of this site, or an allowed host: a row saved before the
    rules or around them never sends a reader elsewhere), and only when that target shows
    this user a page: a draft's new address stays unknown to readers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        return safe_redirect(request, [request.get_full_path(), request.path]) or response


def safe_redirect(request, candidates):
    """The 301 for the first of `candidates` that moved, if its target is safe and shows
    this user a page; else None."""
    redirect = Redirect.objects.filter(old_path__in=candidates).first()
    if redirect is None or not is_safe_target(redirect.new_path):
        return None
    if is_on_site(redirect.new_path) and not answers(request, redirect.new_path):
        return None
    return HttpResponsePermanentRedirect(redirect.new_path)


def is_wordpress_query(request):
    return request.path == "/" and any(key in request.GET for key in ("p", "page_id"))
