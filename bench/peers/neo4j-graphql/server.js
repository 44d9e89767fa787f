// @neo4j/graphql (Apollo Server) over scamgraph's Neo4j, the peer bench/peer_api.py times our
// API against. Read-only use: the bench only queries. Configured by the environment:
//   PEER_PORT (127.0.0.1 only), PEER_BOLT_URI, PEER_NEO4J_USER, PEER_NEO4J_PASSWORD.
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const driver = neo4j.driver(
  required("PEER_BOLT_URI"),
  neo4j.auth.basic(process.env.PEER_NEO4J_USER || "neo4j", required("PEER_NEO4J_PASSWORD")),
);
// The driver's DateTime as ISO 8601 (what @neo4j/graphql's DateTime does with APOC, which our
// local Neo4j does not load): a field resolver, no extra Cypher.
const resolvers = { Transfer: { ts: (edge) => (edge.ts == null ? null : edge.ts.toString()) } };
const schema = await new Neo4jGraphQL({ typeDefs, driver, resolvers }).getSchema();
// No introspection or landing page: a bench target, not a service.
const server = new ApolloServer({ schema, introspection: false });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port: Number(required("PEER_PORT")) },
});
console.log(`peer @neo4j/graphql at ${url}`);

async function shutdown() {
  await server.stop();
  await driver.close();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
