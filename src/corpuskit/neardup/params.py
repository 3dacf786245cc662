"""Every number near-duplicate detection decides with, in one place.

``DedupParams`` holds them, with these defaults; ``docs/dedup.md`` shows how they were
measured (precision and recall of copy pairs on a built set of known copies, and the
repeats of the BBC news set). Move one only with that evaluation re-run
(``tests/test_neardup_eval.py``).
"""

from __future__ import annotations

from typing import Final

import attrs

#: MinHash permutations: the signature kept per document is this many 32-bit values
#: (512 bytes). The standard error of an estimated Jaccard is about
#: sqrt(J(1-J)/NUM_PERM): 0.044 at J = 0.5.
NUM_PERM: Final = 128
#: LSH bands x rows per band (BANDS * ROWS == NUM_PERM). Two documents become candidates
#: when any band agrees; the S-curve's midpoint (1/BANDS)**(1/ROWS) is 0.42, below
#: THRESHOLD, so pairs near the threshold are rarely missed (P(candidate | J=0.5) = 0.87,
#: at J=0.6 0.99); candidates are then checked against THRESHOLD on the signatures.
BANDS: Final = 32
ROWS: Final = 4
#: A copy shares at least this estimated Jaccard similarity of body shingles with an
#: earlier document. Dropped or reordered paragraphs, appended junk and scattered typos
#: keep real copies above it; distinct stories on the same subject stay below it.
THRESHOLD: Final = 0.5
#: Shingles are runs of this many consecutive words (casefolded, punctuation ignored).
SHINGLE_WORDS: Final = 5
#: A body with fewer words than this is never compared ("Photo: Reuters" pages would
#: all match each other); exact copies of it are not reported either.
MIN_WORDS: Final = 20
#: The seed of the MinHash permutations: same seed, same corpus order, same clusters.
SEED: Final = 1


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be at least 1, not {value}")


def _fraction(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 < value <= 1.0:
        raise ValueError(f"{attribute.name} must be in (0, 1], not {value}")


@attrs.frozen
class DedupParams:
    """How near-duplicates are found; the defaults are the module constants above."""

    threshold: float = attrs.field(default=THRESHOLD, validator=_fraction)
    shingle_words: int = attrs.field(default=SHINGLE_WORDS, validator=_positive)
    num_perm: int = attrs.field(default=NUM_PERM, validator=_positive)
    bands: int = attrs.field(default=BANDS, validator=_positive)
    min_words: int = attrs.field(default=MIN_WORDS, validator=_positive)
    seed: int = SEED

    def __attrs_post_init__(self) -> None:
        if self.num_perm % self.bands:
            raise ValueError(f"num_perm ({self.num_perm}) must be a multiple of bands ({self.bands})")

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands
