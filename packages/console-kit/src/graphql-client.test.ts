import { CombinedError, gql } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { fakeGraphqlFetch } from './testing.ts';
import { createGraphqlClient, graphqlErrorCode } from './graphql-client.ts';

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
