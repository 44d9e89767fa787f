"""Physical places: scam compounds as GeoJSON."""
