import { ConsoleRoot, createGraphqlClient } from '@couronne/console-kit';
import { fakeGraphqlFetch, schemaErrors, type GraphqlResponder } from '@couronne/console-kit/testing';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CommuneListScreen } from './CommuneListScreen.tsx';
import { CommuneListQuery } from './commune-list.graphql.ts';
import schemaSdl from '../../../../schema.graphql?raw';

const communes = [
  { id: 'c1', inseeCode: '02020', name: 'Athies-sous-Laon', postalCodes: ['02840'], population: 2628 },
  { id: 'c2', inseeCode: '02292', name: 'Étouvelles', postalCodes: ['02000'], population: 563 },
  { id: 'c3', inseeCode: '02408', name: 'Laon', postalCodes: ['02000'], population: 24876 },
];
const communeList = {
  data: {
    communes: {
      __typename: 'QueryCommunesConnection',
      totalCount: communes.length,
      edges: communes.map((node) => ({ __typename: 'QueryCommunesConnectionEdge', node: { __typename: 'Commune', ...node } })),
    },
  },
};

function renderScreen(respond: GraphqlResponder) {
  const { fetch, requests } = fakeGraphqlFetch(respond);
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <CommuneListScreen />
    </ConsoleRoot>,
  );
  return requests;
}

describe('CommuneListScreen', () => {
  it('asks the API only what schema.graphql offers', () => {
    expect(schemaErrors(CommuneListQuery, schemaSdl)).toEqual([]);
  });

  it('lists the communes from the API with their totals', async () => {
    const requests = renderScreen(() => communeList);
    expect(screen.getByRole('heading', { level: 1, name: "Communes de l'agglomération" })).toBeTruthy();
    expect(screen.getByText('Chargement…')).toBeTruthy();

    const table = await screen.findByRole('table', { name: 'Communes' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[2]!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['02408', '02000', '24\u202f876']);
    // getByText folds the narrow no-break space of French grouping into a plain space.
    expect(screen.getByText('3 communes, 28 067 habitants')).toBeTruthy();
    expect(requests[0]?.operationName).toBe('CommuneList');
  });

  it('filters by name ignoring accents and hyphens, and clears the filter', async () => {
    const user = userEvent.setup();
    renderScreen(() => communeList);
    const filter = await screen.findByRole('searchbox', { name: 'Filtrer par nom' });

    await user.type(filter, 'etouv');
    expect(within(screen.getByRole('table')).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['Étouvelles']);
    expect(screen.getByText('1 commune affichée sur 3')).toBeTruthy();

    await user.clear(filter);
    await user.type(filter, 'athies sous');
    expect(within(screen.getByRole('table')).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['Athies-sous-Laon']);

    await user.type(filter, 'zzz');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Aucune commune ne correspond à « athies souszzz ».')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Effacer le filtre' }));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4);
  });

  it('shows an error with Retry when the API is unreachable, then the list once it answers', async () => {
    const user = userEvent.setup();
    let calls = 0;
    renderScreen(() => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return communeList;
    });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("La liste des communes n'a pas pu être chargée.");
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));

    expect(await screen.findByRole('table', { name: 'Communes' })).toBeTruthy();
    expect(calls).toBe(2);
  });

  it('says so when there is no commune', async () => {
    renderScreen(() => ({ data: { communes: { __typename: 'QueryCommunesConnection', totalCount: 0, edges: [] } } }));
    expect(await screen.findByText("Aucune commune n'est enregistrée.")).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
