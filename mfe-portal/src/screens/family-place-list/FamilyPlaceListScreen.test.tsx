import { ConsoleRoot, createGraphqlClient } from '@couronne/console-kit';
import { fakeGraphqlFetch, schemaErrors, type GraphqlResponder } from '@couronne/console-kit/testing';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FamilyPlaceListScreen } from './FamilyPlaceListScreen.tsx';
import { FamilyPlaceListQuery } from './family-place-list.graphql.ts';
import schemaSdl from '../../../../schema.graphql?raw';

const laon = { __typename: 'Commune', id: 'c-laon', name: 'Laon' };
const chambry = { __typename: 'Commune', id: 'c-chambry', name: 'Chambry' };

function connection(places: { id: string; name: string; street: string; commune: typeof laon }[], totalCount = places.length) {
  return {
    __typename: 'QueryPlacesConnection',
    totalCount,
    edges: places.map((place) => ({ __typename: 'QueryPlacesConnectionEdge', node: { __typename: 'Place', postalCode: '02000', ...place } })),
  };
}

const familyPlaces = {
  data: {
    creches: connection([
      { id: 'p1', name: 'Crèche Les Petits Loups', street: '2 rue des Écoles', commune: laon },
      { id: 'p2', name: 'Multi-accueil Les Lutins', street: '1 place de la Mairie', commune: chambry },
    ]),
    schools: connection([{ id: 'p3', name: 'École Jean-Mermoz', street: '5 rue Mermoz', commune: laon }], 120),
    leisureCentres: connection([]),
  },
};

function renderScreen(respond: GraphqlResponder) {
  const { fetch, requests } = fakeGraphqlFetch(respond);
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <FamilyPlaceListScreen />
    </ConsoleRoot>,
  );
  return requests;
}

describe('FamilyPlaceListScreen', () => {
  it('asks the API only what schema.graphql offers', () => {
    expect(schemaErrors(FamilyPlaceListQuery, schemaSdl)).toEqual([]);
  });

  it('lists crèches, schools and leisure centres with their commune', async () => {
    const requests = renderScreen(() => familyPlaces);
    expect(screen.getByRole('status').textContent).toBe('Chargement…');

    const creches = await screen.findByRole('table', { name: 'Crèches (2 lieux)' });
    const firstRow = within(creches).getAllByRole('row')[1]!;
    expect(within(firstRow).getByRole('rowheader').textContent).toBe('Crèche Les Petits Loups');
    expect(within(firstRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['2 rue des Écoles, 02000', 'Laon']);
    expect(screen.getByRole('table', { name: 'Écoles (120 lieux)' })).toBeTruthy();
    expect(screen.getByText('Le premier lieu sur 120 est affiché.')).toBeTruthy();
    expect(screen.getByText('Accueils de loisirs : aucun lieu enregistré.')).toBeTruthy();
    expect(requests[0]?.query).toContain('kind: LEISURE_CENTRE');
  });

  it('shows an error with Retry, then the lists once the API answers', async () => {
    const user = userEvent.setup();
    let calls = 0;
    renderScreen(() => {
      calls += 1;
      return calls === 1 ? { errors: [{ message: 'boom', extensions: { code: 'INTERNAL' } }] } : familyPlaces;
    });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("La liste des lieux d'accueil n'a pas pu être chargée.");
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('table', { name: 'Crèches (2 lieux)' })).toBeTruthy();
  });

  it('says so when no place is recorded', async () => {
    renderScreen(() => ({ data: { creches: connection([]), schools: connection([]), leisureCentres: connection([]) } }));
    expect(await screen.findByText("Aucun lieu d'accueil n'est enregistré.")).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
