"""Giving library images in a column body their responsive sizes (srcset), at save."""

from core import html_tokens


def add_srcset(body, known=None):
    """Every <img> whose src is an uploaded Image gets its width, height, srcset and sizes.

    `known`, {file URL: Image}, saves reading the library when the caller knows them.
    """
    from .models import SIZES, Image

    tokens = list(html_tokens.tokens(body or ""))
    images = {
        index: token.attributes()
        for index, token in enumerate(tokens)
        if token.kind == html_tokens.TAG and token.name == "img" and not token.closing
    }
    if not images:
        return body
    srcs = {attrs.get("src", "") for attrs in images.values()}
    by_url = known if known is not None else {}
    if known is None:
        for image in Image.objects.all().only("file", "width", "height", "renditions", "alt"):
            if image.file and image.file.url in srcs:
                by_url[image.file.url] = image

    def enrich(attrs):
        image = by_url[attrs["src"]]
        attrs.update(
            {
                "alt": attrs.get("alt") or image.alt,
                "width": str(image.width),
                "height": str(image.height),
                "srcset": image.srcset,
                "sizes": SIZES,
                "loading": "lazy",
            }
        )
        attrs.pop("data-file", None)
        return html_tokens.start_tag("img", attrs)

    return "".join(
        enrich(images[index]) if images.get(index, {}).get("src") in by_url else token.text
        for index, token in enumerate(tokens)
    )
