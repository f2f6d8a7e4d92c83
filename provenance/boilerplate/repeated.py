"""Lines one site prints on many of its pages: boilerplate learnt from the corpus.

A newsletter pitch, a standard caption credit, "Support The Moscow Times!" or a legal
footnote come back on every page of a site, while the body of each article is its own.
:func:`corpus_boilerplate` counts, per site, the articles each line appears in, and sets
aside the lines that appear in at least :data:`MIN_ARTICLES` articles of one site, and
in at least :data:`MIN_SHARE` of them: in an archive of thousands of a site's pages, a
sentence its reporters repeat in three stories ("Russia launched its full-scale
invasion on 24 February 2022.") is body text, the furniture is on most pages. A line
shared by articles of *different* sites is left alone: syndicated copies share their
body. Articles with no site (no outlet, no URL) are not compared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from provenance.boilerplate.reasons import REPEATED
from provenance.model import Article, BoilerplateBlock

#: A line must come back on this many articles of one site to be the site's furniture,
#: and on this share of them.
MIN_ARTICLES = 3
MIN_SHARE = 0.1
#: Longer lines are paragraphs: two articles of one site never share one by chance.
MAX_CHARS = 300
_NORM = re.compile(r"\W+")
_DIGITS = re.compile(r"\d+")


def site_of(article: Article) -> str | None:
    """The site an article comes from: its URL's host without "www."/"m."/"amp.", else
    its outlet, casefolded; None when neither is known."""
    if article.host:
        return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", article.host)
    return article.outlet.casefold().strip() if article.outlet else None


def _key(line: str) -> str:
    """Lines compared without case, punctuation or the numbers that change per page."""
    return _DIGITS.sub("0", _NORM.sub(" ", line).strip().casefold())


def repeated_lines(articles: Sequence[Article]) -> dict[str, set[str]]:
    """Article id -> keys of its lines that its site prints on many of its pages."""
    by_site: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        site = site_of(article)
        if site:
            by_site[site].append(article)
    found: dict[str, set[str]] = {}
    for group in by_site.values():
        if len(group) < MIN_ARTICLES:
            continue
        counts: dict[str, int] = defaultdict(int)
        for article in group:
            for key in {_key(line) for line in article.text.split("\n")
                        if line.strip() and len(line) <= MAX_CHARS}:
                if key:
                    counts[key] += 1
        least = max(MIN_ARTICLES, MIN_SHARE * len(group))
        common = {key for key, n in counts.items() if n >= least}
        if common:
            for article in group:
                found[article.id] = common
    return found


def corpus_boilerplate(articles: Sequence[Article]) -> list[Article]:
    """The articles with the lines their site repeats set aside (reason ``repeated``).

    Pure: articles without such lines are returned as they are, the others as copies
    whose text, sentences (spans shifted) and boilerplate are updated. A line is set
    aside only when whole sentences cover it, so no sentence is cut.
    """
    found = repeated_lines(articles)
    return [_without(a, found[a.id]) if a.id in found else a for a in articles]


def _without(article: Article, keys: set[str]) -> Article:
    text, sentences = article.text, article.sentences
    cuts: list[tuple[int, int]] = []  # each line with its newline, in the old text
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip() or len(line) > MAX_CHARS or _key(line) not in keys:
            continue
        # only lines made of whole sentences: a sentence running on stays whole
        if any(x.start < end and x.end > start and (x.start < start or x.end > end)
               for x in sentences):
            continue
        cuts.append((start, min(len(text), end + 1)))
    if not cuts:
        return article
    joined = "".join(text[a:b] for a, b in zip([0] + [e for _, e in cuts],
                                                [s for s, _ in cuts] + [len(text)],
                                                strict=True))
    lead = len(joined) - len(joined.lstrip("\n"))

    def moved(offset: int) -> int:
        return offset - sum(e - s for s, e in cuts if e <= offset) - lead

    kept = [x for x in sentences if not any(s <= x.start and x.end <= e for s, e in cuts)]
    new_sentences = [replace(x, index=i, start=moved(x.start), end=moved(x.end))
                     for i, x in enumerate(kept)]
    removed = "\n".join(text[s:e].strip() for s, e in cuts)
    blocks = [*article.boilerplate, BoilerplateBlock(removed, REPEATED)]
    return replace(article, text=joined.strip("\n"), sentences=new_sentences,
                   boilerplate=blocks)
