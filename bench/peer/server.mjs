// The peer of actorgraph's API benchmark: @neo4j/graphql on Apollo Server (standalone, one Node process),
// over the benchmark's database. Env: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, PORT. Prints "ready" when up.
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const driver = neo4j.driver(
  process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
  neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? "actorgraph"),
);
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
if (process.argv.includes("--print-schema")) {
  const { printSchema } = await import("graphql");
  console.log(printSchema(schema));
  process.exit(0);
}
const server = new ApolloServer({ schema, introspection: false });
const port = Number(process.env.PORT ?? 4000);
await startStandaloneServer(server, { listen: { port, host: "127.0.0.1" } });
console.log(`ready http://127.0.0.1:${port}/`);
