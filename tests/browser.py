"""Headless Chromium for the tests that look at a page the way a reader's browser does."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


#: Skip where Debian's chromium is missing, except in CI (which installs it: fail there).
needs_chromium = pytest.mark.skipif(
    chromium() is None and not os.environ.get("CI"),
    reason="Debian's chromium is not installed (.ci/run installs it)",
)


def screenshot(page: Path, shot: Path, workdir: Path, size: tuple[int, int]) -> list[str]:
    """Render ``page`` into the PNG ``shot``; return the browser's console lines (CSP, errors).

    The PNG is checked to be ``size``; with ``$CORPUSKIT_SCREENSHOTS`` set to a folder, a
    copy is kept there to be looked at.
    """
    cmd = [
        chromium() or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={workdir / 'profile'}",
        "--hide-scrollbars", f"--window-size={size[0]},{size[1]}", "--enable-logging=stderr", "--v=0",
        f"--screenshot={shot}", page.as_uri(),
    ]
    run = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == size
    keep = os.environ.get("CORPUSKIT_SCREENSHOTS")
    if keep:
        shutil.copy(shot, Path(keep) / shot.name)
    return [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
