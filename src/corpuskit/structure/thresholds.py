"""Every number the structure stage decides with, in one place.

The structure stage (``structure``, ``header``, ``body``, ``trailer``) reads its limits
from here and nowhere else, so that tuning it is a one-file change and a reviewer can see
every knob at once. Each value says what it protects against; ``docs/structure.md``
explains the features they weigh. Values were set on the seed articles and checked on
the evaluation set described in ``tests/test_trailer.py``; move one only with that
evaluation re-run.
"""

from __future__ import annotations

from typing import Final

# -- header -------------------------------------------------------------------------

#: How many leading blocks may hold header material (dateline, title, byline, date,
#: note, standfirst). Real headers are short; a bigger window lets body lines be taken.
HEADER_MAX_BLOCKS: Final = 6
#: A title is one line of at most this many words and characters, not ending in '.'.
TITLE_MAX_WORDS: Final = 24
TITLE_MAX_CHARS: Final = 200
#: A dateline ("Siria, Aleppo", "WASHINGTON") is a few capitalised words at most.
DATELINE_MAX_WORDS: Final = 5
DATELINE_MAX_CHARS: Final = 48
#: A byline or date line is short; a longer line is prose that happens to say "by".
BYLINE_MAX_CHARS: Final = 160
#: A standfirst is one prose block of at most this many characters.
STANDFIRST_MAX_CHARS: Final = 500
#: An author name has this many tokens (given names, particles, family names).
NAME_MIN_TOKENS: Final = 2
NAME_MAX_TOKENS: Final = 5
#: In a page title "Headline | Site", the site name is at most this many words.
SITE_NAME_MAX_WORDS: Final = 6
#: A later block repeating one side of the page title is its headline when that side has
#: at least this many words (a lone "Home" or site name repeated is not a title).
TITLE_REPEAT_MIN_WORDS: Final = 3

# -- body ---------------------------------------------------------------------------

#: A heading is a short line between paragraphs: at most this many words and chars.
HEADING_MAX_WORDS: Final = 12
HEADING_MAX_CHARS: Final = 100
#: ...and the block after it is prose at least this many times as long (or ends a
#: sentence), so two short lines in a row are not both taken for headings.
HEADING_NEXT_RATIO: Final = 1.5
#: A block shorter than this is never a duplicate: "Share", "Reuters" or a repeated
#: one-word line is not a repeated paragraph.
DUPLICATE_MIN_CHARS: Final = 40

# -- block features (``features``) ----------------------------------------------------

#: Feature weights, added to a block's junk score (positive is junk). A block's score is
#: what it says on its own; the labeller adds what its neighbours say (below).
W_MARKER: Final = 4.0  # a section heading or a furniture/legal line ("Comments", "Share", "©")
W_WIDGET: Final = 3.0  # "NAME in: POST TITLE" (a recent-comments widget line)
W_ATTRIBUTION: Final = 3.0  # "NAME says:", "19.04.2016 um 20:55 Uhr", "vor 3 Tagen", "Reply"
W_WEAK_HEAD: Final = 1.0  # "by NAME on DATE": a byline alone, a comment head when repeated
W_SPAM_WORD: Final = 2.0  # per spam-vocabulary hit, capped at SPAM_MAX_HITS
SPAM_MAX_HITS: Final = 2
W_URL_SHARE: Final = 2.0  # URLs make up at least URL_SHARE_MIN of the block
URL_SHARE_MIN: Final = 0.3
W_PRAISE: Final = 2.0  # second-person praise: "great article", "your blog", "danke für"
W_BIO: Final = 3.0  # "NAME is a/an ... journalist", or the byline author + "is"
W_TRUNCATED: Final = 0.5  # ends in "..." as widget excerpts do (blocks under TRUNCATED_MAX_CHARS)
TRUNCATED_MAX_CHARS: Final = 300
W_PROSE: Final = 2.5  # long, function-word-rich, sentence-ending: an article paragraph
W_LONG: Final = 1.0  # per LONG_BLOCK_CHARS beyond the first: junk lines are short
LONG_BLOCK_CHARS: Final = 400
#: Prose: at least this share of a block's words are function words (seven languages)...
PROSE_STOPWORD_MIN: Final = 0.28
#: ...in a block of at least this many words.
PROSE_MIN_WORDS: Final = 12
#: The share is measured on the block's first PROSE_SAMPLE_CHARS characters (speed).
PROSE_SAMPLE_CHARS: Final = 240
#: Text in a script other than Latin is prose when it ends a sentence and is this long.
PROSE_MIN_CHARS: Final = 120
#: The header's boilerplate never reaches past a block scoring this low (article prose).
HEADER_STOP_SCORE: Final = -1.0
#: On a page with no prose at all (a table of figures), the header's boilerplate never
#: reaches past a block scoring this low: a plain short line, a row of the table (0.5),
#: where menu and furniture lines score 1.5 and more.
HEADER_NO_PROSE_STOP_SCORE: Final = 0.5
#: A link-free, sentence-ending block longer than this that reads as prose is scored from
#: the few features prose can carry (bio, legal notice): the fast path for article text.
FAST_PROSE_MIN_CHARS: Final = 60
#: Length limits of the line shapes: a section heading, a furniture line ("Share this"),
#: a legal line (long copyright and cookie lines included), a comment head.
SECTION_MAX_CHARS: Final = 80
FURNITURE_MAX_CHARS: Final = 60
LEGAL_MAX_CHARS: Final = 600
HEAD_MAX_CHARS: Final = 120
#: A line that mentions a time but is a sentence of more than this many words is not a head.
HEAD_MAX_SENTENCE_WORDS: Final = 8
#: A bio names its subject within this many characters and is at most BIO_MAX_CHARS.
BIO_NAME_MAX_CHARS: Final = 60
BIO_MAX_CHARS: Final = 700
#: Beyond this length a block skips the cheap scans unless it holds a link or a marker.
COMMENT_BODY_MAX_CHARS: Final = 800
#: A menu item is at most this many words and characters; a list line (related
#: headlines, a footer's links) at most LIST_MAX_CHARS, not ending a sentence.
MENU_MAX_WORDS: Final = 3
MENU_MAX_CHARS: Final = 30
LIST_MAX_CHARS: Final = 90

# -- labelling (``labelling``) -------------------------------------------------------------

#: A run of at least MENU_RUN_MIN menu lines is a navigation bar: each gets W_MENU_RUN.
MENU_RUN_MIN: Final = 3
W_MENU_RUN: Final = 1.0
#: A run of at least LIST_RUN_MIN list lines is a list of links: each gets W_LIST_RUN.
LIST_RUN_MIN: Final = 4
W_LIST_RUN: Final = 0.5
#: A short line (at most REPEAT_MAX_CHARS) that occurs more than once is page furniture.
REPEAT_MAX_CHARS: Final = 60
W_REPEAT: Final = 1.0
#: Between two comment heads at most COMMENT_GAP_MAX_BLOCKS apart, a block is a comment
#: body whatever its prose says: it scores at least W_COMMENT_BODY. Past the last head
#: (heads above their comments) or before the first (heads under them), as many blocks as
#: the comments' median length get the same, each at most COMMENT_EDGE_MAX_CHARS.
COMMENT_GAP_MAX_BLOCKS: Final = 8
W_COMMENT_BODY: Final = 1.0
COMMENT_EDGE_MAX_CHARS: Final = 1200
#: Weak heads ("by NAME on DATE") count as heads once there are at least this many.
WEAK_HEADS_MIN: Final = 3
#: The trailer is the suffix with the highest sum of (score - TRAILER_BIAS): a neutral
#: block costs TRAILER_BIAS, so the trailer reaches up past one only when junk lies above
#: it. It must sum to at least TRAILER_MIN_SCORE (one strong junk line).
TRAILER_BIAS: Final = 0.5
TRAILER_MIN_SCORE: Final = 2.0
#: The header's boilerplate is the prefix with the highest sum of (score - HEADER_BIAS),
#: at least HEADER_MIN_SCORE: a page that starts with navigation, not an article's title.
HEADER_BIAS: Final = 0.5
HEADER_MIN_SCORE: Final = 3.0
#: The article's core (``labelling.article_core``) is the first run of blocks with at
#: least this much prose evidence (four prose paragraphs' worth).
CORE_MIN_PROSE: Final = 10.0
#: Header metadata (title, byline, date) near the article's start is looked for this many
#: blocks before the first body block.
HEADER_WINDOW: Final = 16
#: ...and as many as this before a title repeated from the page title (dates and bylines
#: sit above the headline on some sites).
HEADER_BEFORE_TITLE: Final = 4

#: Comment threads (``threads``): a chain of comment heads whose gaps are at most
#: THREAD_GAP_MAX_BLOCKS blocks (one long comment runs to twenty paragraphs), its last
#: head within THREAD_TAIL_MAX_BLOCKS of the end, makes everything from its first head
#: to the end comment material, when it has at least THREAD_MIN_STRONG_HEADS strong
#: heads ("Posted by NAME on DATE at TIME", "NAME says:")...
THREAD_GAP_MAX_BLOCKS: Final = 24
THREAD_TAIL_MAX_BLOCKS: Final = 16
THREAD_MIN_STRONG_HEADS: Final = 3
#: ...or at least THREAD_MIN_HEADS lines of one per-comment shape (a bare name, "by
#: HANDLE (12345)", a bare date, "NAME - DATE"), each a line of at most
#: THREAD_HEAD_MAX_CHARS (a name at most THREAD_NAME_MAX_TOKENS words and
#: THREAD_NAME_MAX_CHARS, a date line at most THREAD_DATE_MAX_CHARS)...
THREAD_MIN_HEADS: Final = 4
#: A shape's thread starts at the first head from which the next two gaps are at most
#: this many blocks (an article's heading further up, then a long gap, is not in it).
THREAD_NAME_GAP_MAX_BLOCKS: Final = 6
THREAD_HEAD_MAX_CHARS: Final = 100
THREAD_NAME_MAX_TOKENS: Final = 4
THREAD_NAME_MAX_CHARS: Final = 32
THREAD_DATE_MAX_CHARS: Final = 40
#: ...at least THREAD_MIN_FOLLOWED of which are followed by a text block of at least
#: THREAD_BODY_MIN_CHARS (a name list or a date list is not a thread)...
THREAD_MIN_FOLLOWED: Final = 0.6
THREAD_BODY_MIN_CHARS: Final = 20
#: ...whose text between the heads has at least this share of first/second-person words
#: (``threads.personal_share``; on dragnet-train the comments' median is 0.057, the
#: articles' 0.019, a third-person report's about 0). Bare names need more: section
#: headings have that shape too. A chain of strong heads needs only a little (a live
#: blog's time stamps, over third-person reporting, are not comment heads).
THREAD_MIN_PERSONAL_STRONG: Final = 0.015
THREAD_MIN_PERSONAL: Final = 0.03
THREAD_MIN_PERSONAL_NAMES: Final = 0.05
#: Bare names must come back often: at most this many blocks between two, as a median
#: (comments run one to three paragraphs; an article's sections run longer).
THREAD_NAME_MEDIAN_GAP: Final = 3
#: ...and at most this share of them may have a word come back in the block under them
#: (a heading's subject does, "Contrarian Investing" / "Contrarian investing, like…").
THREAD_NAME_MAX_ECHO: Final = 0.25
#: A thread starts after at least this many characters of the body (an article's own
#: "Posted by NAME on DATE" over its first paragraph is not the first comment's head).
THREAD_MIN_ARTICLE_CHARS: Final = 400

# -- trailer ------------------------------------------------------------------------

#: The body keeps at least this many characters (or all of it, when shorter), and at
#: least its first block: the trailer never empties an article.
MIN_BODY_CHARS: Final = 200
#: A block scoring at least this much is junk by itself (its own kind, not its section's).
JUNK_THRESHOLD: Final = 2.0
#: Under a section heading ("Comments", "Related posts") everything up to the end is
#: trailer, but only when the heading sits in the last TRAILER_MARKER_MAX_SHARE of the
#: document's characters: a "Comments" heading at the top is not a comment section.
TRAILER_MARKER_MAX_SHARE: Final = 0.5

# -- corpora beyond news pages: wrapped lines, mail headers, sign-offs (issue 14) ----
# Set on 20 Newsgroups (test set), Reuters-21578 (reut2-000) and 7 Project Gutenberg
# books; figures in docs/evaluation.md ("Corpora beyond news pages").

#: Hard-wrapped text (``blocks.wrap_width``): a text needs at least this many lines...
WRAP_MIN_LINES: Final = 3
#: ...its width W (the widest line once the widest share below is set aside: long URLs,
#: header lines) lies in this range of columns (tabs expanded to 8)...
WRAP_MIN_WIDTH: Final = 40
WRAP_MAX_WIDTH: Final = 100
WRAP_OUTLIER_SHARE: Final = 0.05
#: ...at least this many line pairs are "full" (the next line's first word would not
#: have fit within W less WRAP_SLACK columns: wrappers differ by a few columns)...
WRAP_MIN_FULL: Final = 2
WRAP_SLACK: Final = 6
#: ...and at most this share of the full lines end a sentence (one-paragraph-per-line
#: text, whose every line ends one, is never taken for wrapped text).
WRAP_MAX_SENTENCE_END: Final = 0.5

#: A mail/news header block (``mail``) needs this many fields that mail and news use
#: (or that the user mapped); when it runs straight into text with no blank line after
#: it, this many more: "Title: …" over an article's first line is not a mail header.
MAIL_MIN_KNOWN_FIELDS: Final = 2
MAIL_MIN_KNOWN_FIELDS_UNENDED: Final = 3
#: A block of more fields than this is a list of key-value data, not a header.
MAIL_MAX_FIELDS: Final = 200

#: Sign-offs (``signoff``): a signature (after ``--`` or a contact block) is at most
#: this many lines and characters; a contact block's lines are at most
#: SIG_LINE_MAX_CHARS, and one longer than SIG_SHORT_CHARS must carry a contact cue.
SIG_MAX_LINES: Final = 12
SIG_MAX_CHARS: Final = 1000
SIG_LINE_MAX_CHARS: Final = 80
SIG_SHORT_CHARS: Final = 50
#: An e-text end marker ("*** END OF THE PROJECT GUTENBERG EBOOK") opens the footer when
#: what follows it is at most this many characters, or this share of the document (the
#: Project Gutenberg licence is about 19,000 characters).
ETEXT_FOOTER_MAX_CHARS: Final = 40000
ETEXT_FOOTER_MAX_SHARE: Final = 0.5
#: A paragraph wrapped a little narrower than the document (a reply at 70 columns under
#: a quote at 78) is measured against its own widest line when that is at least this
#: share of W; verse and addresses, much narrower, are measured against W.
WRAP_LOCAL_MIN_SHARE: Final = 0.85
#: An e-text's start marker ("*** START OF THE PROJECT GUTENBERG EBOOK") closes its front
#: matter when it lies within this many leading blocks (the notice is about 20).
ETEXT_HEADER_MAX_BLOCKS: Final = 80
