// The saved data (JSON text) of every investigation, for the entity ids it holds.
MATCH (i:Investigation)
RETURN i.data AS data
