// GraphiQL, bundled locally (investigators work on air-gapped networks): no CDN, and the
// API key the graph browser stored is sent as a Bearer token with every request.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

const KEY = "scamgraph.apiKey";

function apiKey(): string {
  return sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY) ?? "";
}

// A fetch that reads the key per request, so a key entered later is used without a reload.
const authFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  const key = apiKey();
  if (key && !headers.has("Authorization")) headers.set("Authorization", `Bearer ${key}`);
  return fetch(input, { ...init, headers });
};

const fetcher = createGraphiQLFetcher({ url: "/graphql", fetch: authFetch });

function askForKey(): void {
  const key = window.prompt("API key (kept in this browser's localStorage)", apiKey());
  if (key !== null) {
    localStorage.setItem(KEY, key.trim());
    window.location.reload();
  }
}

const root = document.getElementById("graphiql-root");
if (!root) throw new Error("missing #graphiql-root");
if (!apiKey()) askForKey();
createRoot(root).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultEditorToolsVisibility={false}>
      <GraphiQL.Logo>
        <a href="/" title="Back to the graph browser">scamgraph</a>{" "}
        <button type="button" className="graphiql-un-styled" onClick={askForKey}>key…</button>
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
