"""Run one measurement in a fresh process and get its figures back as JSON.

Peak RSS (``ru_maxrss``) is per process, and libraries with their own allocators (Arrow,
rensa) are invisible to tracemalloc, so memory benchmarks run each engine alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def run_child(module: str, function: str, *args: object) -> dict[str, Any]:
    """``module.function(*args)`` (a module of tests/benchmarks) in a new interpreter; its dict."""
    code = f"import json, {module} as m; print(json.dumps(m.{function}(*{args!r})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(HERE), "PATH": "/usr/bin:/bin"})
    result: dict[str, Any] = json.loads(done.stdout)
    return result
