// The browser's only way to the data: POST /graphql with the API key as a Bearer token.
const KEY = "scamgraph.apiKey";

export class AuthError extends Error {}

export class ApiError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

export function apiKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

type GqlError = { message: string; extensions?: { code?: string } };
type GqlResponse<T> = { data?: T | null; errors?: GqlError[] };

let onAuthLost: () => void = () => {};

/** Called when the server answers 401: the key is wrong or revoked, so log in again. */
export function onUnauthenticated(fn: () => void): void {
  onAuthLost = fn;
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const resp = await fetch("/graphql", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json, application/json",
      Authorization: `Bearer ${apiKey() ?? ""}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  if (resp.status === 401) {
    setApiKey(null);
    onAuthLost();
    throw new AuthError("the API key was refused");
  }
  return unwrap<T>(resp);
}

async function unwrap<T>(resp: Response): Promise<T> {
  let body: GqlResponse<T>;
  try {
    body = (await resp.json()) as GqlResponse<T>;
  } catch {
    throw new ApiError(`HTTP ${resp.status} ${resp.statusText}`);
  }
  const err = body.errors?.[0];
  if (err) throw new ApiError(err.message, err.extensions?.code);
  if (!resp.ok || !body.data) throw new ApiError(`HTTP ${resp.status}: no data`);
  return body.data;
}
