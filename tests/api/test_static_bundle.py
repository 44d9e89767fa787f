"""The committed UI bundle (api/static/) is the build of the committed web/ sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from api import bundle


def test_static_bundle_is_built_from_the_current_web_sources() -> None:
    problems = bundle.problems()
    assert not problems, "\n".join(problems)


def test_the_hash_sees_content_and_names_but_not_line_ends(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.ts").write_bytes(b"let a = 1;\n")
    first = bundle.tree_hash(tmp_path)
    (tmp_path / "src" / "a.ts").write_bytes(b"let a = 1;\r\n")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "x.js").write_text("installed, not source")
    assert bundle.tree_hash(tmp_path) == first
    (tmp_path / "src" / "a.ts").rename(tmp_path / "src" / "b.ts")
    assert bundle.tree_hash(tmp_path) != first


def test_a_source_change_asks_for_a_rebuild(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html></html>")
    monkeypatch.setattr(bundle, "WEB", tmp_path)
    assert bundle.problems() == [
        "web/ changed since api/static/ was built: rebuild the UI with "
        "`cd web && npm install && npm run build` and commit api/static/"]
