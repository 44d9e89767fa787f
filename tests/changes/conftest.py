"""The API executor of tests/api, for the changes field."""

from tests.api.conftest import api_settings, gql

__all__ = ["api_settings", "gql"]
