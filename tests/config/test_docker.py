"""The image and docker-compose.yml agree on the state directory: the Dockerfile creates it and
gives it to the user the image runs as, and compose mounts its volume there (Docker itself
cannot run in the tests; this reads both files)."""

from __future__ import annotations

import json
import shlex
from typing import Any

import yaml
from dockerfile_parse import DockerfileParser

from tests.conftest import ROOT

SERVICES = ("api", "scheduler")


def _instructions() -> list[dict[str, Any]]:
    return list(DockerfileParser(path=str(ROOT / "Dockerfile")).structure)


def _final(instruction: str) -> str:
    values = [i["value"] for i in _instructions() if i["instruction"] == instruction]
    assert values, f"the Dockerfile has no {instruction}"
    return str(values[-1])


def _home() -> str:
    env = DockerfileParser(path=str(ROOT / "Dockerfile")).envs
    assert "SCAMGRAPH_HOME" in env, "the Dockerfile sets no SCAMGRAPH_HOME"
    return str(env["SCAMGRAPH_HOME"])


def _runs_before_user() -> list[list[str]]:
    found: list[list[str]] = []
    for ins in _instructions():
        if ins["instruction"] == "USER":
            break
        if ins["instruction"] == "RUN":
            for part in ins["value"].split("&&"):
                found.append(shlex.split(part))
    return found


def test_the_image_owns_its_state_directory_for_its_user() -> None:
    user, home = _final("USER"), _home()
    runs = _runs_before_user()
    assert any(c[:2] == ["mkdir", "-p"] and home in c for c in runs), runs
    chown = [c for c in runs if c and c[0] == "chown" and home in c]
    assert chown and chown[0][1].split(":")[0] == user, chown
    assert json.loads(_final("VOLUME")) == [home]


def test_compose_mounts_the_state_volume_where_the_image_keeps_state() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    home = _home()
    assert compose["x-scamgraph-env"]["SCAMGRAPH_HOME"] == home
    for name in SERVICES:
        service = compose["services"][name]
        assert service["environment"]["SCAMGRAPH_HOME"] == home
        mounts = {m.split(":")[1]: m.split(":")[0] for m in service["volumes"]}
        assert mounts.get(home) == "scamgraph-state", (name, mounts)
    assert "scamgraph-state" in compose["volumes"]
