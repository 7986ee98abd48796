"""A small, fixed site for the public-page tests: dated in the past, so no clock is needed."""

import datetime

from columns.models import Column
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory

UTC = datetime.UTC


def at(day, hour=9):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def build_site(columns=5, mentions=3):
    """An owner, a co-author, two outlets, `columns` tagged columns and `mentions` mentions.

    Columns are a day apart from 10 June 2018 backwards, so the first ones share June 2018.
    """
    owner = AuthorFactory(name="Maya Okafor", slug="maya-okafor", is_owner=True)
    coauthor = AuthorFactory(name="Li Wei", slug="li-wei")
    paper = OutletFactory(
        name="South China Morning Post", slug="scmp", homepage="https://scmp.example/"
    )
    agency = OutletFactory(name="Reuters", slug="reuters")
    made = []
    for n in range(columns):
        day = datetime.date(2018, 6, 10) - datetime.timedelta(days=n)
        made.append(
            ColumnFactory(
                title=f"Column {n} on the SCO",
                slug=f"column-{n}",
                dek=f"Standfirst of column {n}.",
                intro=f"<p>Why I wrote column {n}.</p>",
                body=f"<p>First paragraph of column {n}.</p><!--more--><p>The rest.</p>",
                outlet=paper if n % 2 == 0 else None,
                original_url=f"https://scmp.example/{n}" if n % 2 == 0 else "",
                outlet_published_at=at(day) if n % 2 == 0 else None,
                posted_at=at(day, 12),
                tags=["SCO", "China"] if n % 3 else ["SCO", f"Topic {n}"],
                bylines=[(owner, "Maya Okafor is a fellow."), coauthor],
            )
        )
    for n in range(mentions):
        MentionFactory(
            outlet=agency,
            topic=f"the SCO summit {n}",
            date=datetime.date(2018, 6, 9) - datetime.timedelta(days=n),
            column=made[0] if made else None,
            url=f"https://reuters.example/{n}",
        ).tags.set(["SCO"])
    return {"owner": owner, "coauthor": coauthor, "paper": paper, "agency": agency, "columns": made}


# Every public page of `build_site()`, by URL name.
def public_urls():
    return {
        "home": "/",
        "column": "/2018/06/10/column-0/",
        "tag": "/tag/sco/",
        "tags": "/tags/",
        "outlet": "/outlet/scmp/",
        "outlets": "/outlets/",
        "author": "/author/li-wei/",
        "year": "/2018/",
        "month": "/2018/06/",
        "day": "/2018/06/10/",
        "archive": "/archive/",
        "mentions": "/in-the-media/",
    }


def draft(**kwargs):
    return ColumnFactory(status=Column.Status.DRAFT, **kwargs)


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def twelve_days_of_mentions(topic, **fields):
    """Mentions "<topic> 00" to "<topic> 11", one a day from 1 January 2018."""
    return [
        MentionFactory(
            topic=f"{topic} {n:02d}",
            date=datetime.date(2018, 1, 1) + datetime.timedelta(n),
            **fields,
        )
        for n in range(12)
    ]


def the_latest_ten(html, topic):
    """The page's mentions section, checked to list the latest ten of twelve_days_of_mentions."""
    mentions = html[html.index('id="mentions-heading"') :]
    assert mentions.count("<li ") == 10
    assert f"{topic} 11" in mentions and f"{topic} 02" in mentions
    assert f"{topic} 01" not in mentions
    return mentions
