"""The example third-party plugin (examples/corpuskit-markdown): installed, found, used.

The install test builds the example with pip into a fresh virtual environment layered
over the test environment (a ``.pth`` file runs ``site.addsitedir`` on this
interpreter's site-packages, so corpuskit and its dependencies are the ones under
test, editable installs included, and nothing is downloaded). The plugin is installed
only there: this environment never sees it, exactly as another user's machine would.
"""

from __future__ import annotations

import importlib.util
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from corpuskit import Document
from corpuskit.testing import check_exporter, hostile_documents, make_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "corpuskit-markdown"
sys.path.insert(0, str(EXAMPLE / "src"))  # for the in-process tests below only

from corpuskit_markdown import MarkdownExporter, MarkdownOptions, escape  # noqa: E402


def run(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(python), *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def plugin_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the example plugin installed in it; returns its python."""
    for module in ("setuptools", "wheel", "pip"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"building the example offline needs {module} (pip install -e '.[test]')")
    tmp = tmp_path_factory.mktemp("plugin")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp).stdout.strip()
    parents = [p for p in (*site.getsitepackages(), site.getusersitepackages()) if Path(p).is_dir()]
    lines = "".join(f"import site; site.addsitedir({p!r})\n" for p in parents)
    (Path(purelib) / "_corpuskit_test_parent.pth").write_text(lines, encoding="utf-8")
    source = tmp / "corpuskit-markdown"  # build from a copy: no build/ or egg-info in the repository
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    proc = run(
        python, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index",
        "--disable-pip-version-check", "--quiet", str(source), cwd=tmp,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return python


@pytest.mark.slow
def test_installed_plugin_is_listed_and_exports(plugin_venv: Path, tmp_path: Path, sample_path: Path) -> None:
    proc = run(plugin_venv, "-m", "corpuskit.cli", "formats", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "warning" not in proc.stderr.lower(), proc.stderr
    listed = {line.split(":")[0] for line in proc.stdout.splitlines() if line and not line.startswith(" ")}
    assert {"csv", "json", "jsonl", "markdown"} <= listed
    assert "markdown: Markdown: one readable file, a section per document (example plugin)" in proc.stdout
    assert "--option heading_level=INT" in proc.stdout and "from corpuskit_markdown" in proc.stdout

    out = tmp_path / "sample.md"
    proc = run(
        plugin_venv, "-m", "corpuskit.cli", "export", str(sample_path), "--format", "markdown",
        "--output", str(out), "--option", "heading_level=2", "--no-progress", cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert text.count("\n## ") + text.startswith("## ") == 5 and text.count("\n---\n") == 4
    assert "reign of destruction" in text  # seed 000's body made it through (its real-word error fixed)

    proc = run(plugin_venv, "-m", "corpuskit.cli", "export", str(sample_path), "-f", "markdown",
               "-o", str(tmp_path / "x.md"), "--option", "toc=yes", cwd=tmp_path)
    assert proc.returncode == 2
    assert "format 'markdown' has no option toc; valid options: heading_level, trailer" in proc.stderr


def test_plugin_is_not_installed_here() -> None:
    """The venv test proves something only if this environment lacks the plugin's entry point."""
    from importlib import metadata

    names = {ep.name for ep in metadata.entry_points(group="corpuskit.exporters")}
    if "markdown" in names:
        pytest.skip("corpuskit-markdown is installed in the test environment itself")
    from corpuskit import exporters

    assert "markdown" not in exporters.available()


def test_example_passes_the_conformance_kit() -> None:
    assert "atomic writes" in check_exporter(MarkdownExporter)
    assert "atomic writes" in check_exporter(MarkdownExporter, options={"heading_level": "6", "trailer": "yes"})


def render(doc: Document, **options: object) -> str:
    return MarkdownExporter(MarkdownOptions(**options)).render(doc)  # type: ignore[arg-type]


def test_a_document_renders_as_a_section() -> None:
    doc = make_document(
        ["First paragraph.", "Second one."], title="A title", authors=["Ann Lee", "Bo Diaz"],
        date="2021-03-01", dateline="Springfield", trailer=[("bio", "Ann covers city hall.")],
    )
    assert render(doc) == (
        "# A title\n\n*by Ann Lee, Bo Diaz · 2021-03-01 · Springfield · `000_0123456789abcdef`*\n\n"
        "First paragraph.\n\nSecond one.\n"
    )
    assert render(doc, heading_level=3, trailer=True).endswith("Second one.\n\n> **bio:** Ann covers city hall.\n")


def test_document_text_cannot_become_markup() -> None:
    assert escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escape("# not a heading\n- not a list\n1. not a list\n> not a quote") == (
        "\\# not a heading\n\\- not a list\n1\\. not a list\n&gt; not a quote"
    )
    assert escape("*a* _b_ [c](d) `e` &amp; \\") == "\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` &amp;amp; \\\\"
    assert escape("nul\x00 here") == "nul\ufffd here"
    hostile = "\n".join(render(d, trailer=True) for d in hostile_documents())
    assert "<script" not in hostile and "<img" not in hostile
