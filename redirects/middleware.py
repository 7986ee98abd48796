from django.http import HttpResponsePermanentRedirect

from .models import Redirect


class WordPressQueryMiddleware:
    """WordPress's plain permalinks (/?p=12) land on our home page, which exists: answer them
    with a 301 when the post is known. It runs before the page cache, which serves the home
    page for any parameter the home page does not read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and is_wordpress_query(request):
            redirect = Redirect.objects.filter(old_path=request.get_full_path()).first()
            if redirect:
                return HttpResponsePermanentRedirect(redirect.new_path)
        return self.get_response(request)


class RedirectFallbackMiddleware:
    """Answer a 404 with a 301 when the address has moved (old permalinks, renamed slugs)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        candidates = [request.get_full_path(), request.path]
        redirect = Redirect.objects.filter(old_path__in=candidates).first()
        if redirect is None:
            return response
        return HttpResponsePermanentRedirect(redirect.new_path)


def is_wordpress_query(request):
    return request.path == "/" and any(key in request.GET for key in ("p", "page_id"))
