"""The OpenAPI 3.1 description of the read API, served at /api/openapi.json."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET


def nullable(schema):
    return {**schema, "type": [schema["type"], "null"]}


STRING = {"type": "string"}
URL = {"type": "string", "format": "uri"}
DATE_TIME = {"type": "string", "format": "date-time"}


def obj(**properties):
    """An object schema with exactly these properties, all required."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def page_of(schema_name):
    return obj(
        count={"type": "integer", "minimum": 0},
        next=nullable(URL),
        previous=nullable(URL),
        results={"type": "array", "items": {"$ref": f"#/components/schemas/{schema_name}"}},
    )


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def json_response(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERRORS = {
    "400": json_response("A filter or page value that cannot be read.", ref("Error")),
    "404": json_response("No such item or page.", ref("Error")),
}


def parameter(name, description, schema=STRING):
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema}  # fmt: skip


PAGE = parameter("page", "Page number, from 1.", {"type": "integer", "minimum": 1})
YEAR = parameter("year", "Only this year.", {"type": "integer", "minimum": 1, "maximum": 9999})
TAG = parameter("tag", "Only items with the tag of this slug.")
OUTLET = parameter("outlet", "Only items from the outlet of this slug.")


def list_operation(summary, page_schema, parameters):
    return {
        "get": {
            "summary": summary,
            "parameters": [*parameters, PAGE],
            "responses": {"200": json_response("One page of results.", ref(page_schema)), **ERRORS},
        }
    }


MENTION_FIELDS = {
    "id": {"type": "integer"},
    "outlet": obj(name=STRING, slug=STRING),
    "topic": STRING,
    "sentence": {**STRING, "description": 'As printed: "Spoke to Reuters about …."'},
    "date": {"type": "string", "format": "date"},
    "kind": {"enum": ["interview", "quoted", "broadcast", "podcast", "panel", "other"]},
    "url": {**nullable(URL), "description": "The appearance itself, at the outlet."},
    "tags": {"type": "array", "items": STRING},
}

SCHEMAS = {
    "Error": obj(error=STRING),
    "ColumnMention": obj(**MENTION_FIELDS),
    "Mention": obj(
        **MENTION_FIELDS,
        column={**nullable(URL), "description": "The column it was about, when public."},
    ),
    "Column": obj(
        id={"type": "integer"},
        url=URL,
        title=STRING,
        slug=STRING,
        dek={**STRING, "description": "The standfirst."},
        intro_html={**STRING, "description": "The author's own note, sanitised HTML."},
        body_html={**STRING, "description": "The article, sanitised HTML."},
        excerpt_html=STRING,
        outlet={"oneOf": [obj(name=STRING, slug=STRING, url=URL), {"type": "null"}]},
        authors={
            "type": "array",
            "description": "In byline order; `bio` is the line printed with this column.",
            "items": obj(name=STRING, slug=STRING, bio=STRING),
        },
        tags={"type": "array", "items": STRING},
        posted_at={**DATE_TIME, "description": "When it was posted on this site."},
        published_at={**nullable(DATE_TIME), "description": "The outlet's PUBLISHED stamp."},
        updated_at={**nullable(DATE_TIME), "description": "The outlet's UPDATED stamp."},
        original_url=nullable(URL),
        print_headline={**STRING, "description": "The print edition's headline, or empty."},
        mentions={"type": "array", "items": ref("ColumnMention")},
    ),
    "Counted": obj(name=STRING, slug=STRING, url=URL, count={"type": "integer", "minimum": 0}),
    "ColumnPage": page_of("Column"),
    "MentionPage": page_of("Mention"),
    "CountedPage": page_of("Counted"),
}

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "Columnist read API",
        "version": "1",
        "description": "Published columns, media mentions, outlets and tags. Read-only, no "
        "login; CORS is open to every origin; responses carry ETags.",
    },
    "paths": {
        "/api/": {
            "get": {
                "summary": "The addresses of the lists and of this document.",
                "responses": {
                    "200": json_response(
                        "Links.", obj(columns=URL, mentions=URL, outlets=URL, tags=URL, openapi=URL)
                    )
                },
            }
        },
        "/api/columns/": list_operation(
            "Published columns, newest first (best match first with `q`).",
            "ColumnPage",
            [
                TAG,
                OUTLET,
                parameter("author", "Only columns by the author of this slug."),
                YEAR,
                parameter(
                    "q",
                    "Words to search for (web-search syntax). Results are the best matches "
                    "among the most recent ones (1,000 unless the site sets otherwise), so "
                    "`count` is at most that.",
                ),
            ],
        ),
        "/api/columns/{id}/": {
            "get": {
                "summary": "One published column.",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
                ],
                "responses": {"200": json_response("The column.", ref("Column")), **ERRORS},
            }
        },
        "/api/mentions/": list_operation(
            "Published media mentions, newest first.", "MentionPage", [TAG, OUTLET, YEAR]
        ),
        "/api/outlets/": list_operation(
            "Outlets with published content, by name; `count` is of published columns.",
            "CountedPage",
            [],
        ),
        "/api/tags/": list_operation(
            "Tags on published content, by name; `count` is of published columns.",
            "CountedPage",
            [],
        ),
    },
    "components": {"schemas": SCHEMAS},
}


@require_GET
def openapi_document(request):
    response = JsonResponse(DOCUMENT)
    response["Access-Control-Allow-Origin"] = "*"
    return response
