import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { atParisTime, documentsOffContract, renderWithApi, toastTitles, type Answers } from '../../components/advisor-testing.tsx';
import { ActivityReportBookingQuery, RecordActivityReportMutation } from './activity-report.graphql.ts';
import { ActivityReportScreen } from './ActivityReportScreen.tsx';

// Wednesday 11 March 2026, 10:30 in Paris (UTC+1).
const NOW = new Date('2026-03-11T09:30:00Z');

const booking = {
  __typename: 'Booking',
  id: 'b-past',
  // Tuesday 10 March, 09:00–09:45 in Paris.
  startsAt: '2026-03-10T08:00:00Z',
  endsAt: '2026-03-10T08:45:00Z',
  status: 'CONFIRMED',
  appointmentType: { __typename: 'AppointmentType', id: 'type-demarches', name: 'Aide aux démarches en ligne' },
  resident: { __typename: 'Resident', id: 'r-marie', displayName: 'Marie Dupont' },
  place: { __typename: 'Place', id: 'p-crepy', name: 'Bibliothèque de Crépy' },
  resource: {
    __typename: 'SchedulingResource',
    id: 'res-nadia',
    name: 'Nadia Lefebvre',
    advisor: { __typename: 'Advisor', id: 'adv-nadia', name: 'Nadia Lefebvre' },
  },
  activityReport: null,
};

const saved = {
  data: {
    recordActivityReport: {
      __typename: 'RecordActivityReportSuccess',
      report: {
        __typename: 'ActivityReport',
        id: 'rep-1',
        booking: { __typename: 'Booking', id: 'b-past', activityReport: { __typename: 'ActivityReport', id: 'rep-1' } },
      },
    },
  },
};

function renderReport(node: unknown = booking, overrides: Partial<Answers> = {}) {
  window.history.replaceState(null, '', '/agenda/b-past/compte-rendu');
  return renderWithApi(<ActivityReportScreen params={{ bookingId: 'b-past' }} />, {
    ActivityReportBooking: () => ({ data: { node } }),
    RecordActivityReport: () => saved,
    ...overrides,
  } as Answers);
}

describe('ActivityReportScreen', { timeout: 20_000 }, () => {
  atParisTime(NOW);

  it('asks the API only what schema.graphql offers', () => {
    expect(documentsOffContract([ActivityReportBookingQuery, RecordActivityReportMutation])).toEqual({});
  });

  it('records the report of an appointment and goes back to its week of the agenda', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderReport();
    expect(await screen.findByRole('heading', { level: 1, name: "Compte rendu d'accompagnement" })).toBeTruthy();
    expect(variablesOf('ActivityReportBooking')).toEqual([{ id: 'b-past' }]);
    const summary = screen.getByRole('region', { name: 'Le rendez-vous' });
    expect([...summary.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual([
      'Marie Dupont',
      '10 mars 2026, de 09:00 à 09:45',
      'Bibliothèque de Crépy',
      'Aide aux démarches en ligne',
      'Nadia Lefebvre',
    ]);
    // The duration starts as the appointment's length.
    expect((screen.getByRole('textbox', { name: /Durée \(minutes\)/ }) as HTMLInputElement).value).toBe('45');

    const topics = screen.getByRole('group', { name: /Thématiques abordées/ });
    expect(within(topics).getAllByRole('checkbox')).toHaveLength(14);
    await user.click(within(topics).getByRole('checkbox', { name: 'Courriels' }));
    await user.click(within(topics).getByRole('checkbox', { name: 'Sécurité numérique' }));
    await user.click(screen.getByRole('checkbox', { name: 'Ordinateur' }));
    await user.click(screen.getByRole('radio', { name: "Autonome avec de l'aide" }));
    await user.clear(screen.getByRole('textbox', { name: /Durée/ }));
    await user.type(screen.getByRole('textbox', { name: /Durée/ }), '50');
    await user.click(screen.getByRole('button', { name: /Orientation \(facultatif\)/ }));
    await user.click(await screen.findByRole('option', { name: 'France services' }));
    await user.type(screen.getByRole('textbox', { name: /Précisions sur l'orientation/ }), 'Déclaration de revenus');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le compte rendu' }));

    expect(variablesOf('RecordActivityReport')).toEqual([
      {
        input: {
          bookingId: 'b-past',
          topics: ['EMAIL', 'SECURITY'],
          durationMinutes: 50,
          equipment: ['COMPUTER'],
          autonomy: 'PARTIALLY_AUTONOMOUS',
          referral: 'FRANCE_SERVICES',
          referralNote: 'Déclaration de revenus',
        },
      },
    ]);
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/agenda?conseiller=adv-nadia&semaine=2026-03-09'));
    expect(toastTitles()).toEqual(['Compte rendu enregistré']);
  });

  it('says what is missing next to each field, and moves focus to the first', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderReport();
    await user.clear(await screen.findByRole('textbox', { name: /Durée/ }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le compte rendu' }));

    expect(screen.getByText('Choisissez au moins une thématique.')).toBeTruthy();
    expect(screen.getByText('Indiquez une durée en minutes, de 1 à 480.')).toBeTruthy();
    expect(screen.getByText("Indiquez l'autonomie atteinte.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Démarches en ligne' }));
    expect(variablesOf('RecordActivityReport')).toEqual([]);

    await user.click(screen.getByRole('checkbox', { name: 'Courriels' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le compte rendu' }));
    expect(screen.queryByText('Choisissez au moins une thématique.')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Durée/ }));
  });

  it('sends no referral note without a referral, and says when a report already exists', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderReport(booking, {
      RecordActivityReport: () => ({
        data: { recordActivityReport: { __typename: 'ConflictError', code: 'CONFLICT', message: 'Already reported' } },
      }),
    });
    await user.click(await screen.findByRole('checkbox', { name: 'Courriels' }));
    await user.click(screen.getByRole('radio', { name: 'Autonome' }));
    expect(screen.queryByRole('textbox', { name: /Précisions sur l'orientation/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Enregistrer le compte rendu' }));
    expect(variablesOf('RecordActivityReport')).toEqual([
      { input: { bookingId: 'b-past', topics: ['EMAIL'], durationMinutes: 45, equipment: [], autonomy: 'AUTONOMOUS' } },
    ]);
    expect((await screen.findByRole('alert')).textContent).toBe('Un compte rendu est déjà enregistré pour ce rendez-vous.');
    expect(window.location.pathname).toBe('/agenda/b-past/compte-rendu');
  });

  it.each([
    [
      'already reported',
      { ...booking, activityReport: { __typename: 'ActivityReport', id: 'rep-1' } },
      'Le compte rendu de ce rendez-vous est déjà enregistré.',
    ],
    [
      'not started',
      { ...booking, startsAt: '2026-03-12T08:00:00Z', endsAt: '2026-03-12T08:45:00Z' },
      'Le compte rendu se rédige une fois le rendez-vous commencé.',
    ],
    ['a no-show', { ...booking, status: 'NO_SHOW' }, "Ce rendez-vous n'a pas eu lieu : il n'appelle pas de compte rendu."],
    ['unknown', null, "Ce rendez-vous n'existe pas ou ne vous est pas visible."],
  ])('offers no form for an appointment %s', async (_case, node, message) => {
    renderReport(node);
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enregistrer le compte rendu' })).toBeNull();
    expect(screen.getByRole('link', { name: "Retour à l'agenda" }).getAttribute('href')).toMatch(/^\/agenda/);
  });

  it('shows an error with Retry when the appointment cannot be loaded', async () => {
    const user = userEvent.setup({ delay: null });
    let calls = 0;
    renderReport(booking, {
      ActivityReportBooking: () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return { data: { node: booking } };
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Le rendez-vous n'a pas pu être chargé.");
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('button', { name: 'Enregistrer le compte rendu' })).toBeTruthy();
  });
});
