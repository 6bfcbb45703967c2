/** Test helpers (imported as `@couronne/console-kit/testing`, never by production code). */
import { buildSchema, validate, type DocumentNode } from 'graphql';

export interface GraphqlRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

export type GraphqlResponder = (request: GraphqlRequest) => unknown;

/** A JSON Response as the API sends it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * A `fetch` for `createGraphqlClient` that answers each POSTed operation with `respond(request)`
 * (a `{ data }` or `{ errors }` body; a thrown error becomes a network failure). Requests are recorded.
 */
export function fakeGraphqlFetch(respond: GraphqlResponder) {
  const requests: GraphqlRequest[] = [];
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = JSON.parse(String(init?.body)) as GraphqlRequest;
    requests.push(request);
    return jsonResponse(await respond(request));
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
