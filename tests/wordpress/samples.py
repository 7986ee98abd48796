"""Small WordPress exports written in the tests, shaped like what WordPress writes, and running
the importer on them."""

from io import StringIO
from xml.sax.saxutils import escape

from django.core.management import call_command

from columns.models import Author, Byline, Column
from mentions.models import Mention
from outlets.models import Outlet
from redirects.models import Redirect

NAMESPACES = {
    "1.0": "http://wordpress.org/export/1.0/",
    "1.1": "http://wordpress.org/export/1.1/",
    "1.2": "http://wordpress.org/export/1.2/",
}

AUTHORS = """
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[jroe]]></wp:author_login>
<wp:author_email>jane@example.org</wp:author_email>
<wp:author_display_name><![CDATA[Jane Roe]]></wp:author_display_name>
<wp:author_first_name><![CDATA[Jane]]></wp:author_first_name>
<wp:author_last_name><![CDATA[Roe]]></wp:author_last_name></wp:author>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[assistant]]></wp:author_login>
<wp:author_display_name><![CDATA[Sam Helper]]></wp:author_display_name></wp:author>
"""


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def item(
    post_id,
    title="A post",
    content="Hello.",
    *,
    status="publish",
    post_type="post",
    date="2020-03-03 19:05:00",
    date_gmt="2020-03-03 11:05:00",
    name=None,
    categories=(),
    tags=(),
    meta=(),
    link=None,
    creator="jroe",
    excerpt="",
    attachment_url="",
    password="",
):
    name = f"post-{post_id}" if name is None else name
    link = link if link is not None else f"https://old.example.org/{date[:4]}/{name}/"
    terms = "".join(
        f'<category domain="category" nicename="{slug}">{cdata(label)}</category>'
        for slug, label in categories
    ) + "".join(
        f'<category domain="post_tag" nicename="{slug}">{cdata(label)}</category>'
        for slug, label in tags
    )
    postmeta = "".join(
        f"<wp:postmeta><wp:meta_key>{escape(k)}</wp:meta_key>"
        f"<wp:meta_value>{cdata(v)}</wp:meta_value></wp:postmeta>"
        for k, v in meta
    )
    attachment = (
        f"<wp:attachment_url>{attachment_url}</wp:attachment_url>" if attachment_url else ""
    )
    return f"""
<item>
  <title>{escape(title)}</title>
  <link>{escape(link)}</link>
  <pubDate>Tue, 03 Mar 2020 11:05:00 +0000</pubDate>
  <dc:creator>{cdata(creator)}</dc:creator>
  <guid isPermaLink="false">https://old.example.org/?p={post_id}</guid>
  <description></description>
  <content:encoded>{cdata(content)}</content:encoded>
  <excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
  <wp:post_id>{post_id}</wp:post_id>
  <wp:post_date>{date}</wp:post_date>
  <wp:post_date_gmt>{date_gmt}</wp:post_date_gmt>
  <wp:comment_status>open</wp:comment_status>
  <wp:post_name>{name}</wp:post_name>
  <wp:status>{status}</wp:status>
  <wp:post_parent>0</wp:post_parent>
  <wp:menu_order>0</wp:menu_order>
  <wp:post_type>{post_type}</wp:post_type>
  <wp:post_password>{escape(password)}</wp:post_password>
  <wp:is_sticky>0</wp:is_sticky>
  {attachment}{terms}{postmeta}
</item>"""


def export(*items, version="1.2", channel="", authors=AUTHORS, prolog=None):
    namespace = NAMESPACES[version]
    prolog = prolog if prolog is not None else '<?xml version="1.0" encoding="UTF-8" ?>'
    version_line = f"<wp:wxr_version>{version}</wp:wxr_version>"
    return f"""{prolog}
<!-- generator="WordPress/6.4.3" created="2024-02-08 06:55" -->
<rss version="2.0"
  xmlns:excerpt="{namespace}excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="{namespace}">
<channel>
  <title>An analyst's blog</title>
  <link>https://old.example.org</link>
  <description>Columns</description>
  <language>en-GB</language>
  {version_line}
  <wp:base_site_url>https://old.example.org</wp:base_site_url>
  <wp:base_blog_url>https://old.example.org</wp:base_blog_url>
  {authors}
  {channel}
  {"".join(items)}
</channel>
</rss>
"""


def write(tmp_path, text, name="export.xml", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return str(path)


# A post with something for every rule: intro note, title, standfirst, stamps, byline, print
# note and bios.
STRUCTURED = "\n\n".join(
    [
        "My latest column in the South China Morning Post. Also spoke to the BBC and Sky News "
        "about the election, and separately to Le Monde about energy prices.",
        "<h2>Beijing lends less</h2>",
        "Why the loans are drying up.",
        "PUBLISHED : Tuesday, 3 March, 2020, 7:05pm | UPDATED : 4 March 2020, 8:00am",
        "By Jane Roe and John Doe",
        "Body one. Body two. Body three.",
        "This article appeared in the South China Morning Post print edition as: Debt trap",
        "Jane Roe is a senior fellow at the Example Institute. "
        "John Doe is professor of economics at Example University.",
    ]
)


def run(path, *args):
    """Run the command; return what it printed."""
    out = StringIO()
    call_command("import_wxr", path, *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Everything an import writes, to prove that a run changed nothing."""
    return [
        list(model.objects.order_by("pk").values())
        for model in (Column, Author, Byline, Outlet, Mention, Redirect)
    ]
