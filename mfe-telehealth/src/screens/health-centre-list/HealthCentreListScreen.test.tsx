import { ConsoleRoot, createGraphqlClient } from '@couronne/console-kit';
import { fakeGraphqlFetch, schemaErrors, type GraphqlResponder } from '@couronne/console-kit/testing';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HealthCentreListScreen } from './HealthCentreListScreen.tsx';
import { HealthCentreListQuery } from './health-centre-list.graphql.ts';
import schemaSdl from '../../../../schema.graphql?raw';

function healthCentres(places: { id: string; name: string; street: string; commune: string }[]) {
  return {
    data: {
      places: {
        __typename: 'QueryPlacesConnection',
        totalCount: places.length,
        edges: places.map(({ commune, ...place }) => ({
          __typename: 'QueryPlacesConnectionEdge',
          node: { __typename: 'Place', postalCode: '02000', ...place, commune: { __typename: 'Commune', id: `c-${commune}`, name: commune } },
        })),
      },
    },
  };
}

const twoCentres = healthCentres([
  { id: 'p1', name: 'Maison de santé de Laon', street: '4 avenue Carnot', commune: 'Laon' },
  { id: 'p2', name: 'Centre de santé de Vaux', street: '8 rue de Vaux', commune: 'Laon' },
]);

function renderScreen(respond: GraphqlResponder) {
  const { fetch, requests } = fakeGraphqlFetch(respond);
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <HealthCentreListScreen />
    </ConsoleRoot>,
  );
  return requests;
}

describe('HealthCentreListScreen', () => {
  it('asks the API only what schema.graphql offers', () => {
    expect(schemaErrors(HealthCentreListQuery, schemaSdl)).toEqual([]);
  });

  it('lists the health centres with their commune', async () => {
    const requests = renderScreen(() => twoCentres);
    expect(screen.getByRole('status').textContent).toBe('Chargement…');

    const table = await screen.findByRole('table', { name: '2 centres de santé' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Maison de santé de Laon', 'Centre de santé de Vaux']);
    expect(within(rows[0]!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['4 avenue Carnot, 02000', 'Laon']);
    expect(requests[0]?.query).toContain('kind: HEALTH_CENTRE');
  });

  it('shows an error with Retry, then the list once the API answers', async () => {
    const user = userEvent.setup();
    let calls = 0;
    renderScreen(() => {
      calls += 1;
      return calls === 1 ? { errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] } : twoCentres;
    });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("La liste des centres de santé n'a pas pu être chargée.");
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('table', { name: '2 centres de santé' })).toBeTruthy();
  });

  it('says so when no health centre is recorded', async () => {
    renderScreen(() => healthCentres([]));
    expect(await screen.findByText("Aucun centre de santé n'est enregistré.")).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
