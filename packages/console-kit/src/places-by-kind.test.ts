import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { placesByKindQuery } from './places-by-kind.tsx';
import { schemaErrors } from './testing.ts';
import schemaSdl from '../../../schema.graphql?raw';

describe('placesByKindQuery', () => {
  it('asks one aliased places connection per kind, as schema.graphql offers', () => {
    const query = placesByKindQuery('SomePlaces', { schools: 'SCHOOL', creches: 'CRECHE' });
    expect(schemaErrors(query, schemaSdl)).toEqual([]);
    const text = print(query);
    expect(text).toContain('query SomePlaces');
    expect(text).toContain('schools: places(first: 100, filter: {kind: SCHOOL})');
    expect(text.indexOf('schools:')).toBeLessThan(text.indexOf('creches:'));
  });
});
