import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { atParisTime, documentsOffContract, renderWithApi, toastTitles, type Answers } from '../../components/advisor-testing.tsx';
import { CreateEquipmentMutation, EquipmentListQuery, EquipmentPlacesQuery, RetireEquipmentMutation } from './equipment-list.graphql.ts';
import { EquipmentListScreen } from './EquipmentListScreen.tsx';

const NOW = new Date('2026-03-11T09:30:00Z');

const laon = { __typename: 'Commune', id: 'c-laon', name: 'Laon' };
const fabrique = { __typename: 'Place', id: 'p-fabrique', name: 'La Fabrique', commune: laon };
const mediatheque = { __typename: 'Place', id: 'p-media', name: 'Médiathèque Suzanne-Martinet', commune: laon };
const printing = { __typename: 'AppointmentType', id: 'type-3d', name: 'Impression 3D', durationMinutes: 60, modality: 'ON_SITE', capacity: 1 };
const workshop = {
  __typename: 'AppointmentType',
  id: 'type-laser-workshop',
  name: 'Atelier découpe laser',
  durationMinutes: 120,
  modality: 'ON_SITE',
  capacity: 6,
};

const resource = (
  id: string,
  kind: string,
  name: string,
  place: typeof fabrique,
  appointmentTypes: unknown[],
  description: string | null = null,
) => ({
  __typename: 'SchedulingResource',
  id,
  kind,
  name,
  description,
  isRetired: false,
  place,
  appointmentTypes,
});

const connection = (nodes: unknown[]) => ({
  __typename: 'QuerySchedulingResourcesConnection',
  totalCount: nodes.length,
  edges: nodes.map((node) => ({ node })),
});
const printer = resource('res-printer', 'MACHINE', 'Imprimante 3D', fabrique, [printing], 'Prusa MK4, PLA fourni');
const laser = resource('res-laser', 'MACHINE', 'Découpeuse laser', fabrique, [workshop]);
const computer = resource('res-poste', 'COMPUTER', 'Poste public 1', mediatheque, []);

const places = (nodes: unknown[]) => ({ __typename: 'QueryPlacesConnection', edges: nodes.map((node) => ({ node })) });

function renderEquipment(overrides: Partial<Answers> = {}) {
  return renderWithApi(<EquipmentListScreen />, {
    EquipmentList: () => ({ data: { machines: connection([printer, laser]), computers: connection([computer]), kiosks: connection([]) } }),
    EquipmentPlaces: () => ({
      data: {
        mediatheques: places([mediatheque]),
        tiersLieux: places([]),
        makerspaces: places([fabrique]),
        franceServices: places([]),
        mairies: places([]),
      },
    }),
    BookingDialogSlots: () => ({ data: { availableSlots: [] } }),
    ...overrides,
  } as Answers);
}

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].slice(0, 4).map((cell) => cell.textContent));

describe('EquipmentListScreen', { timeout: 20_000 }, () => {
  atParisTime(NOW);

  it('asks the API only what schema.graphql offers', () => {
    expect(documentsOffContract([EquipmentListQuery, EquipmentPlacesQuery, CreateEquipmentMutation, RetireEquipmentMutation])).toEqual({});
  });

  it('lists machines, computers and kiosks place by place', async () => {
    const { requests } = renderEquipment();
    const fablab = await screen.findByRole('table', { name: 'La Fabrique, Laon (2 équipements)' });
    expect(cells(fablab)).toEqual([
      ['Découpeuse laser', 'Machine', 'Sans description', 'En service'],
      ['Imprimante 3D', 'Machine', 'Prusa MK4, PLA fourni', 'En service'],
    ]);
    const library = screen.getByRole('table', { name: 'Médiathèque Suzanne-Martinet, Laon (1 équipement)' });
    expect(cells(library)).toEqual([['Poste public 1', 'Ordinateur public', 'Sans description', 'En service']]);
    // Only its group workshop is booked on the laser cutter: by enrolment, not here.
    expect(within(fablab).getAllByRole('row')[1]!.textContent).toContain('Pas de réservation');
    for (const kind of ['MACHINE', 'COMPUTER', 'KIOSK']) expect(requests[0]?.query).toContain(`kind: ${kind}`);
  });

  it('books an equipment with the booking dialog and its own appointment types', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderEquipment();
    await user.click(await screen.findByRole('button', { name: 'Réserver Imprimante 3D' }));
    const dialog = await screen.findByRole('dialog', { name: 'Réserver : Imprimante 3D' });
    expect(within(dialog).queryByRole('radiogroup', { name: 'Avec qui' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: /Type de rendez-vous/ }));
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual(['Impression 3D (60 min, Sur place)']);
    await user.click(screen.getByRole('option', { name: 'Impression 3D (60 min, Sur place)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Chercher les créneaux' }));
    await waitFor(() =>
      expect(variablesOf('BookingDialogSlots')).toEqual([
        { input: expect.objectContaining({ appointmentTypeId: 'type-3d', resourceIds: ['res-printer'] }) },
      ]),
    );
    expect(variablesOf('BookingDialogAppointmentTypes')).toEqual([]);
  });

  it('retires an equipment after confirmation', async () => {
    const user = userEvent.setup({ delay: null });
    let retired = false;
    const { variablesOf } = renderEquipment({
      EquipmentList: () => ({
        data: { machines: connection(retired ? [printer] : [printer, laser]), computers: connection([]), kiosks: connection([]) },
      }),
      RetireEquipment: () => {
        retired = true;
        return {
          data: {
            retireSchedulingResource: {
              __typename: 'RetireSchedulingResourceSuccess',
              resource: { __typename: 'SchedulingResource', id: 'res-laser', isRetired: true },
            },
          },
        };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Retirer du service : Découpeuse laser' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retirer Découpeuse laser du service ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Retirer du service' }));
    expect(variablesOf('RetireEquipment')).toEqual([{ input: { resourceId: 'res-laser' } }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(toastTitles()).toEqual(['Découpeuse laser est retiré du service.']);
    expect(await screen.findByRole('table', { name: 'La Fabrique, Laon (1 équipement)' })).toBeTruthy();
  });

  it('adds an equipment: kind, name, description and place, each asked for when missing', async () => {
    const user = userEvent.setup({ delay: null });
    const { variablesOf } = renderEquipment({
      CreateEquipment: () => ({
        data: {
          createSchedulingResource: {
            __typename: 'CreateSchedulingResourceSuccess',
            resource: { __typename: 'SchedulingResource', id: 'res-new', name: 'Brodeuse numérique' },
          },
        },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Ajouter un équipement' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ajouter un équipement' });
    await user.click(await within(dialog).findByRole('button', { name: "Ajouter l'équipement" }));
    expect(within(dialog).getByText("Choisissez le type d'équipement.")).toBeTruthy();
    expect(within(dialog).getByText("Indiquez le nom de l'équipement.")).toBeTruthy();
    expect(within(dialog).getByText('Choisissez le lieu.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: /Nom/ }));
    expect(variablesOf('CreateEquipment')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: /Type d'équipement/ }));
    await user.click(await screen.findByRole('option', { name: 'Machine' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Nom/ }), 'Brodeuse numérique');
    await user.type(within(dialog).getByRole('textbox', { name: /Description/ }), 'Brother, 10 couleurs');
    await user.click(within(dialog).getByRole('button', { name: /Lieu/ }));
    await user.click(await screen.findByRole('option', { name: 'La Fabrique, Laon' }));
    await user.click(within(dialog).getByRole('button', { name: "Ajouter l'équipement" }));

    expect(variablesOf('CreateEquipment')).toEqual([
      { input: { kind: 'MACHINE', name: 'Brodeuse numérique', placeId: 'p-fabrique', description: 'Brother, 10 couleurs' } },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(toastTitles()).toEqual(['Brodeuse numérique est ajouté.']);
    await waitFor(() => expect(variablesOf('EquipmentList')).toHaveLength(2));
  });

  it('says so when the place is outside the agent’s communes', async () => {
    const user = userEvent.setup({ delay: null });
    renderEquipment({
      CreateEquipment: () => ({
        data: { createSchedulingResource: { __typename: 'ForbiddenError', code: 'FORBIDDEN', message: 'Outside your communes' } },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Ajouter un équipement' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ajouter un équipement' });
    await user.click(await within(dialog).findByRole('button', { name: /Type d'équipement/ }));
    await user.click(await screen.findByRole('option', { name: 'Borne' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Nom/ }), 'Borne de démarches');
    await user.click(within(dialog).getByRole('button', { name: /Lieu/ }));
    await user.click(await screen.findByRole('option', { name: 'Médiathèque Suzanne-Martinet, Laon' }));
    await user.click(within(dialog).getByRole('button', { name: "Ajouter l'équipement" }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Vous ne pouvez pas gérer les équipements de ce lieu.');
  });

  it('says so when no equipment is recorded, and shows an error with Retry', async () => {
    const user = userEvent.setup({ delay: null });
    let calls = 0;
    renderEquipment({
      EquipmentList: () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return { data: { machines: connection([]), computers: connection([]), kiosks: connection([]) } };
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("La liste des équipements n'a pas pu être chargée.");
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByText("Aucun équipement n'est enregistré.")).toBeTruthy();
  });
});
