"""Self-contained HTML pages: one inlined stylesheet, and a Content-Security-Policy that allows it alone.

The ``html`` exporter's pages and the ``inspect --html`` report are files a user opens
from disk with text from the open web in them. Both inline their stylesheet and send a
policy that allows no source at all but that stylesheet, pinned by its SHA-256 hash: no
script, image, font, frame or request, so markup that escaped escaping still cannot run
or call home. A plugin writing HTML may use the same two functions (a documented public
module, pinned by ``tests/test_api.py``).
"""

from __future__ import annotations

import base64
import hashlib

__all__ = ["inline_css", "strict_policy"]


def inline_css(css: str, name: str) -> str:
    """``css``, checked to be safe inside a ``<style>`` element (``name`` says which file in the error).

    A ``</`` would end the element early (``</style>``) and turn the rest into markup.
    """
    if "</" in css:
        raise ValueError(f"{name} must not contain '</' (it is inlined in a <style> element)")
    return css


def strict_policy(css: str) -> str:
    """The Content-Security-Policy of a page whose only source is the inline stylesheet ``css``."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; base-uri 'none'; form-action 'none'"
