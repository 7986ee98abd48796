"""
The read API's shapes (django-ninja schemas): each one turns the objects the views load into
the JSON a client receives and describes that JSON in the OpenAPI document, so the two cannot
drift apart. Every property is required and no other is allowed; nullable ones say so.
"""

import datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import ConfigDict, PlainSerializer, WithJsonSchema

from mentions.models import Mention as MentionModel

URL = Annotated[str, WithJsonSchema({"type": "string", "format": "uri"})]
# Written with isoformat(), as the API always has ("+00:00", every microsecond); pydantic and
# Django's JSON encoder would write "Z" and cut to milliseconds.
Stamp = Annotated[
    datetime.datetime,
    PlainSerializer(datetime.datetime.isoformat, return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]


def absolute(context, path):
    return context["request"].build_absolute_uri(path)


def sorted_names(tags):
    return sorted((tag.name for tag in tags), key=str.casefold)


class Closed(Schema):
    # Documented as closed objects: a client may rely on seeing exactly these properties.
    model_config = ConfigDict(json_schema_extra={"additionalProperties": False})


class Error(Closed):
    error: str


class Links(Closed):
    columns: URL
    mentions: URL
    outlets: URL
    tags: URL
    openapi: URL


class MentionOutlet(Closed):
    name: str
    slug: str


class ColumnMention(Closed):
    """A media mention, as listed with the column it was about."""

    id: int
    outlet: MentionOutlet
    topic: str
    sentence: str = Field(description='As printed: "Spoke to Reuters about …."')
    date: datetime.date
    kind: MentionModel.Kind
    url: URL | None = Field(description="The appearance itself, at the outlet.")
    note: str = Field(
        validation_alias="public_note", description="The public note, plain text; often empty."
    )
    tags: list[str]

    @staticmethod
    def resolve_url(mention):
        return mention.url or None

    @staticmethod
    def resolve_tags(mention):
        return sorted_names(mention.tags.all())


class Mention(ColumnMention):
    """A media mention, with a link to its column."""

    column: URL | None = Field(description="The column it was about, when public.")

    @staticmethod
    def resolve_column(mention, context):
        column = mention.public_column
        return absolute(context, column.get_absolute_url()) if column else None


class ColumnOutlet(Closed):
    name: str
    slug: str
    url: URL

    @staticmethod
    def resolve_url(outlet, context):
        return absolute(context, outlet.get_absolute_url())


class Author(Closed):
    """An author in a column's byline, read from the Byline."""

    name: str
    slug: str
    bio: str

    @staticmethod
    def resolve_name(byline):
        return byline.author.name

    @staticmethod
    def resolve_slug(byline):
        return byline.author.slug

    @staticmethod
    def resolve_bio(byline):
        return byline.printed_bio


class Column(Closed):
    id: int
    url: URL
    title: str
    slug: str
    dek: str = Field(description="The standfirst.")
    intro_html: str = Field(
        validation_alias="intro", description="The author's own note, sanitised HTML."
    )
    body_html: str = Field(validation_alias="body", description="The article, sanitised HTML.")
    excerpt_html: str
    outlet: ColumnOutlet | None
    authors: list[Author] = Field(
        description="In byline order; `bio` is the line printed with this column."
    )
    tags: list[str]
    posted_at: Stamp = Field(description="When it was posted on this site.")
    published_at: Stamp | None = Field(
        validation_alias="outlet_published_at", description="The outlet's PUBLISHED stamp."
    )
    updated_at: Stamp | None = Field(
        validation_alias="outlet_updated_at", description="The outlet's UPDATED stamp."
    )
    original_url: URL | None
    print_headline: str = Field(description="The print edition's headline, or empty.")
    mentions: list[ColumnMention]

    @staticmethod
    def resolve_url(column, context):
        return absolute(context, column.get_absolute_url())

    @staticmethod
    def resolve_authors(column):
        return column.ordered_bylines

    @staticmethod
    def resolve_tags(column):
        return sorted_names(column.tags.all())

    @staticmethod
    def resolve_original_url(column):
        return column.original_url or None


class Counted(Closed):
    """An outlet or a tag; `count` is of its published columns."""

    name: str
    slug: str
    url: URL
    count: int = Field(ge=0)


class Page(Closed):
    count: int = Field(ge=0)
    next: URL | None
    previous: URL | None


class ColumnPage(Page):
    results: list[Column]


class MentionPage(Page):
    results: list[Mention]


class CountedPage(Page):
    results: list[Counted]
