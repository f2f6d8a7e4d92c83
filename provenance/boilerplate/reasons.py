"""Why a block was set aside: the ``reason`` of a ``BoilerplateBlock``.

One name per rule, so a reader of ``provenance ingest`` (or of the JSON) can tell a
copyright line from a caption from a share bar, and a rule that set aside too much can be
found.
"""

from __future__ import annotations

# What a line says
DISCLAIMER = "disclaimer"  # "The picture is from the Internet...", 如有侵权请联系删除
COPYRIGHT = "copyright"  # "© 2024 ...", 무단전재 및 재배포 금지
BYLINE = "byline"  # "By Lois Lane", 本报记者 刘少华, "신은서 기자 | 2024.10.25"
SHARE_WIDGET = "share-widget"  # "Share | Tweet | Print"
RELATED_LINKS = "related-links"  # "Read also: ...", 관련기사 and its list
PAGE_CHROME = "page-chrome"  # "Skip to content", "Прослухати", 小字号
PROMO = "promo"  # "Become a member", newsletters, consent banners
CAPTION = "caption"  # photo captions and credits: "Фото: ЕРА", "... (Image: Reuters)"
# Its shape
TIMESTAMP = "timestamp"  # "25 October 2024 06:06", "阅读:92", "2.5k Upvotes"
LABEL = "label"  # "Summary", "Дата:", "본문": a word or two standing alone
LINK = "link"  # a URL, an image path, markup, a line of hashtags or alt-text keywords
FOOTNOTE = "footnote"  # "*Внесён в реестр ..."
# Glued to a paragraph
METADATA = "metadata"  # a capture's "date 2024-10-25" prefix
DATELINE = "dateline"  # "МОСКВА, 25 окт - ПРАЙМ.", "[서울=뉴시스]박광온 기자 ="
SERIES_TAG = "series-tag"  # "[트럼프의 귀환]" closing a headline
# Repetition and position
REPEATED = "repeated"  # printed twice on the page; or on many pages of one site
SUBHEADING = "subheading"  # a line without final punctuation between paragraphs
UNRELATED_HEADLINES = "unrelated-headlines"  # a run of other stories' headlines
# HTML pages
NAVIGATION = "navigation"
PAGE_HEADER = "page-header"
FOOTER = "footer"
COMMENTS = "comments"
