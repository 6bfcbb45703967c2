import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { atParisTime, documentsOffContract, renderWithApi, type Answers } from '../../components/advisor-testing.tsx';
import { ActivityStatisticsQuery, StatisticsFiltersQuery } from './activity-statistics.graphql.ts';
import { ActivityStatisticsScreen } from './ActivityStatisticsScreen.tsx';

// Wednesday 11 March 2026 in Paris.
const NOW = new Date('2026-03-11T09:30:00Z');
// French grouping: a narrow no-break space.
const group = (text: string) => text.replace(/(\d) (?=\d)/g, '$1\u202f');

const laon = { __typename: 'Place', id: 'p-laon', name: 'Médiathèque Suzanne-Martinet' };
const crepy = { __typename: 'Place', id: 'p-crepy', name: 'Bibliothèque de Crépy' };
const nadia = { __typename: 'Advisor', id: 'adv-nadia', name: 'Nadia Lefebvre', places: [laon, crepy] };
const karim = { __typename: 'Advisor', id: 'adv-karim', name: 'Karim Benali', places: [crepy] };

const statistics = {
  __typename: 'ActivityStatistics',
  from: '2026-03-01',
  to: '2026-03-31',
  accompanimentCount: 1234,
  totalMinutes: 74_130,
  residentCount: 987,
  byAdvisor: [
    { advisor: nadia, count: 800, minutes: 48_000 },
    { advisor: karim, count: 434, minutes: 26_130 },
  ],
  byPlace: [
    { place: laon, count: 1000, minutes: 60_000 },
    { place: crepy, count: 234, minutes: 14_130 },
  ],
  byCommune: [
    { commune: { __typename: 'Commune', id: 'c-laon', name: 'Laon' }, count: 1200, minutes: 72_000 },
    { commune: null, count: 34, minutes: 2130 },
  ],
  byTopic: [
    { topic: 'ONLINE_PROCEDURES', count: 900 },
    { topic: 'EMAIL', count: 450 },
  ],
  byAutonomy: [
    { autonomy: 'PARTIALLY_AUTONOMOUS', count: 700 },
    { autonomy: 'AUTONOMOUS', count: 534 },
  ],
  byReferral: [],
};

function renderStatistics(overrides: Partial<Answers> = {}) {
  return renderWithApi(<ActivityStatisticsScreen />, {
    StatisticsFilters: () => ({
      data: {
        advisors: [karim, nadia],
        communes: { __typename: 'QueryCommunesConnection', edges: [{ node: { __typename: 'Commune', id: 'c-laon', name: 'Laon' } }] },
      },
    }),
    ActivityStatistics: () => ({ data: { activityStatistics: statistics } }),
    ...overrides,
  } as Answers);
}

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('ActivityStatisticsScreen', { timeout: 20_000 }, () => {
  atParisTime(NOW);

  it('asks the API only what schema.graphql offers', () => {
    expect(documentsOffContract([StatisticsFiltersQuery, ActivityStatisticsQuery])).toEqual({});
  });

  it('counts the current month: totals, then each breakdown, numbers the French way', async () => {
    const { variablesOf } = renderStatistics();
    expect(await screen.findByRole('heading', { level: 2, name: 'Du 1 mars 2026 au 31 mars 2026' })).toBeTruthy();
    expect(variablesOf('ActivityStatistics')).toEqual([{ filter: { from: '2026-03-01', to: '2026-03-31' } }]);
    const totals = screen.getByRole('region', { name: 'Du 1 mars 2026 au 31 mars 2026' });
    expect([...totals.querySelectorAll('dt')].map((dt) => `${dt.textContent} : ${dt.nextElementSibling?.textContent}`)).toEqual([
      group('Accompagnements : 1 234'),
      group("Temps d'accompagnement : 1 235 h 30"),
      'Personnes accompagnées : 987',
    ]);
    expect(cells(screen.getByRole('table', { name: 'Par conseiller' }))).toEqual([
      ['Nadia Lefebvre', '800', '800 h'],
      ['Karim Benali', '434', '435 h 30'],
    ]);
    expect(cells(screen.getByRole('table', { name: 'Par lieu' }))[0]).toEqual(['Médiathèque Suzanne-Martinet', group('1 000'), group('1 000 h')]);
    expect(cells(screen.getByRole('table', { name: 'Par commune des personnes' }))).toEqual([
      ['Laon', group('1 200'), group('1 200 h')],
      ['Commune inconnue', '34', '35 h 30'],
    ]);
    expect(cells(screen.getByRole('table', { name: 'Par thématique' }))).toEqual([
      ['Démarches en ligne', '900'],
      ['Courriels', '450'],
    ]);
    expect(cells(screen.getByRole('table', { name: 'Par autonomie atteinte' }))).toEqual([
      ["Autonome avec de l'aide", '700'],
      ['Autonome', '534'],
    ]);
    expect(screen.getByText('Par orientation : aucun accompagnement.')).toBeTruthy();
  });

  it('narrows the counts to an advisor, a place and a commune', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderStatistics();
    const filters = screen.getByRole('region', { name: 'Période et filtres' });
    await user.click(await within(filters).findByRole('button', { name: /Conseiller/ }));
    await user.click(await screen.findByRole('option', { name: 'Nadia Lefebvre' }));
    await user.click(within(filters).getByRole('button', { name: /Lieu/ }));
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual([
      'Tous les lieux',
      'Bibliothèque de Crépy',
      'Médiathèque Suzanne-Martinet',
    ]);
    await user.click(screen.getByRole('option', { name: 'Bibliothèque de Crépy' }));
    await user.click(within(filters).getByRole('button', { name: /Commune du lieu/ }));
    await user.click(await screen.findByRole('option', { name: 'Laon' }));
    await waitFor(() =>
      expect(variablesOf('ActivityStatistics').at(-1)).toEqual({
        filter: { from: '2026-03-01', to: '2026-03-31', advisorId: 'adv-nadia', placeId: 'p-crepy', communeId: 'c-laon' },
      }),
    );
    await user.click(within(filters).getByRole('button', { name: /Conseiller/ }));
    await user.click(await screen.findByRole('option', { name: 'Tous les conseillers' }));
    await waitFor(() =>
      expect(variablesOf('ActivityStatistics').at(-1)).toEqual({
        filter: { from: '2026-03-01', to: '2026-03-31', placeId: 'p-crepy', communeId: 'c-laon' },
      }),
    );
  });

  it('asks for a period that ends after it starts, without counting meanwhile', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderStatistics();
    await screen.findByRole('table', { name: 'Par conseiller' });
    // 1 March → 1 April, after the period's last day (31 March).
    const from = screen.getByRole('group', { name: 'Du' });
    await user.click(within(from).getByRole('spinbutton', { name: /mois/ }));
    await user.keyboard('{ArrowUp}');
    expect(await screen.findByText('Choisissez une période de 366 jours au plus, du premier au dernier jour.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Par conseiller' })).toBeNull();
    expect(variablesOf('ActivityStatistics')).toHaveLength(1);
  });

  it('says so when nothing was counted', async () => {
    renderStatistics({
      ActivityStatistics: () => ({ data: { activityStatistics: { ...statistics, accompanimentCount: 0, totalMinutes: 0, residentCount: 0 } } }),
    });
    expect(await screen.findByText('Aucun accompagnement sur cette période.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows an error with Retry, then the counts', async () => {
    const user = userEvent.setup({ delay: null });
    let calls = 0;
    renderStatistics({
      ActivityStatistics: () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return { data: { activityStatistics: statistics } };
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Les statistiques n'ont pas pu être chargées.");
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('table', { name: 'Par conseiller' })).toBeTruthy();
  });
});
