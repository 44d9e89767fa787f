// The browser's only way to the data: POST /graphql, with the API key as a Bearer token when
// there is one. GET /session says the caller's role, keyless too where the server allows it.
const KEY = "scamgraph.apiKey";

export class AuthError extends Error {}

export class ApiError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

export type Role = "reader" | "analyst" | "operator" | "admin";
export interface Session { role: Role; anonymous: boolean }
const RANK: Record<Role, number> = { reader: 1, analyst: 2, operator: 3, admin: 4 };
let current: Session | null = null;

export function apiKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

export function session(): Session | null {
  return current;
}

/** Whether this session's role may do what `role` may (the API checks again). */
export function allows(role: Role): boolean {
  return current !== null && RANK[current.role] >= RANK[role];
}

function authHeader(): Record<string, string> {
  const key = apiKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/** Who the server takes us for: with the stored key, or keyless (AuthError when refused). */
export async function openSession(): Promise<Session> {
  const resp = await fetch("/session", { headers: { Accept: "application/json", ...authHeader() } });
  if (resp.status === 401) {
    current = null;
    throw new AuthError(apiKey() ? "the API key was refused" : "an API key is needed");
  }
  if (!resp.ok) throw new ApiError(`/session: HTTP ${resp.status} ${resp.statusText}`);
  current = (await resp.json()) as Session;
  return current;
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
      ...authHeader(),
    },
    body: JSON.stringify({ query, variables }),
  });
  if (resp.status === 401) {
    setApiKey(null);
    current = null;
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
