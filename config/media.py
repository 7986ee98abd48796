"""
Uploaded media (featured images, logos, the image library) served from MEDIA_ROOT, in
production as in development, as whitenoise serves the static files: before the rest of the
stack (no session, page cache or database), GET and HEAD only.

Safely: a path is joined under MEDIA_ROOT and must stay there once symlinks are resolved;
dot-files, directories (no listing) and anything but a regular file answer 404. Only the
image types the uploads are checked to be are served as what they are; any other file goes
out as an attachment of no type, so nothing uploaded runs in a reader's browser on this
site, and every answer says `nosniff` and carries a policy that allows no script. Renditions
named with a hash of their content (images/renditions.py) never change: cached for a year,
immutable; other files for a day, then revalidated (Last-Modified, ETag, 304).

With media on another storage (S3_BUCKET), that storage serves them and this stays out.
"""

import re
from email.utils import formatdate
from pathlib import Path

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed, SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, HttpResponse, HttpResponseNotAllowed
from django.utils._os import safe_join
from django.utils.http import parse_http_date_safe

# What the uploads are (images/renditions.py checks each is a real image of these).
SERVED_AS_IS = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
HASHED = re.compile(r"\.[0-9a-f]{12}\.\w+$")
YEAR, DAY = 365 * 24 * 3600, 24 * 3600
# Opened directly (not inside a page), a file may do nothing at all.
POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def media_prefix():
    """The path media live under ("/media/"), or None when MEDIA_URL names another host."""
    url = settings.MEDIA_URL or ""
    if "//" in url:
        return None
    return "/" + url.strip("/") + "/"


def media_file(relative):
    """The regular file at `relative` under MEDIA_ROOT, or None."""
    if not relative or any(part.startswith(".") or not part for part in relative.split("/")):
        return None
    if "\\" in relative or not relative.isprintable():
        return None
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        path = Path(safe_join(root, relative)).resolve()
    except (SuspiciousFileOperation, ValueError, OSError):
        return None
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


def not_modified(request, etag, mtime):
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        return etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match == "*"
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and int(mtime) <= since


class MediaFilesMiddleware:
    def __init__(self, get_response):
        if not isinstance(storages["default"], FileSystemStorage):
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        prefix = media_prefix()
        if prefix is None or not request.path_info.startswith(prefix):
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        path = media_file(request.path_info[len(prefix) :])
        if path is None:
            return HttpResponse("Not found.", status=404, content_type="text/plain; charset=utf-8")
        return self.serve(request, path)

    def serve(self, request, path):
        stat = path.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        if not_modified(request, etag, stat.st_mtime):
            response = HttpResponse(status=304)
        elif request.method == "HEAD":
            response = HttpResponse()
            response["Content-Length"] = str(stat.st_size)
        else:
            response = FileResponse(path.open("rb"))
        suffix = path.suffix.lower()
        if suffix in SERVED_AS_IS:
            response["Content-Type"] = SERVED_AS_IS[suffix]
        else:
            response["Content-Type"] = "application/octet-stream"
            response["Content-Disposition"] = "attachment"
        response["ETag"] = etag
        response["Last-Modified"] = formatdate(stat.st_mtime, usegmt=True)
        immutable = HASHED.search(path.name)
        response["Cache-Control"] = (
            f"public, max-age={YEAR}, immutable" if immutable else f"public, max-age={DAY}"
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = POLICY
        return response
