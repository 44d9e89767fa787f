"""The one settings object: prefix, types, and errors that name the variable."""

from __future__ import annotations

import pytest

from scamgraph.errors import ConfigError
from scamgraph.settings import load_settings


def test_environment_overrides_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCAMGRAPH_NEO4J_URI", "bolt://db.example:7687")
    monkeypatch.setenv("SCAMGRAPH_QUERY_TIMEOUT_S", "2.5")
    settings = load_settings()
    assert settings.neo4j_uri == "bolt://db.example:7687"
    assert settings.query_timeout_s == 2.5
    assert not settings.uses_local


def test_no_uri_means_the_embedded_local_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCAMGRAPH_NEO4J_URI", raising=False)
    assert load_settings().uses_local


def test_bad_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCAMGRAPH_LOCAL_BOLT_PORT", "seventy")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert "SCAMGRAPH_LOCAL_BOLT_PORT" in caught.value.message
    assert "seventy" in caught.value.message


def test_out_of_range_value_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCAMGRAPH_QUERY_TIMEOUT_S", "-1")
    with pytest.raises(ConfigError, match="SCAMGRAPH_QUERY_TIMEOUT_S"):
        load_settings()


def test_secrets_do_not_leak_into_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCAMGRAPH_NEO4J_PASSWORD", "hunter2-secret")
    assert "hunter2-secret" not in repr(load_settings())
