// Entities with one page of each wallet's transfers, in one statement: what `entity(id)` or
// `Organization.wallets` answers when the query also asks for the wallets' `transfers`
// (otherwise a round trip per level: the page of ids, the records, the transfers).
// Listed: the entities of $ids, or ($org set) one page of the wallets organisation $org or its
// resolved cluster controls, by id (organization_wallets.cypher: $offset skipped, $first + 1
// listed so the caller knows whether more follow, `total` counts them); records for $ids and
// the page's first $first (`entity(id)` asking for an organisation's wallets gives both). Each record is entities.cypher's; with $transfers, each wallet's page of
// transfers is wallet_transfers.cypher's ($direction, $since, $until, $min_amount, $assets,
// $newest, $t_offset, $t_first, $max_total), times as epoch ms.
OPTIONAL MATCH (o:Entity {id: $org})
OPTIONAL MATCH (oc:ClusterMember {member: o.id})
CALL (o, oc) {
  OPTIONAL MATCH (m:ClusterMember {cluster: oc.cluster})
  WITH o, collect(m.member) AS ids
  UNWIND ids + [o.id] AS mid
  MATCH (x:Entity {id: mid})
  MATCH (w:Entity&Wallet)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(x)
  WITH DISTINCT w.id AS wid ORDER BY wid
  RETURN collect(wid) AS owned
}
WITH size(owned) AS total, CASE WHEN $org IS NULL THEN $ids
  ELSE owned[$offset..$offset + $first + 1] END AS listed
CALL (listed) {
  UNWIND CASE WHEN $org IS NULL THEN listed
    ELSE $ids + [w IN listed[..$first] WHERE NOT w IN $ids] END AS id
  MATCH (n:Entity {id: id})
  OPTIONAL MATCH (c:ClusterMember {member: n.id})
  // Outside a cluster (most wallets) the members are the wallet alone: no subquery to run.
  CALL (n, c) {
    WITH n, c WHERE c IS NOT NULL
    OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
    WITH n, collect(m.member) AS ids
    UNWIND ids + [n.id] AS mid
    MATCH (x:Entity {id: mid})
    RETURN collect(DISTINCT x) AS cluster
  }
  WITH n, c, CASE WHEN c IS NULL THEN [n] ELSE cluster END AS members
  WITH n, c, members, [x IN members WHERE x.id = c.cluster][0] AS canonical
  CALL (n) {
    CALL (n) {
      MATCH (n)-[t:TRANSFER]->(p:Wallet)
      WHERE $transfers AND $direction IN ['OUT', 'BOTH']
      RETURN t, p, 'OUT' AS way
      UNION ALL
      MATCH (n)<-[t:TRANSFER]-(p:Wallet)
      WHERE $transfers AND $direction IN ['IN', 'BOTH'] AND p <> n
      RETURN t, p, 'IN' AS way
    }
    WITH t, p, way
    WHERE ($since IS NULL OR t.ts >= $since) AND ($until IS NULL OR t.ts <= $until)
      AND ($min_amount IS NULL OR t.amount >= $min_amount)
      AND (size($assets) = 0 OR t.asset IN $assets)
    WITH t, p, way
    ORDER BY CASE WHEN $newest THEN t.ts END DESC, CASE WHEN $newest THEN null ELSE t.ts END ASC,
      t.id
    WITH collect({t: t, p: p, way: way})[..$max_total] AS rows
    RETURN size(rows) AS t_total,
      [r IN rows[$t_offset..$t_offset + $t_first + 1] | {
        id: r.t.id, tx: r.t.tx, asset: r.t.asset, amount: r.t.amount, amount_raw: r.t.amount_raw,
        ts: r.t.ts.epochMillis, direction: r.way,
        from: CASE r.way WHEN 'OUT' THEN n.id ELSE r.p.id END,
        to: CASE r.way WHEN 'OUT' THEN r.p.id ELSE n.id END}] AS t_page
  }
  RETURN collect({id: n.id, labels: labels(n),
    props: n {.*, name: coalesce(n.name, canonical.name, n.tag_name),
      cluster_id: c.cluster,
      cluster_members: CASE WHEN c IS NULL THEN null ELSE [x IN members | x.id] END,
      cluster_sources: CASE WHEN c IS NULL THEN null
        ELSE reduce(acc = [], x IN members | acc + [s IN coalesce(x.sources, []) WHERE NOT s IN acc])
      END},
    sanctions: COLLECT {
      UNWIND members AS x
      MATCH (x)-[:SANCTIONED_BY]->(s:Sanction)
      RETURN DISTINCT s {.id, .authority, .program, .listing_id, .listed_on}
    },
    t_total: t_total, t_page: t_page}) AS records
}
RETURN total, listed, records
