"""The Content-Security-Policy lets in the editor's own base CSS and no other inline style."""

import base64
import hashlib
import re
from pathlib import Path

import django_prose_editor
from django.conf import settings


def editor_base_css():
    """The CSS text Tiptap injects as a <style> element, as the installed editor.js carries it."""
    editor_js = Path(django_prose_editor.__file__).parent / "static/django_prose_editor/editor.js"
    source = editor_js.read_text(encoding="utf-8")
    found = re.findall(r"`(\.ProseMirror \{\n  position: relative;\n\}[^`]*)`", source)
    assert len(found) == 1, "Tiptap's base CSS not found in editor.js: has the editor changed?"
    return found[0]


def test_the_policy_allows_exactly_the_editors_injected_style():
    digest = hashlib.sha256(editor_base_css().encode()).digest()
    expected = f"'sha256-{base64.b64encode(digest).decode()}'"
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"] == ["'self'", expected]


def test_the_admin_page_sends_the_style_hash(editor_client):
    response = editor_client.get("/admin/columns/column/add/")
    policy = response.headers["Content-Security-Policy"]
    style_src = next(d for d in policy.split(";") if d.strip().startswith("style-src"))
    assert "'unsafe-inline'" not in style_src and "'sha256-" in style_src
