// When stored typology hits were first seen (hits never stored are absent).
UNWIND $ids AS id
MATCH (n:TypologyHit {id: id})
RETURN n.id AS id, n.first_seen AS first_seen
