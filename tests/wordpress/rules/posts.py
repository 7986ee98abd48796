"""A post's title and paragraphs, as the rules' tests write them."""

TITLE = "China\u2019s \u201cnew\u201d Silk Road"
# Three sentences: too many for a standfirst, so a body paragraph stays in the body.
BODY = "Body one. Body two. Body three."


def page(*paragraphs):
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
