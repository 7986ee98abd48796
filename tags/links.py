"""The address of a tag's page: taggit's Tag has no get_absolute_url() of ours."""

from core.links import slug_url


def tag_url(slug):
    return slug_url("tags:detail", slug)
