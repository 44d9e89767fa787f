// Which of $ids are organisations or persons (the kinds resolution judges).
UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE n:Organization OR n:Person
RETURN n.id AS id, CASE WHEN n:Person THEN 'Person' ELSE 'Organization' END AS kind
