"""GraphQL types, one module each, built from graph/investigate records with `from_record`."""
