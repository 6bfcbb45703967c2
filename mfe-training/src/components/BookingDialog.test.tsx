import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { atParisTime, documentsOffContract, renderWithApi, toastTitles, type Answers } from './advisor-testing.tsx';
import {
  BookingDialogAppointmentTypesQuery,
  BookingDialogConfirmMutation,
  BookingDialogHoldSlotMutation,
  CancelBookingMutation,
  BookingDialogSlotsQuery,
} from './booking-dialog.graphql.ts';
import { BookingDialog } from './BookingDialog.tsx';
import { ResidentPickerQuery } from './resident-picker.graphql.ts';

// Wednesday 11 March 2026, 10:30 in Paris (UTC+1).
const NOW = new Date('2026-03-11T09:30:00Z');

const mediatheque = { __typename: 'Place', id: 'p-laon', name: 'Médiathèque Suzanne-Martinet' };
const crepy = { __typename: 'Place', id: 'p-crepy', name: 'Bibliothèque de Crépy' };
const nadia = { __typename: 'SchedulingResource', id: 'res-nadia', name: 'Nadia Lefebvre' };
const karim = { __typename: 'SchedulingResource', id: 'res-karim', name: 'Karim Benali' };

const slot = (startsAt: string, endsAt: string, place = mediatheque, resource = nadia) => ({ __typename: 'Slot', startsAt, endsAt, place, resource });
// Wednesday 14:00 and 14:45 at the médiathèque, Thursday 09:00 at Crépy (Paris time).
const slots = [
  slot('2026-03-11T13:00:00Z', '2026-03-11T13:45:00Z'),
  slot('2026-03-11T13:45:00Z', '2026-03-11T14:30:00Z'),
  slot('2026-03-12T08:00:00Z', '2026-03-12T08:45:00Z', crepy),
];

const held = (holdExpiresAt: string) => ({
  data: {
    holdSlot: {
      __typename: 'HoldSlotSuccess',
      booking: { __typename: 'Booking', id: 'b-new', startsAt: '2026-03-12T08:00:00Z', endsAt: '2026-03-12T08:45:00Z', holdExpiresAt },
    },
  },
});

function answers(overrides: Partial<Answers> = {}): Answers {
  return {
    ResidentPicker: () => ({
      data: {
        residents: {
          __typename: 'QueryResidentsConnection',
          totalCount: 2,
          edges: [
            {
              node: {
                __typename: 'Resident',
                id: 'r-marie',
                displayName: 'Marie Dupont',
                commune: { __typename: 'Commune', id: 'c-laon', name: 'Laon' },
              },
            },
            { node: { __typename: 'Resident', id: 'r-jean', displayName: 'Jean Dupuis', commune: null } },
          ],
        },
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
          { __typename: 'AppointmentType', id: 'type-atelier', name: 'Atelier collectif', durationMinutes: 120, modality: 'ON_SITE', capacity: 8 },
          { __typename: 'AppointmentType', id: 'type-phone', name: 'Rendez-vous téléphonique', durationMinutes: 30, modality: 'PHONE', capacity: 1 },
        ],
      },
    }),
    BookingDialogSlots: () => ({ data: { availableSlots: slots } }),
    BookingDialogHoldSlot: () => held('2026-03-11T09:40:00Z'),
    BookingDialogConfirm: () => ({
      data: { confirmBooking: { __typename: 'ConfirmBookingSuccess', booking: { __typename: 'Booking', id: 'b-new', status: 'CONFIRMED' } } },
    }),
    CancelBooking: () => ({
      data: { cancelBooking: { __typename: 'CancelBookingSuccess', booking: { __typename: 'Booking', id: 'b-new', status: 'CANCELLED' } } },
    }),
    ...overrides,
  } as Answers;
}

function renderDialog(overrides: Partial<Answers> = {}) {
  return renderWithApi(
    <BookingDialog
      triggerLabel="Nouveau rendez-vous"
      title="Nouveau rendez-vous"
      resource={{ id: 'res-nadia', name: 'Nadia Lefebvre', kind: 'ADVISOR' }}
      places={[crepy, mediatheque]}
    />,
    answers(overrides),
  );
}

type User = ReturnType<typeof userEvent.setup>;

async function open(user: User) {
  await user.click(screen.getByRole('button', { name: 'Nouveau rendez-vous' }));
  return screen.findByRole('dialog', { name: 'Nouveau rendez-vous' });
}

async function pickResident(user: User, dialog: HTMLElement) {
  await user.type(within(dialog).getByRole('textbox', { name: /Rechercher un habitant/ }), 'dup');
  await user.click(within(dialog).getByRole('button', { name: 'Rechercher' }));
  await user.click(await within(dialog).findByRole('radio', { name: 'Marie Dupont, Laon' }));
}

async function pickType(user: User, dialog: HTMLElement, name = 'Aide aux démarches en ligne (45 min, Sur place)') {
  await user.click(await within(dialog).findByRole('button', { name: /Type de rendez-vous/ }));
  await user.click(await screen.findByRole('option', { name }));
}

async function searchSlots(user: User, dialog: HTMLElement) {
  await user.click(within(dialog).getByRole('button', { name: 'Chercher les créneaux' }));
  return within(dialog).findByRole('group', { name: 'Créneaux libres' });
}

// Each test walks the whole dialog; the machine running the suite may be busy.
describe('BookingDialog', { timeout: 20_000 }, () => {
  atParisTime(NOW);

  it('asks the API only what schema.graphql offers', () => {
    expect(
      documentsOffContract([
        ResidentPickerQuery,
        BookingDialogAppointmentTypesQuery,
        BookingDialogSlotsQuery,
        BookingDialogHoldSlotMutation,
        BookingDialogConfirmMutation,
        CancelBookingMutation,
      ]),
    ).toEqual({});
  });

  it('books a slot for a resident: search, free slots by day, hold for a few minutes, confirm', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderDialog();
    const dialog = await open(user);
    await pickResident(user, dialog);
    expect(variablesOf('ResidentPicker')).toEqual([{ name: 'dup', first: 10 }]);
    expect(within(dialog).getByRole('radio', { name: 'Jean Dupuis, commune inconnue' })).toBeTruthy();

    await user.click(await within(dialog).findByRole('button', { name: /Type de rendez-vous/ }));
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual([
      'Aide aux démarches en ligne (45 min, Sur place)',
      'Rendez-vous téléphonique (30 min, Par téléphone)',
    ]);
    await user.click(screen.getByRole('option', { name: 'Aide aux démarches en ligne (45 min, Sur place)' }));

    const found = await searchSlots(user, dialog);
    // From today to six days later, as Paris days: [11 March 00:00, 18 March 00:00) Paris time.
    expect(variablesOf('BookingDialogSlots')).toEqual([
      {
        input: {
          appointmentTypeId: 'type-demarches',
          from: '2026-03-10T23:00:00.000Z',
          to: '2026-03-17T23:00:00.000Z',
          resourceIds: ['res-nadia'],
          first: 200,
        },
      },
    ]);
    expect(within(found).getAllByRole('radiogroup')).toHaveLength(2);
    expect(within(within(found).getByRole('radiogroup', { name: '12 mars 2026' })).getAllByRole('radio')).toHaveLength(1);
    const wednesday = within(found).getByRole('radiogroup', { name: '11 mars 2026' });
    expect(
      within(wednesday)
        .getAllByRole('radio')
        .map((radio) => radio.closest('label')?.textContent),
    ).toEqual(['14:00 – 14:45, Médiathèque Suzanne-Martinet, Sur place', '14:45 – 15:30, Médiathèque Suzanne-Martinet, Sur place']);
    await user.click(within(found).getByRole('radio', { name: '09:00 – 09:45, Bibliothèque de Crépy, Sur place' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Besoin exprimé/ }), 'Créer une adresse électronique');
    await user.click(within(dialog).getByRole('button', { name: 'Réserver ce créneau' }));

    expect(variablesOf('BookingDialogHoldSlot')).toEqual([
      {
        input: {
          appointmentTypeId: 'type-demarches',
          resourceId: 'res-nadia',
          startsAt: '2026-03-12T08:00:00Z',
          residentId: 'r-marie',
          note: 'Créer une adresse électronique',
        },
      },
    ]);
    expect((await within(dialog).findByRole('status')).textContent).toBe("Créneau réservé jusqu'à 10:40");
    expect(
      within(dialog).getByText('Marie Dupont, Aide aux démarches en ligne : 12 mars 2026, de 09:00 à 09:45, Bibliothèque de Crépy'),
    ).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Confirmer le rendez-vous' }));
    expect(variablesOf('BookingDialogConfirm')).toEqual([{ input: { bookingId: 'b-new' } }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(toastTitles()).toEqual(['Rendez-vous confirmé']);
  });

  it('asks for the appointment type before searching and for the person before holding', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderDialog();
    const dialog = await open(user);
    await user.click(await within(dialog).findByRole('button', { name: 'Chercher les créneaux' }));
    expect(within(dialog).getByText('Choisissez un type de rendez-vous.')).toBeTruthy();
    expect(variablesOf('BookingDialogSlots')).toEqual([]);

    await pickType(user, dialog);
    const found = await searchSlots(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Réserver ce créneau' }));
    expect(within(dialog).getByText('Choisissez un créneau.')).toBeTruthy();
    await user.click(within(found).getByRole('radio', { name: /09:00 – 09:45/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Réserver ce créneau' }));
    expect(within(dialog).getByText('Choisissez la personne concernée.')).toBeTruthy();
    expect(variablesOf('BookingDialogHoldSlot')).toEqual([]);
  });

  it('says when the slot has just been taken and shows the slots still free', async () => {
    const user = userEvent.setup({ delay: null });
    let searches = 0;
    const { variablesOf } = renderDialog({
      BookingDialogSlots: () => {
        searches += 1;
        return { data: { availableSlots: searches === 1 ? slots : slots.slice(0, 2) } };
      },
      BookingDialogHoldSlot: () => ({ data: { holdSlot: { __typename: 'ConflictError', code: 'CONFLICT', message: 'Slot taken' } } }),
    });
    const dialog = await open(user);
    await pickResident(user, dialog);
    await pickType(user, dialog);
    const found = await searchSlots(user, dialog);
    await user.click(within(found).getByRole('radio', { name: /09:00 – 09:45/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Réserver ce créneau' }));

    expect((await within(dialog).findByRole('alert')).textContent).toBe("Ce créneau vient d'être pris.");
    await waitFor(() => expect(within(dialog).queryByRole('radio', { name: /09:00 – 09:45/ })).toBeNull());
    expect(variablesOf('BookingDialogSlots')).toHaveLength(2);
    expect(
      within(dialog)
        .getAllByRole('radio', { name: /Médiathèque/ })
        .every((radio) => !(radio as HTMLInputElement).checked),
    ).toBe(true);
  });

  it('says when the hold has run out, and searches the slots again', async () => {
    const user = userEvent.setup({ delay: null });
    // The hold ends 50 ms from now (the clock is frozen, the timer is real).
    const { variablesOf } = renderDialog({ BookingDialogHoldSlot: () => held('2026-03-11T09:30:00.050Z') });
    const dialog = await open(user);
    await pickResident(user, dialog);
    await pickType(user, dialog);
    await user.click(within(await searchSlots(user, dialog)).getByRole('radio', { name: /09:00 – 09:45/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Réserver ce créneau' }));

    expect((await within(dialog).findByRole('alert')).textContent).toBe("Le créneau n'est plus réservé : le délai est passé. Choisissez un créneau.");
    expect(within(dialog).queryByRole('button', { name: 'Confirmer le rendez-vous' })).toBeNull();
    await waitFor(() => expect(variablesOf('BookingDialogSlots')).toHaveLength(2));
    expect(variablesOf('BookingDialogConfirm')).toEqual([]);
  });

  it('says the hold has run out when the confirmation comes too late', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderDialog({
      BookingDialogConfirm: () => ({ data: { confirmBooking: { __typename: 'ConflictError', code: 'CONFLICT', message: 'Hold expired' } } }),
    });
    const dialog = await open(user);
    await pickResident(user, dialog);
    await pickType(user, dialog);
    await user.click(within(await searchSlots(user, dialog)).getByRole('radio', { name: /09:00 – 09:45/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Réserver ce créneau' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Confirmer le rendez-vous' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain("Le créneau n'est plus réservé");
    expect(within(dialog).queryByRole('button', { name: 'Confirmer le rendez-vous' })).toBeNull();
    await waitFor(() => expect(variablesOf('BookingDialogSlots')).toHaveLength(2));
  });

  it('frees the held slot when another one is wanted', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderDialog();
    const dialog = await open(user);
    await pickResident(user, dialog);
    await pickType(user, dialog);
    await user.click(within(await searchSlots(user, dialog)).getByRole('radio', { name: /09:00 – 09:45/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Réserver ce créneau' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Choisir un autre créneau' }));
    expect(variablesOf('CancelBooking')).toEqual([{ input: { bookingId: 'b-new', reason: 'Autre créneau choisi pendant la réservation' } }]);
    expect(await within(dialog).findByRole('group', { name: 'Créneaux libres' })).toBeTruthy();
  });

  it('searches the slots of any advisor at a chosen place, naming the advisor of each', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderDialog({
      BookingDialogSlots: () => ({ data: { availableSlots: [slot('2026-03-12T08:00:00Z', '2026-03-12T08:45:00Z', crepy, karim)] } }),
    });
    const dialog = await open(user);
    await pickType(user, dialog);
    await user.click(within(dialog).getByRole('radio', { name: "Avec n'importe quel conseiller, dans un lieu" }));
    await user.click(within(dialog).getByRole('button', { name: 'Chercher les créneaux' }));
    expect(within(dialog).getByText('Choisissez un lieu.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: /Lieu/ }));
    await user.click(await screen.findByRole('option', { name: 'Bibliothèque de Crépy' }));
    const found = await searchSlots(user, dialog);
    expect(variablesOf('BookingDialogSlots')).toEqual([
      {
        input: {
          appointmentTypeId: 'type-demarches',
          from: '2026-03-10T23:00:00.000Z',
          to: '2026-03-17T23:00:00.000Z',
          placeIds: ['p-crepy'],
          first: 200,
        },
      },
    ]);
    expect(within(found).getByRole('radio', { name: '09:00 – 09:45, Karim Benali, Bibliothèque de Crépy, Sur place' })).toBeTruthy();
  });

  it('says so when no slot is free', async () => {
    const user = userEvent.setup({ delay: null });
    renderDialog({ BookingDialogSlots: () => ({ data: { availableSlots: [] } }) });
    const dialog = await open(user);
    await pickType(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Chercher les créneaux' }));
    expect(await within(dialog).findByText('Aucun créneau libre sur cette période.')).toBeTruthy();
  });
});
