"""The html exporter: a reading copy that is complete, accessible and inert.

Documents with a header, subheadings, a trailer and edits are built by hand here (the
structure detection may not produce them yet); ``make_corpus`` is also used by the EPUB
tests and the benchmarks.
"""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import re
import tracemalloc
from collections.abc import Iterator, Sequence
from pathlib import Path

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuskit
from browser import needs_chromium, screenshot
from corpuskit import Block, Document, Edit, Source, apply_edits
from corpuskit.exporters import OptionError, create, export
from corpuskit.testing import CountingSink
from corpuskit_exporters._view import block_parts, cleaned_spans, safe_file_stem

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "sample_corpus.txt"
NS = {"h": "http://www.w3.org/1999/xhtml"}

HOSTILE = [
    '<script>alert("body")</script> and text after',
    'Click <a href="javascript:alert(1)">here</a> or javascript:alert(2) now',
    '<img src=x onerror="alert(3)"> <svg onload=alert(4)></svg> <iframe src="http://evil.example/"></iframe>',
]
SPAM = "Cheap pills at http://pharmacy.example/buy?x=1 <a href='http://pharmacy.example'>buy</a>"


# -- building documents by hand ------------------------------------------------------------


def build_document(
    doc_id: str,
    items: Sequence[tuple[str, str, str]],
    *,
    title: str | None = None,
    authors: Sequence[str] = (),
    date: str | None = None,
    dateline: str | None = None,
    typos: bool = False,
) -> Document:
    """A document whose cleaned text is ``items`` ((region, kind, text)) joined by blank lines.

    With ``typos`` every " the " of the cleaned text is " tge " in ``raw_text`` and every
    ", " is ",\\xa0", each with its edit: same-length edits, so offsets line up.
    """
    cleaned = ""
    blocks = []
    for region, kind, text in items:
        if cleaned:
            cleaned += "\n\n"
        blocks.append(Block(kind, region, len(cleaned), len(cleaned) + len(text), text))
        cleaned += text
    raw = cleaned
    edits: list[Edit] = []
    if typos:
        chars = list(cleaned)
        for m in re.finditer(r"(?<= )the(?= )|, ", cleaned):
            if m.group(0) == "the":
                chars[m.start() + 1] = "g"
                edits.append(Edit("typo.known", m.start(), m.end(), "tge", "the"))
            else:
                chars[m.start() + 1] = "\xa0"
                edits.append(Edit("unicode.nbsp", m.start() + 1, m.end(), "\xa0", " "))
        raw = "".join(chars)
        edits.sort(key=lambda e: e.start)
        assert apply_edits(raw, edits) == cleaned
    return Document(
        id=doc_id,
        name=f"{doc_id}.txt",
        source=Source("corpus.txt", 0, len(raw.encode("utf-8", "surrogatepass")), "utf-8", 1.0),
        raw_text=raw,
        edits=edits,
        blocks=blocks,
        title=title,
        authors=authors,
        date=date,
        dateline=dateline,
    )


def sample_paragraphs() -> list[str]:
    text = SAMPLE.read_text("utf-8")
    paras = [p.strip() for p in re.split(r"\n\s*\n", text)]
    return [p.replace("\n", " ") for p in paras if len(p) > 80 and not p.startswith("===")]


def structured_document(n: int, paragraphs: Sequence[str], *, hostile: bool = False) -> Document:
    """Document number ``n`` with a full header, subheadings and a trailer."""
    k = len(paragraphs)
    body = [("body", "paragraph", paragraphs[(n * 7 + i) % k]) for i in range(4)]
    body.insert(2, ("body", "heading", f"Part two of article {n}"))
    if hostile:
        body.append(("body", "paragraph", HOSTILE[n % len(HOSTILE)]))
    items = [
        ("header", "title", f"Article {n}: {paragraphs[n % k][:60]}"),
        ("header", "byline", f"By Writer {n % 13} and Editor {n % 5}"),
        ("header", "date", f"2019-0{1 + n % 9}-1{n % 10}"),
        *body,
        ("trailer", "comment", f"Great piece, number {n}! Form feed \x0c and NUL \x00 glyphs."),
        ("trailer", "spam", SPAM),
    ]
    return build_document(
        f"{n:03d}_{hashlib.sha1(str(n).encode()).hexdigest()[:16]}",
        items,
        title=items[0][2],
        authors=[f"Writer {n % 13}", f"Editor {n % 5}"],
        date=items[2][2],
        typos=True,
    )


def make_corpus(n: int, *, hostile: bool = True) -> Iterator[Document]:
    """``n`` generated structured documents, lazily (nothing is held)."""
    paragraphs = sample_paragraphs()
    for i in range(n):
        yield structured_document(i, paragraphs, hostile=hostile)


# -- helpers ---------------------------------------------------------------------------------


def render(docs: Sequence[Document] | Iterator[Document], **options: object) -> str:
    out = io.BytesIO()
    create("html", **options).write(docs, out)
    return out.getvalue().decode("utf-8")


def parse(page: str):  # an ElementTree element from html5lib
    return html5lib.parse(page, namespaceHTMLElements=True)


def text_of(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\x00", "\ufffd").replace("\x0c", "\ufffd")).strip()


# -- the sample corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[Document]]:
    docs = list(corpuskit.read(SAMPLE))
    path = tmp_path_factory.mktemp("html") / "sample.html"
    export(iter(docs), "html", path)
    return path.read_text("utf-8"), docs


def test_sample_page_holds_every_article_and_a_true_summary(sample_page: tuple[str, list[Document]]) -> None:
    page, docs = sample_page
    root = parse(page)
    articles = root.findall(".//h:main/h:article", NS)
    assert len(articles) == len(docs) == 5
    for doc, art in zip(docs, articles, strict=True):
        assert art.get("data-id") == doc.id
        shown = text_of(art)
        for block in doc.blocks:
            if block.region == "header" and block.kind in ("title", "byline", "date", "dateline"):
                continue  # shown through the fields below, normalised
            assert norm(block.text) in shown
        for field in (doc.title, doc.date, doc.dateline, *doc.authors):
            assert field is None or norm(field) in shown
    summary = {text_of(d.find("h:dt", NS)): text_of(d.find("h:dd", NS))
               for d in root.findall(".//h:section[@class='summary']/h:dl/h:div", NS)}
    words = sum(len(d.text.split()) for d in docs)
    assert summary["Documents"] == "5"
    assert summary["Words"] == f"{words:,}"
    assert summary["Encodings"] == "utf-8 5"
    toc = root.findall(".//h:nav[@id='toc']//h:li/h:a", NS)
    assert [a.get("href") for a in toc] == [f"#{a.get('id')}" for a in articles]


def test_page_is_accessible_and_self_contained(sample_page: tuple[str, list[Document]]) -> None:
    page, _ = sample_page
    root = parse(page)
    assert root.get("lang") == "en"
    body = root.find("h:body", NS)
    skip = body[0]
    assert skip.tag.endswith("a") and skip.get("href") == "#main"
    assert root.find(".//h:main[@id='main']", NS) is not None
    for landmark in ("header", "nav", "main", "footer"):
        assert root.find(f".//h:{landmark}", NS) is not None
    levels = [int(el.tag[-1]) for el in root.iter() if re.fullmatch(r"\{.*\}h[1-6]", el.tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    # nothing loaded from anywhere: no src, no stylesheet link, no external URL
    for el in root.iter():
        assert el.get("src") is None
        assert not (el.tag.endswith("link"))
        assert el.get("href") is None or el.get("href").startswith("#"), el.get("href")
    # the CSP pins the one inline stylesheet by its hash
    csp = root.find(".//h:meta[@http-equiv='Content-Security-Policy']", NS).get("content")
    style = root.find(".//h:style", NS).text
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert csp.startswith("default-src 'none';")
    assert f"style-src 'sha256-{digest}'" in csp
    assert "unsafe" not in csp


# -- structure, trailer, edits -----------------------------------------------------------------


def test_header_headings_and_trailer_are_shown_where_a_reader_expects() -> None:
    doc = structured_document(7, sample_paragraphs())
    root = parse(render([doc]))
    art = root.find(".//h:article", NS)
    h2 = art.find(".//h:h2", NS)
    assert text_of(h2) == doc.title
    assert text_of(art).count(doc.title) == 1  # the title block is not repeated as a paragraph
    byline = text_of(art.find(".//h:p[@class='byline']", NS))
    assert byline == f"By Writer 7, Editor 2 · {doc.date}"
    assert art.find(".//h:time", NS).get("datetime") == doc.date
    assert [text_of(h) for h in art.findall(".//h:h3", NS)] == ["Part two of article 7"]
    details = art.find(".//h:details[@class='trailer']", NS)
    assert details is not None and details.get("open") is None  # collapsed
    assert text_of(details.find("h:summary", NS)) == "Trailer: 1 comment, 1 spam"
    kinds = [b.get("class") for b in details.findall("h:div", NS)]
    assert kinds == ["block kind-comment", "block kind-spam"]
    assert "\ufffd" in text_of(details)  # NUL and form feed shown, never emitted raw
    toc = root.find(".//h:nav[@id='toc']//h:li", NS)
    assert text_of(toc) == f"{doc.title} Writer 7, Editor 2 · {doc.date}"


def test_hostile_text_stays_text() -> None:
    docs = [structured_document(i, sample_paragraphs(), hostile=True) for i in range(3)]
    for links in ("text", "nofollow"):
        page = render(docs, links=links, highlight_edits=True)
        root = parse(page)
        for el in root.iter():
            tag = el.tag.split("}")[-1]
            assert tag not in ("script", "img", "svg", "iframe", "object", "embed", "form", "base")
            for attr, value in el.attrib.items():
                assert not attr.lower().startswith("on"), (tag, attr)
                assert attr not in ("src", "style", "srcdoc", "action", "formaction"), (tag, attr)
                if attr == "href":
                    assert value.startswith(("#", "http://", "https://")), value
        shown = text_of(root)
        for hostile in HOSTILE:
            assert norm(hostile) in shown
        anchors = [a for a in root.iter("{http://www.w3.org/1999/xhtml}a") if not a.get("href").startswith("#")]
        if links == "text":
            assert anchors == []
        else:
            # the URL in the article body is a nofollow link; the one in the spam never is
            assert {a.get("href") for a in anchors} == {"http://evil.example/"}
            assert all(a.get("rel") == "nofollow ugc noopener noreferrer" for a in anchors)


def test_highlight_marks_each_edit_with_its_before_text() -> None:
    raw = "Tge crowd  gathered in\xa0Aleppo.\n\nIt rained onlie once."
    edits = [
        Edit("typo.case", 0, 3, "Tge", "The"),
        Edit("whitespace.collapse", 9, 11, "  ", " "),
        Edit("unicode.nbsp", 22, 23, "\xa0", " "),
        Edit("typo.known", 42, 47, "onlie", "only"),
        Edit("punctuation.drop", 52, 53, ".", ""),
    ]
    cleaned = apply_edits(raw, edits)
    assert cleaned == "The crowd gathered in Aleppo.\n\nIt rained only once"
    blocks = [Block("paragraph", "body", 0, 29, cleaned[:29]), Block("paragraph", "body", 31, 50, cleaned[31:])]
    doc = Document(id="d", name="d.txt", source=Source("x", 0, 1), raw_text=raw, edits=edits, blocks=blocks)
    root = parse(render([doc], highlight_edits=True))
    marks = root.findall(".//h:article//h:ins", NS)
    assert [(m.get("data-rule"), m.get("data-before"), "".join(m.itertext())) for m in marks] == [
        ("typo.case", "Tge", "The"),
        ("whitespace.collapse", "  ", " "),
        ("unicode.nbsp", "\xa0", " "),
        ("typo.known", "onlie", "only"),
        ("punctuation.drop", ".", ""),
    ]
    assert "edit-deleted" in marks[-1].get("class")
    paras = root.findall(".//h:article/h:p[@class='block kind-paragraph']", NS)
    assert ["".join(p.itertext()) for p in paras] == [b.text for b in blocks]
    # without the option the page marks nothing
    assert parse(render([doc])).findall(".//h:ins", NS) == []


@st.composite
def text_and_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    raw = draw(st.text(alphabet="ab \n\xa0é", min_size=0, max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(raw)), max_size=10)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if edits and a <= edits[-1].end and (a == edits[-1].end or a == b):
            continue
        after = draw(st.text(alphabet="xyz", max_size=3))
        if a == b and not after:
            continue
        edits.append(Edit("r", a, b, raw[a:b], after))
    return raw, edits


@given(text_and_edits())
@settings(max_examples=200, deadline=None)
def test_cleaned_spans_point_at_each_replacement(case: tuple[str, list[Edit]]) -> None:
    raw, edits = case
    cleaned = apply_edits(raw, edits)
    for start, end, edit in cleaned_spans(edits):
        assert cleaned[start:end] == edit.after
    # cut the cleaned text into blocks anywhere: the parts always give back the block text
    spans = cleaned_spans(edits)
    for cut in range(len(cleaned) + 1):
        for lo, hi in ((0, cut), (cut, len(cleaned))):
            parts = block_parts(cleaned[lo:hi], lo, spans, links=False)
            assert "".join(p["text"] for p in parts) == cleaned[lo:hi]


# -- per-document layout and safe names ---------------------------------------------------------


def test_per_document_pages_never_escape_the_directory(tmp_path: Path) -> None:
    ids = ["../../x", "..", "a/b", "a_b", "CON", "index", "", ".hidden", "dup", "dup", "ñandú/../é", "x" * 300,
           "C:\\Windows\\evil", "ok_id-1"]
    docs = [build_document(i, [("body", "paragraph", f"text of {i!r}")]) for i in ids]
    out = tmp_path / "site" / "out"
    export(iter(docs), "html", out, layout="per-document")
    files = sorted(p.name for p in out.iterdir())
    assert sorted(tmp_path.iterdir()) == [tmp_path / "site"]
    assert sorted((tmp_path / "site").iterdir()) == [out]
    assert len(files) == len(ids) + 1 and "index.html" in files
    for name in files:
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,100}\.html", name), name
    assert "ok_id-1.html" in files  # a safe id keeps its name
    index = parse((out / "index.html").read_text("utf-8"))
    hrefs = [a.get("href") for a in index.findall(".//h:nav[@id='toc']//h:a", NS)]
    assert len(hrefs) == len(ids) and len(set(hrefs)) == len(ids)
    for doc, href in zip(docs, hrefs, strict=True):
        page = parse((out / href).read_text("utf-8"))
        assert page.find(".//h:h1", NS) is not None
        assert f"text of {doc.id!r}" in text_of(page)
        assert page.find(".//h:nav[@class='crumbs']/h:a", NS).get("href") == "index.html"


@given(st.text(max_size=120))
def test_safe_file_stem_is_always_a_plain_name(doc_id: str) -> None:
    stem = safe_file_stem(doc_id)
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,100}", stem)
    assert stem.lower() not in ("index", "con", "nul")
    if stem != doc_id:  # changed names carry a hash of the id, so distinct ids stay apart
        assert stem.endswith(hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:10])


def test_per_document_layout_needs_a_path() -> None:
    with pytest.raises(corpuskit.CorpuskitError, match="directory"):
        export(iter([]), "html", io.BytesIO(), layout="per-document")


# -- templates -------------------------------------------------------------------------------------


def test_user_templates_override_and_stay_escaped_and_sandboxed(tmp_path: Path) -> None:
    (tmp_path / "article.html.j2").write_text(
        '<article id="{{ a.anchor }}"><h{{ level }}>{{ a.label }}</h{{ level }}>'
        "{% for b in a.body %}<p>{{ b.parts[0].text }}</p>{% endfor %}</article>\n"
    )
    doc = build_document("t", [("body", "paragraph", "<b>bold?</b>")], title="<i>T</i>")
    page = render([doc], template_dir=str(tmp_path))
    assert "<h2>&lt;i&gt;T&lt;/i&gt;</h2>" in page
    assert "<p>&lt;b&gt;bold?&lt;/b&gt;</p>" in page
    (tmp_path / "article.html.j2").write_text("{{ a.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(Exception, match=r"unsafe|not safely|access"):
        render([doc], template_dir=str(tmp_path))
    with pytest.raises(OptionError):
        create("html", layout="pages")
    with pytest.raises(OptionError):
        create("html", lang='en" onload="x')


def test_memory_stays_flat_while_streaming() -> None:
    """The page grows with the corpus; the exporter's peak memory does not."""

    def peak(n: int) -> tuple[int, int]:
        out = io.BytesIO()
        exporter = create("html", highlight_edits=True)
        sink = CountingSink()
        tracemalloc.start()
        exporter.write(make_corpus(n), sink)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top, sink.size + len(out.getvalue())

    small_peak, small_size = peak(20)
    big_peak, big_size = peak(200)
    assert big_size > 7 * small_size
    assert big_peak < 2 * small_peak + 1_000_000, (small_peak, big_peak)


def test_cli_writes_the_page(tmp_path: Path) -> None:
    from corpuskit.cli import main

    out = tmp_path / "sample.html"
    assert main(["export", str(SAMPLE), "--format", "html", "--output", str(out),
                 "--option", "highlight_edits=true", "--option", "title=Seeds"]) == 0
    assert "<title>Seeds</title>" in out.read_text("utf-8")


# -- a real browser ------------------------------------------------------------------------------------


@pytest.mark.chromium
@needs_chromium
def test_chromium_renders_the_sample(tmp_path: Path) -> None:
    docs = [*corpuskit.read(SAMPLE), *(structured_document(i, sample_paragraphs(), hostile=True) for i in range(2))]
    page = tmp_path / "sample.html"
    export(iter(docs), "html", page, highlight_edits=True, title="Sample corpus")
    console = screenshot(page, tmp_path / "html_sample.png", tmp_path, (1200, 1600))
    assert console == []  # no Content-Security-Policy violation, no script error


# -- the plugin contract -----------------------------------------------------------------------------------


@pytest.mark.parametrize("options", [{}, {"highlight_edits": "true", "links": "nofollow", "lang": "de"}])
def test_keeps_the_exporter_contract(options: dict[str, str]) -> None:
    from corpuskit.testing import check_exporter
    from corpuskit_exporters.html_export import HtmlExporter

    assert "atomic writes" in check_exporter(HtmlExporter, options=options)


def test_per_document_layout_keeps_the_exporter_contract() -> None:
    from corpuskit.testing import check_exporter
    from corpuskit_exporters.html_export import HtmlExporter

    check_exporter(HtmlExporter, options={"layout": "per-document"})


# -- issue 15: highlighting is linear in blocks + edits -------------------------------------


class CountingSpans(list):  # type: ignore[type-arg]
    """A span list that counts how many spans the highlighter looks at."""

    looked = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        CountingSpans.looked += 1
        return super().__getitem__(i)

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            CountingSpans.looked += 1
            yield item


def test_highlighting_looks_at_each_span_a_bounded_number_of_times() -> None:
    n = 3000
    raw = "".join(f"Paragraph {i} with\xa0space.\n\n" for i in range(n))
    edits = [Edit("unicode.nbsp", m.start(), m.end(), "\xa0", " ") for m in re.finditer("\xa0", raw)]
    cleaned = apply_edits(raw, edits)
    spans = CountingSpans(cleaned_spans(edits))
    CountingSpans.looked = 0
    pos = 0
    for para in cleaned.split("\n\n")[:-1]:
        parts = block_parts(para, pos, spans, False)
        assert any("edit" in p for p in parts)
        pos += len(para) + 2
    assert CountingSpans.looked < 40 * n  # every block scanned every span before: n * n = 9,000,000
