"""Every file field of ours checks uploads as the image library does (issue 14, item 2)."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models

from core.uploads import image_upload_validator


def ours(model):
    """A model of this project's apps (not Django's or a library's)."""
    path = Path(model._meta.app_config.path).resolve()
    return path.is_relative_to(Path(settings.BASE_DIR).resolve()) and ".venv" not in path.parts


# File fields no form uploads to, and what checks their files instead.
CHECKED_ELSEWHERE = {
    "MediaFile.document": "written only by the importer, which checks a document's first "
    "bytes against its type (wordpress/media_fetch.py)",
}


def test_every_file_and_image_field_carries_the_upload_checks():
    fields = [
        field
        for model in apps.get_models()
        if ours(model)
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    assert {f"{f.model.__name__}.{f.name}" for f in fields} >= {
        "Image.file",
        "Column.image",
        "Outlet.logo",
    }
    for field in fields:
        if f"{field.model.__name__}.{field.name}" not in CHECKED_ELSEWHERE:
            assert image_upload_validator in field.validators, field
