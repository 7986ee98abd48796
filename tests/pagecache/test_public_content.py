"""The one list of public content (core/content.py) and what the page cache does with it."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.content import is_public, public_models
from pagecache import versions

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]

# Models related to public content that no page shows, and why. A new model related to public
# content must either be public content (inherit core.content.PublicContent) or go here.
NOT_ON_PAGES = {
    "auth.User": "who added a mention (Mention.created_by): the admin's business",
    "taggit.TaggedItem": "taggit's generic tagging, unused: ours go through typed models",
    "tags.TagAlias": "other names for a tag, turned into the tag when typed or imported",
    "tags.TagMerge": "the admin's record of tag merges",
    "originals.Original": "the link checker's record; pages read Column.original_gone_since",
    "originals.Link": "the link checker's record of links in bodies, for the admin's report",
    "suggestions.BylineSource": "where watch_bylines looks, for the editor only",
    "suggestions.Suggestion": "pieces waiting for the editor; a draft made of one is a Column",
    "outlets.OutletKey": "keys derived from outlets and aliases, for matching names",
}


def related_models(model):
    return {field.related_model for field in model._meta.get_fields() if field.is_relation}


def test_every_model_related_to_public_content_is_public_or_known_not_to_be():
    public = set(public_models())
    undecided = {
        model._meta.label
        for model in apps.get_models()
        if model not in public and related_models(model) & public
    }
    assert undecided == set(NOT_ON_PAGES), (
        "Does a page show these? Then they inherit core.content.PublicContent; "
        "if not, say why in NOT_ON_PAGES."
    )
    assert not any(is_public(apps.get_model(label)) for label in NOT_ON_PAGES)


def test_what_readers_see_is_public_content():
    labels = {model._meta.label for model in public_models()}
    assert {"columns.Column", "mentions.Mention", "outlets.Outlet", "taggit.Tag"} <= labels


@pytest.mark.parametrize("signal", [post_save, post_delete, m2m_changed])
@pytest.mark.parametrize("model", public_models(), ids=lambda model: model._meta.label)
def test_any_change_to_any_public_model_invalidates_cached_pages(
    page_cache, model, signal, django_capture_on_commit_callbacks
):
    before = versions.current_version()
    with django_capture_on_commit_callbacks(execute=True):
        # All that any receiver of the three signals may expect.
        signal.send(
            sender=model, instance=model(), created=False, raw=False, using="default",
            action="post_add", reverse=False, model=model, pk_set=set(),
        )  # fmt: skip
    assert versions.current_version() != before


def test_only_public_content_invalidates_cached_pages(
    page_cache, django_capture_on_commit_callbacks
):
    model = apps.get_model("tags.TagMerge")
    before = versions.current_version()
    with django_capture_on_commit_callbacks(execute=True):
        post_save.send(sender=model, instance=model(), created=True)
    assert versions.current_version() == before


def test_the_page_cache_imports_none_of_our_apps():
    ours = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"config", "tests"}
    found = set()
    for path in (ROOT / "pagecache").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                found.add(node.module.split(".")[0])
    assert "django" in found  # the scan sees imports
    assert not found & (ours - {"pagecache"})
