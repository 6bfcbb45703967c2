import { ConsoleRoot, createGraphqlClient, formatInteger, ModuleRoutes } from '@couronne/console-kit';
import { fakeGraphqlFetch, schemaErrors, type GraphqlResponder } from '@couronne/console-kit/testing';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { routes } from '../../routes.tsx';
import { CommuneDetailQuery } from './commune-detail.graphql.ts';
import schemaSdl from '../../../../schema.graphql?raw';

const laon = {
  __typename: 'Commune',
  id: 'c3',
  inseeCode: '02408',
  name: 'Laon',
  postalCodes: ['02000'],
  population: 24876,
  epci: { __typename: 'Epci', id: 'e1', name: "Communauté d'agglomération du Pays de Laon" },
};

function renderAt(path: string, respond: GraphqlResponder) {
  window.history.replaceState(null, '', path);
  const { fetch, requests } = fakeGraphqlFetch(respond);
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <ModuleRoutes basePath="/intranet" routes={routes} loading={<p>chargement</p>} notFound={<p>introuvable</p>} />
    </ConsoleRoot>,
  );
  return requests;
}

describe('CommuneDetailScreen', () => {
  it('asks the API only what schema.graphql offers', () => {
    expect(schemaErrors(CommuneDetailQuery, schemaSdl)).toEqual([]);
  });

  it('shows the commune of the deep link, with a link back to the list under the base path', async () => {
    const requests = renderAt('/intranet/communes/02408', () => ({ data: { commune: laon } }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Laon' })).toBeTruthy();
    expect([...document.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual(['02408', '02000', formatInteger(24876)]);
    expect(requests[0]?.variables).toEqual({ inseeCode: '02408' });
    expect(screen.getByRole('link', { name: 'Toutes les communes' }).getAttribute('href')).toBe('/intranet');
  });

  it('says so for an unknown INSEE code', async () => {
    renderAt('/intranet/communes/99999', () => ({ errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] }));
    expect(await screen.findByText('Aucune commune ne porte le code INSEE 99999.')).toBeTruthy();
  });
});
