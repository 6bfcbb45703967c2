/** Test helpers (imported as `@couronne/console-kit/testing`, never by production code). */
import { buildSchema, validate, type DocumentNode } from 'graphql';

export interface GraphqlRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  /** The Authorization header sent, or null. */
  authorization: string | null;
}

export type GraphqlResponder = (request: GraphqlRequest) => unknown;

/** A JSON Response as the API sends it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** What the API answers to a request with an expired or revoked token. */
export function unauthenticatedResponse(): Response {
  return jsonResponse({ errors: [{ message: 'Not authenticated', extensions: { code: 'UNAUTHENTICATED' } }] }, 401);
}

/**
 * A `fetch` for `createGraphqlClient` that answers each POSTed operation with `respond(request)`
 * (a `{ data }` or `{ errors }` body, or a whole Response such as `unauthenticatedResponse()`; a thrown
 * error becomes a network failure). Requests are recorded.
 */
export function fakeGraphqlFetch(respond: GraphqlResponder) {
  const requests: GraphqlRequest[] = [];
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as Omit<GraphqlRequest, 'authorization'>;
    const request = { ...body, authorization: new Headers(init?.headers).get('authorization') };
    requests.push(request);
    const answer = await respond(request);
    return answer instanceof Response ? answer : jsonResponse(answer);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/**
 * Errors of a client document against the API's printed schema (`schema.graphql` at the repository
 * root): an empty list means the API can run it. Catches a screen drifting from the contract.
 */
export function schemaErrors(document: DocumentNode, schemaSdl: string): string[] {
  return validate(buildSchema(schemaSdl), document).map((error) => error.message);
}
