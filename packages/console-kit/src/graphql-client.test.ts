import { CombinedError, gql } from '@urql/core';
import { describe, expect, it, vi } from 'vitest';
import { fakeGraphqlFetch, unauthenticatedResponse } from './testing.ts';
import { createGraphqlClient, graphqlErrorCode, isUnauthenticated } from './graphql-client.ts';

const query = gql<{ communes: { totalCount: number } }>`
  query CommuneCount {
    communes {
      totalCount
    }
  }
`;

describe('createGraphqlClient', () => {
  it('POSTs operations to the url with the injected fetch', async () => {
    const calls: { url: string; method?: string }[] = [];
    const { fetch: answer, requests } = fakeGraphqlFetch(() => ({ data: { communes: { totalCount: 38, __typename: 'QueryCommunesConnection' } } }));
    const fetch: typeof globalThis.fetch = (input, init) => {
      calls.push({ url: String(input), method: init?.method });
      return answer(input, init);
    };
    const client = createGraphqlClient({ url: '/graphql', fetch });

    const result = await client.query(query, {}).toPromise();

    expect(result.data?.communes.totalCount).toBe(38);
    expect(calls).toEqual([{ url: '/graphql', method: 'POST' }]);
    expect(requests[0]?.operationName).toBe('CommuneCount');
  });
});

describe('graphqlErrorCode', () => {
  it('reads extensions.code of the first error', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] });
    expect(graphqlErrorCode(error)).toBe('FORBIDDEN');
  });

  it('says NETWORK when the API was not reached', () => {
    expect(graphqlErrorCode(new CombinedError({ networkError: new TypeError('Failed to fetch') }))).toBe('NETWORK');
  });

  it('treats an unknown code as INTERNAL', () => {
    expect(graphqlErrorCode(new CombinedError({ graphQLErrors: [{ message: 'odd', extensions: { code: 'WEIRD' } }] }))).toBe('INTERNAL');
  });
});

describe('the session token', () => {
  it('is sent as a bearer token on every operation', async () => {
    const { fetch, requests } = fakeGraphqlFetch(() => ({ data: { communes: { totalCount: 38, __typename: 'QueryCommunesConnection' } } }));
    await createGraphqlClient({ url: '/graphql', fetch, token: 'cs_abc' }).query(query, {}).toPromise();
    expect(requests[0]?.authorization).toBe('Bearer cs_abc');
  });

  it('is not sent when signed out', async () => {
    const { fetch, requests } = fakeGraphqlFetch(() => ({ data: { communes: { totalCount: 38, __typename: 'QueryCommunesConnection' } } }));
    await createGraphqlClient({ url: '/graphql', fetch }).query(query, {}).toPromise();
    expect(requests[0]?.authorization).toBeNull();
  });

  it('reports a refused token (HTTP 401, UNAUTHENTICATED) and nothing else', async () => {
    const onUnauthenticated = vi.fn();
    let answer: () => unknown = () => unauthenticatedResponse();
    const { fetch } = fakeGraphqlFetch(() => answer());
    const client = createGraphqlClient({ url: '/graphql', fetch, token: 'cs_old', onUnauthenticated });

    const result = await client.query(query, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(result.error && isUnauthenticated(result.error)).toBe(true);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);

    answer = () => ({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] });
    await client.query(query, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });
});
