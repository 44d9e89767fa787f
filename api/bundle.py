"""The built UI in api/static/ and the web/ sources it was built from, as two hashes.

`npm run build` in web/ ends with `python3 -m api.bundle` (the postbuild step), which records
both hashes in api/static/SOURCE_HASH; tests/api/test_static_bundle.py recomputes them, so a
change to web/ without a rebuild, or a bundle edited or committed in part, fails a test that
needs no npm. `python -m api.bundle --check` runs the same comparison.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "web"
STATIC = ROOT / "api" / "static"
RECORD = STATIC / "SOURCE_HASH"
REBUILD = "cd web && npm install && npm run build"


def _files(folder: Path) -> list[Path]:
    # node_modules is what npm installed, not source; dot-files are editor and OS litter.
    return sorted(p for p in folder.rglob("*") if p.is_file() and p != RECORD
                  and not any(part == "node_modules" or part.startswith(".")
                              for part in p.relative_to(folder).parts))


def tree_hash(folder: Path) -> str:
    """sha256 over every file's relative path and content."""
    digest = hashlib.sha256()
    for path in _files(folder):
        # A checkout with CRLF line ends holds the same sources.
        content = path.read_bytes().replace(b"\r\n", b"\n")
        digest.update(f"{path.relative_to(folder).as_posix()}\0".encode())
        digest.update(hashlib.sha256(content).digest())
    return f"sha256:{digest.hexdigest()}"


def current() -> dict[str, str]:
    """The hashes of web/ and api/static/ as they are now."""
    return {"web/": tree_hash(WEB), "api/static/": tree_hash(STATIC)}


def recorded() -> dict[str, str]:
    """The hashes the last build wrote ({} without a record)."""
    if not RECORD.is_file():
        return {}
    lines = RECORD.read_text(encoding="utf-8").splitlines()
    return dict(line.split(" ", 1) for line in lines if line and not line.startswith("#"))


def problems() -> list[str]:
    """Why api/static/ is not the build of the current web/ sources, if it is not."""
    now, then = current(), recorded()
    if not then:
        return [f"{RECORD.relative_to(ROOT)} is missing: rebuild the UI with `{REBUILD}`"]
    found = []
    if now["web/"] != then.get("web/"):
        found.append(f"web/ changed since api/static/ was built: rebuild the UI with "
                     f"`{REBUILD}` and commit api/static/")
    if now["api/static/"] != then.get("api/static/"):
        found.append(f"api/static/ is not what the recorded build wrote (edited by hand or "
                     f"committed in part): rebuild the UI with `{REBUILD}`")
    return found


def write() -> None:
    lines = [f"# Written by `{REBUILD}` (postbuild: python3 -m api.bundle); "
             "checked by tests/api/test_static_bundle.py.",
             *(f"{folder} {value}" for folder, value in current().items())]
    RECORD.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        found = problems()
        for problem in found:
            print(problem, file=sys.stderr)
        return 1 if found else 0
    if argv:
        print("usage: python -m api.bundle [--check]", file=sys.stderr)
        return 2
    write()
    print(f"wrote {RECORD.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
