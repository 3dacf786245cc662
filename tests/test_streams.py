"""The built-in exporters' JSON encoder writes exactly what the standard library would."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit.testing import hostile_documents, sample_documents
from corpuskit_exporters._streams import compact_json, encode_json

# JSON values as a Document's dict holds them: strings (lone surrogates included, as file
# names decoded with surrogateescape give), ints, floats rounded as confidences are, None, bools
_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(min_value=-1e6, max_value=1e6).map(lambda f: round(f, 4))
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def _reference(record: object, ensure_ascii: bool = False) -> bytes:
    return encode_json(json.dumps(record, ensure_ascii=ensure_ascii, separators=(",", ":")))


@settings(max_examples=400, deadline=None)
@given(_values, st.booleans())
def test_compact_json_is_byte_identical_to_the_standard_library(record: object, ensure_ascii: bool) -> None:
    assert compact_json(record, ensure_ascii=ensure_ascii) == _reference(record, ensure_ascii)


def test_real_documents_encode_identically() -> None:
    for doc in [*sample_documents(3), *hostile_documents()]:
        record = doc.to_dict()
        assert compact_json(record) == _reference(record)
