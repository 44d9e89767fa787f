"""Query and mutation fields, grouped by who needs them; merged into one Query in api.schema."""
