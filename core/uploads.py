"""
The checks every uploaded image goes through, whatever field it is uploaded to: the image
library, a column's featured image, an outlet's logo. Size first (cheap), then the pixel count
read from the header (before decoding: a 15,000 by 10,000 PNG is refused unopened), then a full
decode (a damaged or truncated file fails) and the real format, whatever the file is called.

Every ImageField and FileField of ours carries `image_upload_validator` (a test walks the
models to make sure), so a ModelForm, the admin included, runs the checks through the model's
validation: no form has to remember them.
"""

import PIL.Image
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible

NOT_AN_IMAGE = (
    "This file is not an image we can read, or it is damaged. Upload a JPEG, PNG, WebP or GIF file."
)
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def validate_image_upload(upload):
    """Refuse oversized, non-image, corrupt or gigantic uploads with a message that says so."""
    limit = settings.IMAGE_UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"This file is {filesizeformat(upload.size)}; images may be at most "
            f"{filesizeformat(limit)}. Export a smaller copy and upload that.",
            code="too_large",
        )
    try:
        upload.seek(0)
        with PIL.Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            if width * height > settings.IMAGE_UPLOAD_MAX_PIXELS:
                raise ValidationError(
                    f"This image is {width} by {height} pixels, too large to resize safely.",
                    code="too_many_pixels",
                )
            image.load()  # decodes every pixel: a truncated or damaged file fails here
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, PIL.Image.DecompressionBombError):
        # UnidentifiedImageError is an OSError; damaged data raises any of these.
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from None
    finally:
        upload.seek(0)
    if image_format not in FORMATS:
        raise ValidationError(
            f"{image_format} images are not accepted. Upload a JPEG, PNG, WebP or GIF file.",
            code="format",
        )


@deconstructible(path="core.uploads.ImageUploadValidator")
class ImageUploadValidator:
    """The model field validator: checks a file being uploaded, not one stored already."""

    def __call__(self, value):
        if value and not getattr(value, "_committed", True):
            validate_image_upload(value.file)

    def __eq__(self, other):
        return isinstance(other, ImageUploadValidator)


image_upload_validator = ImageUploadValidator()
