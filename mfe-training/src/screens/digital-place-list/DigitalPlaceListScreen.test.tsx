import { ConsoleRoot, createGraphqlClient } from '@couronne/console-kit';
import { fakeGraphqlFetch, schemaErrors, type GraphqlResponder } from '@couronne/console-kit/testing';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DigitalPlaceListScreen } from './DigitalPlaceListScreen.tsx';
import { DigitalPlaceListQuery } from './digital-place-list.graphql.ts';
import schemaSdl from '../../../../schema.graphql?raw';

const laon = { __typename: 'Commune', id: 'c-laon', name: 'Laon' };
const crepy = { __typename: 'Commune', id: 'c-crepy', name: 'Crépy' };

function connection(places: { id: string; name: string; street: string; commune: typeof laon }[]) {
  return {
    __typename: 'QueryPlacesConnection',
    totalCount: places.length,
    edges: places.map((place) => ({ __typename: 'QueryPlacesConnectionEdge', node: { __typename: 'Place', postalCode: '02000', ...place } })),
  };
}

const digitalPlaces = {
  data: {
    mediatheques: connection([
      { id: 'p1', name: 'Médiathèque Suzanne-Martinet', street: 'Rue du Bourg', commune: laon },
      { id: 'p2', name: 'Bibliothèque de Crépy', street: '3 place Hôtel-de-Ville', commune: crepy },
    ]),
    tiersLieux: connection([{ id: 'p3', name: 'La Fabrique', street: '12 rue Saint-Jean', commune: laon }]),
    makerspaces: connection([]),
    franceServices: connection([{ id: 'p4', name: 'France services de Laon', street: '1 rue Paul-Doumer', commune: laon }]),
  },
};

function renderScreen(respond: GraphqlResponder) {
  const { fetch, requests } = fakeGraphqlFetch(respond);
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <DigitalPlaceListScreen />
    </ConsoleRoot>,
  );
  return requests;
}

describe('DigitalPlaceListScreen', () => {
  it('asks the API only what schema.graphql offers', () => {
    expect(schemaErrors(DigitalPlaceListQuery, schemaSdl)).toEqual([]);
  });

  it('lists médiathèques, tiers-lieux, makerspaces and France services with their commune', async () => {
    const requests = renderScreen(() => digitalPlaces);
    expect(screen.getByRole('status').textContent).toBe('Chargement…');

    const mediatheques = await screen.findByRole('table', { name: 'Médiathèques (2 lieux)' });
    const secondRow = within(mediatheques).getAllByRole('row')[2]!;
    expect(within(secondRow).getByRole('rowheader').textContent).toBe('Bibliothèque de Crépy');
    expect(within(secondRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['3 place Hôtel-de-Ville, 02000', 'Crépy']);
    expect(screen.getByRole('table', { name: 'Tiers-lieux (1 lieu)' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Espaces France services (1 lieu)' })).toBeTruthy();
    expect(screen.getByText('Makerspaces : aucun lieu enregistré.')).toBeTruthy();
    for (const kind of ['MEDIATHEQUE', 'TIERS_LIEU', 'MAKERSPACE', 'FRANCE_SERVICES']) expect(requests[0]?.query).toContain(`kind: ${kind}`);
  });

  it('shows an error with Retry, then the lists once the API answers', async () => {
    const user = userEvent.setup();
    let calls = 0;
    renderScreen(() => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return digitalPlaces;
    });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("La liste des lieux de l'inclusion numérique n'a pas pu être chargée.");
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('table', { name: 'Médiathèques (2 lieux)' })).toBeTruthy();
  });

  it('says so when no place is recorded', async () => {
    renderScreen(() => ({
      data: { mediatheques: connection([]), tiersLieux: connection([]), makerspaces: connection([]), franceServices: connection([]) },
    }));
    expect(await screen.findByText("Aucun lieu de l'inclusion numérique n'est enregistré.")).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
