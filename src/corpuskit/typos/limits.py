"""Every number the typo rules decide with, in one place (docs/typos.md explains them).

Frequencies are centi-zipf (100 x log10 of occurrences per billion words: ``the`` 773,
``online`` 519). Move a value only with the studies in docs/typos.md re-run: the seeds,
the injected Birkbeck misspellings, and the precision study on Reuters, BBC and Wikipedia.
"""

from __future__ import annotations

from typing import Final

# -- every rule -------------------------------------------------------------------------

#: Longer "words" are not words (a run of letters in hostile input): never looked at,
#: so candidate generation stays bounded (it is quadratic in the length).
MAX_LENGTH: Final = 40
#: An unknown word is an OCR fragment, not a typo, when it and its neighbour joined make
#: a dictionary word at least this long (``A dmiral``; shorter joins are chance: ``a n``).
JOIN_MIN_LENGTH: Final = 4

# -- typo.frequency ---------------------------------------------------------------------

#: Minimum word length (shorter words are too ambiguous).
MIN_LENGTH: Final = 4
#: The candidate must be at least this common (350 = 3 per million words)...
CANDIDATE_MIN_CZ: Final = 350
#: ...at least this much more common than the word itself (200 = 100 times)...
MARGIN_CZ: Final = 200
#: ...the word itself counted at least this common (a word never seen on the web is
#: compared as if seen 10 times per billion words)...
WORD_FLOOR_CZ: Final = 100
#: ...and at least this much more common than the runner-up (100 = 10 times).
WINNER_CZ: Final = 100
#: Candidates rarer than this can never win nor stop a winner (a winner has at least
#: CANDIDATE_MIN_CZ and must beat the runner-up by WINNER_CZ), so they are not generated.
CANDIDATE_FLOOR_CZ: Final = CANDIDATE_MIN_CZ - WINNER_CZ
#: After this many distinct words asked about in one process, the candidates come from a
#: wildcard index over the floor words (built once, ~0.1 s CPU on the measuring machine)
#: instead of every string one edit away (~170 us a word there against ~35 us): about
#: where the index has paid for itself, so a short run never builds it (docs/typos.md,
#: "Speed"). A speed setting only: both ways give the same words.
INDEX_AFTER_WORDS: Final = 1000

# -- names and document evidence ---------------------------------------------------------

#: A Capitalised word is corrected only if its correction occurs at least this often
#: Capitalised (or in capitals) in the same document ("Syria" for "Siria").
EVIDENCE_MIN: Final = 2
#: An unknown word the document uses at least this often is taken as meant (a name, a
#: term), except a lowercase word in codespell's list of known misspellings.
REPEATED_MIN: Final = 2

# -- typo.context (real-word errors) -----------------------------------------------------

#: Only dictionary words at most this common are suspected of being a slip for another
#: word (``rein`` 346, ``spites`` 222); common words are left to their writer.
CONTEXT_WORD_MAX_CZ: Final = 400
#: The intended word must be at least this common (``reign`` 414, ``spite`` 430)...
CONTEXT_CANDIDATE_MIN_CZ: Final = 380
#: ...and more common than the word written by at least this much (30 = 2 times).
CONTEXT_MARGIN_CZ: Final = 30
#: Correct only when both word pairs make the intended word at least this many times
#: likelier than the word written (a lower bound: pairs absent from the table are
#: counted at the most they could be, so the true ratio is larger)...
CONTEXT_MIN_RATIO: Final = 30.0
#: ...and at least this many times likelier than any other candidate.
CONTEXT_WINNER_RATIO: Final = 3.0
#: Above this ratio (but short of the edit's limits) a typo.suggestion warning is given.
CONTEXT_SUGGEST_RATIO: Final = 8.0

# -- typo.context within a curated confusion set (rein/reign/rain) -----------------------
# The partners of a word are the members of its confusion set (a published homophone
# list, one edit apart), not every word one edit away, and the evidence is the word pairs
# around it in a 172-million-word Wikipedia and Gutenberg sample
# (src/corpuskit/data/en_confusion_counts.txt.gz). The rare word, common partner and
# winner limits above apply as well (CONTEXT_WORD_MAX_CZ, CONTEXT_CANDIDATE_MIN_CZ,
# CONTEXT_MARGIN_CZ, CONTEXT_WINNER_RATIO), and CONTEXT_SUGGEST_RATIO for a warning.

#: A word the sample has less than this share of its web frequency (wordfreq) is not
#: judged by it: its modern senses are missing from a sample of mostly old books
#: (``bloc`` 0.12 of the web's rate, ``tee`` 0.17; ``rein`` 2.5). 18 of 164 words.
CONFUSION_SAMPLE_SHARE: Final = 1 / 3
#: Edit only when the partner is at least this many times likelier than the word as
#: written, two orders of magnitude (the word written is given one more of each count)...
CONFUSION_MIN_RATIO: Final = 100.0
#: ...and each neighbour on its own favours the partner by at least this much, as a
#: share of each word's uses: n(left partner) / n(partner) against (n(left word) + 1) /
#: (n(word) + 1), the same on the right, so that a partner's being common is no evidence
#: ("set to halve in" is not "have"). Where neither neighbour does, not even a warning.
#: The sample's word triples are read only for the word as written (seen once: meant):
#: "their reign of" occurs once in it, too sparse to decide with.
CONFUSION_SIDE_RATIO: Final = 3.0
