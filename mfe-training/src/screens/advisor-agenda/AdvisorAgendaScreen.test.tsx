import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { atParisTime, documentsOffContract, renderWithApi, toastTitles, type Answers } from '../../components/advisor-testing.tsx';
import {
  AdvisorAgendaAdvisorsQuery,
  AdvisorAgendaBookingsQuery,
  AgendaMarkNoShowMutation,
} from './advisor-agenda.graphql.ts';
import { AdvisorAgendaScreen } from './AdvisorAgendaScreen.tsx';
import { CancelBookingMutation } from '../../components/booking-dialog.graphql.ts';

// Wednesday 11 March 2026, 10:30 in Paris (UTC+1).
const NOW = new Date('2026-03-11T09:30:00Z');

const mediatheque = { __typename: 'Place', id: 'p-laon', name: 'Médiathèque Suzanne-Martinet' };
const crepy = { __typename: 'Place', id: 'p-crepy', name: 'Bibliothèque de Crépy' };
const advisors = [
  {
    __typename: 'Advisor',
    id: 'adv-karim',
    name: 'Karim Benali',
    resource: { __typename: 'SchedulingResource', id: 'res-karim', name: 'Karim Benali' },
    places: [crepy],
  },
  {
    __typename: 'Advisor',
    id: 'adv-nadia',
    name: 'Nadia Lefebvre',
    resource: { __typename: 'SchedulingResource', id: 'res-nadia', name: 'Nadia Lefebvre' },
    places: [mediatheque, crepy],
  },
];

function booking(id: string, startsAt: string, endsAt: string, status: string, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'Booking',
    id,
    startsAt,
    endsAt,
    status,
    note: 'Déclarer ses revenus en ligne',
    appointmentType: { __typename: 'AppointmentType', id: 'type-demarches', name: 'Aide aux démarches en ligne', modality: 'ON_SITE' },
    resident: { __typename: 'Resident', id: 'r-marie', displayName: 'Marie Dupont', phone: '+33323000001' },
    place: { ...crepy, street: '3 place Hôtel-de-Ville', postalCode: '02870', commune: { __typename: 'Commune', id: 'c-crepy', name: 'Crépy' } },
    activityReport: null,
    ...extra,
  };
}

// Tuesday 09:00 (already past), Thursday 14:00 (to come), Monday 10:00 (the person did not come).
const past = booking('b-past', '2026-03-10T08:00:00Z', '2026-03-10T08:45:00Z', 'CONFIRMED');
const coming = booking('b-coming', '2026-03-12T13:00:00Z', '2026-03-12T13:45:00Z', 'CONFIRMED', {
  resident: { __typename: 'Resident', id: 'r-paul', displayName: 'Paul Martin', phone: null },
  note: null,
});
const absent = booking('b-absent', '2026-03-09T09:00:00Z', '2026-03-09T09:45:00Z', 'NO_SHOW');

const bookingsPage = (nodes: unknown[], totalCount = nodes.length) => ({
  data: {
    bookings: {
      __typename: 'QueryBookingsConnection',
      totalCount,
      edges: nodes.map((node) => ({ __typename: 'QueryBookingsConnectionEdge', node })),
    },
  },
});

function answers(overrides: Partial<Answers> = {}): Answers {
  return {
    AdvisorAgendaAdvisors: () => ({
      data: {
        viewer: { __typename: 'Viewer', agent: { __typename: 'Agent', id: 'agent-nadia', advisor: { __typename: 'Advisor', id: 'adv-nadia' } } },
        advisors,
      },
    }),
    AdvisorAgendaBookings: () => bookingsPage([past, coming, absent]),
    ...overrides,
  } as Answers;
}

function renderAgenda(url: string, overrides: Partial<Answers> = {}) {
  window.history.replaceState(null, '', url);
  return renderWithApi(<AdvisorAgendaScreen />, answers(overrides));
}

describe('AdvisorAgendaScreen', { timeout: 20_000 }, () => {
  atParisTime(NOW);

  it('asks the API only what schema.graphql offers', () => {
    expect(
      documentsOffContract([AdvisorAgendaAdvisorsQuery, AdvisorAgendaBookingsQuery, CancelBookingMutation, AgendaMarkNoShowMutation]),
    ).toEqual({});
  });

  it("opens on the viewer's own agenda for the current Paris week, each appointment titled with its type and resident", async () => {
    const { variablesOf } = renderAgenda('/agenda');
    const calendar = await screen.findByRole('region', { name: 'Rendez-vous de Nadia Lefebvre, semaine du 9 mars 2026' });
    expect(screen.getByRole('heading', { level: 2, name: 'Semaine du 9 mars 2026' })).toBeTruthy();
    expect(variablesOf('AdvisorAgendaBookings')).toEqual([
      { resourceId: 'res-nadia', from: '2026-03-08T23:00:00.000Z', to: '2026-03-15T23:00:00.000Z', first: 100 },
    ]);
    const tuesday = within(calendar).getByRole('group', { name: 'mardi 10 mars, 1 rendez-vous' });
    expect(within(tuesday).getByRole('button').textContent).toBe('09:00 – 09:45 Aide aux démarches en ligne — Marie Dupont');
    const monday = within(calendar).getByRole('group', { name: 'lundi 9 mars, 1 rendez-vous' });
    expect(within(monday).getByRole('button').textContent).toBe('10:00 – 10:45 Aide aux démarches en ligne — Marie Dupont (absent)');
  });

  it('moves week by week and to another advisor, through the address', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderAgenda('/agenda');
    await screen.findByRole('region', { name: /semaine du 9 mars 2026/ });

    await user.click(screen.getByRole('button', { name: 'Semaine suivante' }));
    expect(window.location.search).toBe('?conseiller=adv-nadia&semaine=2026-03-16');
    expect(await screen.findByRole('region', { name: 'Rendez-vous de Nadia Lefebvre, semaine du 16 mars 2026' })).toBeTruthy();
    expect(variablesOf('AdvisorAgendaBookings').at(-1)).toMatchObject({ from: '2026-03-15T23:00:00.000Z', to: '2026-03-22T23:00:00.000Z' });

    await user.click(screen.getByRole('button', { name: /Conseiller/ }));
    await user.click(await screen.findByRole('option', { name: 'Karim Benali' }));
    expect(window.location.search).toBe('?conseiller=adv-karim&semaine=2026-03-16');
    expect(await screen.findByRole('region', { name: 'Rendez-vous de Karim Benali, semaine du 16 mars 2026' })).toBeTruthy();
    expect(variablesOf('AdvisorAgendaBookings').at(-1)).toMatchObject({ resourceId: 'res-karim' });

    await user.click(screen.getByRole('button', { name: 'Cette semaine' }));
    expect(window.location.search).toBe('?conseiller=adv-karim&semaine=2026-03-09');
  });

  it('opens the week and advisor of its address', async () => {
    renderAgenda('/agenda?conseiller=adv-karim&semaine=2026-04-01');
    expect(await screen.findByRole('region', { name: 'Rendez-vous de Karim Benali, semaine du 30 mars 2026' })).toBeTruthy();
  });

  it('opens on the first advisor when the viewer has no advisor profile', async () => {
    renderAgenda('/agenda', {
      AdvisorAgendaAdvisors: () => ({
        data: { viewer: { __typename: 'Viewer', agent: { __typename: 'Agent', id: 'agent-x', advisor: null } }, advisors },
      }),
    });
    expect(await screen.findByRole('region', { name: 'Rendez-vous de Karim Benali, semaine du 9 mars 2026' })).toBeTruthy();
  });

  it('shows a past appointment with « Absent » and « Rédiger le compte rendu »; « Absent » records the no-show', async () => {
    const user = userEvent.setup({ delay: null });
    let noShow = false;
    const { variablesOf } = renderAgenda('/agenda', {
      AdvisorAgendaBookings: () => bookingsPage([noShow ? { ...past, status: 'NO_SHOW' } : past, coming]),
      AgendaMarkNoShow: () => {
        noShow = true;
        return {
          data: {
            markBookingNoShow: { __typename: 'MarkBookingNoShowSuccess', booking: { __typename: 'Booking', id: 'b-past', status: 'NO_SHOW' } },
          },
        };
      },
    });
    await user.click(await screen.findByRole('button', { name: /09:00 – 09:45 Aide aux démarches en ligne — Marie Dupont/ }));

    const details = screen.getByRole('region', { name: 'Rendez-vous du 10 mars 2026 à 09:00' });
    expect(document.activeElement).toBe(within(details).getByRole('heading'));
    const facts = [...details.querySelectorAll('dt')].map((dt) => `${dt.textContent} : ${dt.nextElementSibling?.textContent}`);
    expect(facts).toEqual([
      'Personne : Marie Dupont — 03 23 00 00 01',
      'Horaire : 10 mars 2026, de 09:00 à 09:45',
      'Lieu : Bibliothèque de Crépy, 3 place Hôtel-de-Ville, 02870 Crépy',
      'Type de rendez-vous : Aide aux démarches en ligne',
      'Modalité : Sur place',
      'Besoin exprimé : Déclarer ses revenus en ligne',
      'Statut : Confirmé',
      'Compte rendu : À rédiger',
    ]);
    expect(within(details).getByRole('link', { name: 'Rédiger le compte rendu' }).getAttribute('href')).toBe('/agenda/b-past/compte-rendu');
    expect(within(details).queryByRole('button', { name: 'Annuler' })).toBeNull();

    await user.click(within(details).getByRole('button', { name: 'Absent' }));
    expect(variablesOf('AgendaMarkNoShow')).toEqual([{ input: { bookingId: 'b-past' } }]);
    await waitFor(() => expect(within(details).getByText('Absent', { selector: 'dd' })).toBeTruthy());
    expect(toastTitles()).toEqual(['Absence enregistrée']);
    expect(within(details).queryByRole('button', { name: 'Absent' })).toBeNull();
    expect(within(details).queryByRole('link', { name: 'Rédiger le compte rendu' })).toBeNull();

    await user.click(within(details).getByRole('button', { name: 'Fermer le détail' }));
    expect(screen.queryByRole('region', { name: /Rendez-vous du 10 mars/ })).toBeNull();
    expect(document.activeElement?.textContent).toContain('09:00 – 09:45');
  });

  it('offers no report once it is written', async () => {
    const user = userEvent.setup({ delay: null });
    renderAgenda('/agenda', {
      AdvisorAgendaBookings: () => bookingsPage([{ ...past, activityReport: { __typename: 'ActivityReport', id: 'rep-1' } }]),
    });
    await user.click(await screen.findByRole('button', { name: /09:00 – 09:45/ }));
    const details = screen.getByRole('region', { name: /Rendez-vous du 10 mars 2026/ });
    expect(within(details).getByText('Enregistré')).toBeTruthy();
    expect(within(details).queryByRole('link', { name: 'Rédiger le compte rendu' })).toBeNull();
    expect(within(details).getByRole('button', { name: 'Absent' })).toBeTruthy();
  });

  it('cancels an appointment to come with a reason, asked for when missing', async () => {
    const user = userEvent.setup({ delay: null });
    let cancelled = false;
    const { variablesOf } = renderAgenda('/agenda', {
      AdvisorAgendaBookings: () => bookingsPage(cancelled ? [past] : [past, coming]),
      CancelBooking: () => {
        cancelled = true;
        return {
          data: { cancelBooking: { __typename: 'CancelBookingSuccess', booking: { __typename: 'Booking', id: 'b-coming', status: 'CANCELLED' } } },
        };
      },
    });
    await user.click(await screen.findByRole('button', { name: /14:00 – 14:45 Aide aux démarches en ligne — Paul Martin/ }));
    const details = screen.getByRole('region', { name: 'Rendez-vous du 12 mars 2026 à 14:00' });
    expect(within(details).getByText('Non renseigné')).toBeTruthy();
    expect(within(details).queryByRole('button', { name: 'Absent' })).toBeNull();

    await user.click(within(details).getByRole('button', { name: 'Annuler' }));
    const dialog = await screen.findByRole('dialog', { name: 'Annuler le rendez-vous' });
    await user.click(within(dialog).getByRole('button', { name: "Confirmer l'annulation" }));
    expect(within(dialog).getByText("Indiquez le motif de l'annulation.")).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: /Motif de l'annulation/ }));
    expect(variablesOf('CancelBooking')).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: /Motif de l'annulation/ }), 'Empêchement du conseiller');
    await user.click(within(dialog).getByRole('button', { name: "Confirmer l'annulation" }));
    expect(variablesOf('CancelBooking')).toEqual([{ input: { bookingId: 'b-coming', reason: 'Empêchement du conseiller' } }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(toastTitles()).toEqual(['Rendez-vous annulé']);
    await waitFor(() => expect(screen.queryByRole('button', { name: /Paul Martin/ })).toBeNull());
    expect(screen.queryByRole('region', { name: /Rendez-vous du 12 mars/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Semaine du 9 mars 2026' }));
  });

  it('says so when the appointment changed meanwhile, and refreshes the agenda', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderAgenda('/agenda', {
      AgendaMarkNoShow: () => ({
        data: { markBookingNoShow: { __typename: 'ConflictError', code: 'CONFLICT', message: 'Booking is not confirmed' } },
      }),
    });
    await user.click(await screen.findByRole('button', { name: /09:00 – 09:45/ }));
    await user.click(screen.getByRole('button', { name: 'Absent' }));
    expect((await screen.findByRole('alert')).textContent).toBe("Ce rendez-vous a changé entre-temps : l'agenda est mis à jour.");
    await waitFor(() => expect(variablesOf('AdvisorAgendaBookings')).toHaveLength(2));
  });

  it('books a new appointment from the agenda, which then shows the week of the appointment', async () => {
    const user = userEvent.setup({ delay: null });
    let confirmed = false;
    const booked = booking('b-new', '2026-03-17T09:00:00Z', '2026-03-17T09:45:00Z', 'CONFIRMED');
    const free = { __typename: 'Slot', startsAt: booked.startsAt, endsAt: booked.endsAt, place: crepy, resource: advisors[1]!.resource };
    const { variablesOf } = renderAgenda('/agenda', {
      AdvisorAgendaBookings: () => bookingsPage(confirmed ? [past, booked] : [past]),
      ResidentPicker: () => ({
        data: {
          residents: { totalCount: 1, edges: [{ node: { __typename: 'Resident', id: 'r-marie', displayName: 'Marie Dupont', commune: null } }] },
        },
      }),
      BookingDialogAppointmentTypes: () => ({
        data: {
          appointmentTypes: [
            {
              __typename: 'AppointmentType',
              id: 'type-demarches',
              name: 'Aide aux démarches en ligne',
              durationMinutes: 45,
              modality: 'ON_SITE',
              capacity: 1,
            },
          ],
        },
      }),
      BookingDialogSlots: () => ({ data: { availableSlots: [free] } }),
      BookingDialogHoldSlot: () => ({
        data: {
          holdSlot: {
            __typename: 'HoldSlotSuccess',
            booking: { __typename: 'Booking', id: 'b-new', startsAt: booked.startsAt, endsAt: booked.endsAt, holdExpiresAt: '2026-03-11T09:40:00Z' },
          },
        },
      }),
      BookingDialogConfirm: () => {
        confirmed = true;
        return {
          data: { confirmBooking: { __typename: 'ConfirmBookingSuccess', booking: { __typename: 'Booking', id: 'b-new', status: 'CONFIRMED' } } },
        };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Nouveau rendez-vous' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau rendez-vous' });
    await user.type(within(dialog).getByRole('textbox', { name: /Rechercher un habitant/ }), 'Dupont');
    await user.click(within(dialog).getByRole('button', { name: 'Rechercher' }));
    await user.click(await within(dialog).findByRole('radio', { name: /Marie Dupont/ }));
    await user.click(within(dialog).getByRole('button', { name: /Type de rendez-vous/ }));
    await user.click(await screen.findByRole('option', { name: /Aide aux démarches en ligne/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Chercher les créneaux' }));
    await user.click(await within(dialog).findByRole('radio', { name: /10:00 – 10:45/ }));
    expect(variablesOf('BookingDialogSlots')[0]).toMatchObject({ input: { resourceIds: ['res-nadia'] } });
    await user.click(within(dialog).getByRole('button', { name: 'Réserver ce créneau' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Confirmer le rendez-vous' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByRole('heading', { name: 'Semaine du 16 mars 2026' })).toBeTruthy();
    const tuesday = await screen.findByRole('group', { name: 'mardi 17 mars, 1 rendez-vous' });
    expect(within(tuesday).getByRole('button').textContent).toBe('10:00 – 10:45 Aide aux démarches en ligne — Marie Dupont');
  });

  it('shows an error with Retry, then the week', async () => {
    const user = userEvent.setup({ delay: null });
    let calls = 0;
    renderAgenda('/agenda', {
      AdvisorAgendaBookings: () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return bookingsPage([past]);
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("L'agenda n'a pas pu être chargé.");
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('button', { name: /09:00 – 09:45/ })).toBeTruthy();
  });

  it('says so when no advisor is recorded', async () => {
    renderAgenda('/agenda', { AdvisorAgendaAdvisors: () => ({ data: { viewer: { __typename: 'Viewer', agent: null }, advisors: [] } }) });
    expect(await screen.findByText("Aucun conseiller numérique n'est enregistré.")).toBeTruthy();
  });
});
