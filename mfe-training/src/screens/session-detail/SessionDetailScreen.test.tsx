import { ConsoleRoot, createGraphqlClient, ModuleRoutes } from '@couronne/console-kit';
import { fakeGraphqlFetch, schemaErrors, type GraphqlRequest, type GraphqlResponder } from '@couronne/console-kit/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '../../routes.tsx';
import {
  CancelEnrolmentMutation,
  CancelTrainingSessionMutation,
  EnrolInTrainingSessionMutation,
  RecordAttendanceMutation,
  ResidentSearchQuery,
  SessionDetailQuery,
} from './session-detail.graphql.ts';
import schemaSdl from '../../../../schema.graphql?raw';

const agent = { __typename: 'Agent', id: 'agent-1', displayName: 'Claire Martin' };

function resident(id: string, displayName: string, phone: string | null = null) {
  return { __typename: 'Resident', id, displayName, email: `${id}@example.org`, phone };
}

function enrolment(id: string, status: string, who: ReturnType<typeof resident> | null, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'Enrolment',
    id,
    status,
    waitlistPosition: null,
    offerExpiresAt: null,
    attendance: null,
    createdAt: '2026-02-20T10:00:00Z',
    resident: who,
    enrolledBy: null,
    ...extra,
  };
}

const marie = resident('r-marie', 'Marie Curie', '0323221234');
const paul = resident('r-paul', 'Paul Éluard');
const louise = resident('r-louise', 'Louise Michel');

// Tuesday 3 March 2026, 09:00–10:30 in Paris; « now » is Monday 2 March, 09:00 (before) or Tuesday 10:00 (after the start).
const BEFORE = new Date('2026-03-02T08:00:00Z');
const AFTER = new Date('2026-03-03T09:00:00Z');

function sessionNode(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'TrainingSession',
    id: 's1',
    startsAt: '2026-03-03T08:00:00Z',
    endsAt: '2026-03-03T09:30:00Z',
    capacity: 2,
    enrolledCount: 2,
    waitlistCount: 1,
    freePlaces: 0,
    isCancelled: false,
    cancelReason: null,
    course: { __typename: 'Course', id: 'c1', title: 'Atelier tablette' },
    place: {
      __typename: 'Place',
      id: 'p1',
      name: 'Médiathèque Suzanne-Martinet',
      street: 'Rue du Bourg',
      postalCode: '02000',
      commune: { __typename: 'Commune', id: 'c-laon', name: 'Laon' },
    },
    room: { __typename: 'SchedulingResource', id: 'room-1', name: 'Salle du conte' },
    trainer: agent,
    enrolments: [
      enrolment('e1', 'ENROLLED', marie, { enrolledBy: agent }),
      enrolment('e2', 'OFFERED', null, { offerExpiresAt: '2026-03-02T18:00:00Z' }),
      enrolment('e3', 'WAITLISTED', louise, { waitlistPosition: 1, createdAt: '2026-02-25T15:30:00Z' }),
    ],
    ...overrides,
  };
}

type Respond = (request: GraphqlRequest) => unknown;

function renderAt(path: string, answers: Record<string, Respond> = {}) {
  window.history.replaceState(null, '', path);
  const respond: GraphqlResponder = (request) => {
    const answer = answers[request.operationName ?? '']?.(request);
    if (answer !== undefined) return answer;
    if (request.operationName === 'SessionDetail') return { data: { node: sessionNode() } };
    return { data: null, errors: [{ message: 'unexpected', extensions: { code: 'INTERNAL' } }] };
  };
  const { fetch, requests } = fakeGraphqlFetch(respond);
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <ModuleRoutes basePath="/formations" routes={routes} loading={<p>chargement</p>} notFound={<p>introuvable</p>} />
    </ConsoleRoot>,
  );
  return requests;
}

const byName = (requests: GraphqlRequest[], name: string) => requests.filter((request) => request.operationName === name);
const fact = (term: string) => [...document.querySelectorAll('dt')].find((dt) => dt.textContent === term)?.nextElementSibling?.textContent;

describe('SessionDetailScreen', () => {
  afterEach(() => vi.useRealTimers());

  it('asks the API only what schema.graphql offers', () => {
    for (const document of [
      SessionDetailQuery,
      ResidentSearchQuery,
      EnrolInTrainingSessionMutation,
      CancelEnrolmentMutation,
      RecordAttendanceMutation,
      CancelTrainingSessionMutation,
    ]) {
      expect(schemaErrors(document, schemaSdl)).toEqual([]);
    }
  });

  describe('before the session starts', () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: BEFORE }));

    it('shows the course, when and where in Paris time, and its figures', async () => {
      const requests = renderAt('/formations/seances/s1');
      expect(await screen.findByRole('heading', { level: 1, name: 'Atelier tablette' })).toBeTruthy();
      expect(byName(requests, 'SessionDetail')[0]?.variables).toEqual({ id: 's1' });
      expect(fact('Date')).toBe('le 3 mars 2026, de 09:00 à 10:30');
      expect(fact('Lieu')).toBe('Salle du conte, Médiathèque Suzanne-Martinet (Rue du Bourg, 02000 Laon)');
      expect(fact('Formateur')).toBe('Claire Martin');
      expect([fact('Capacité'), fact('Inscrits'), fact("En liste d'attente"), fact('Places libres')]).toEqual(['2 places', '2', '1', '0']);
      expect(screen.getByRole('link', { name: 'Retour à la semaine de cette séance' }).getAttribute('href')).toBe('/formations?jour=2026-03-03');
    });

    it('lists the enrolled people and the waiting list with its positions', async () => {
      renderAt('/formations/seances/s1');
      const enrolled = await screen.findByRole('table', { name: 'Personnes inscrites à la séance' });
      const rows = within(enrolled).getAllByRole('row').slice(1);
      expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Marie Curie', "Habitant d'une commune hors de vos droits"]);
      expect(within(rows[0]!).getAllByRole('cell').slice(0, 3).map((cell) => cell.textContent)).toEqual([
        'r-marie@example.org03 23 22 12 34',
        'Inscrit',
        'le 20 février 2026 par Claire Martin',
      ]);
      expect(within(rows[0]!).getByRole('link', { name: '03 23 22 12 34' }).getAttribute('href')).toBe('tel:+33323221234');
      expect(within(rows[1]!).getAllByRole('cell')[1]?.textContent).toBe("Place proposée jusqu'au 2 mars 2026 à 19:00");
      const waiting = screen.getByRole('table', { name: "Liste d'attente, dans l'ordre où les places seront proposées" });
      const first = within(waiting).getAllByRole('row')[1]!;
      expect(within(first).getAllByRole('cell')[0]?.textContent).toBe('1');
      expect(within(first).getByRole('rowheader').textContent).toBe('Louise Michel');
      expect(screen.getByRole('heading', { level: 2, name: "Liste d'attente (1)" })).toBeTruthy();
      expect(screen.getByText('Les présences se saisissent à partir du début de la séance, le 3 mars 2026 à 09:00.')).toBeTruthy();
    });

    it('finds a resident and enrols them: a full session puts them on the waiting list, with their position', async () => {
      const user = userEvent.setup();
      const requests = renderAt('/formations/seances/s1', {
        ResidentSearch: () => ({
          data: {
            residents: {
              __typename: 'QueryResidentsConnection',
              totalCount: 2,
              edges: [
                { __typename: 'QueryResidentsConnectionEdge', node: { ...paul, commune: { __typename: 'Commune', id: 'c-laon', name: 'Laon' } } },
                { __typename: 'QueryResidentsConnectionEdge', node: { ...marie, commune: null } },
              ],
            },
          },
        }),
        EnrolInTrainingSession: () => ({
          data: {
            enrolInTrainingSession: {
              __typename: 'EnrolInTrainingSessionSuccess',
              enrolment: {
                __typename: 'Enrolment',
                id: 'e9',
                status: 'WAITLISTED',
                waitlistPosition: 2,
                session: { __typename: 'TrainingSession', id: 's1', enrolledCount: 2, waitlistCount: 2, freePlaces: 0 },
              },
            },
          },
        }),
      });
      await user.click(await screen.findByRole('button', { name: 'Inscrire un habitant' }));
      const dialog = await screen.findByRole('dialog', { name: 'Inscrire un habitant à « Atelier tablette »' });
      const search = within(dialog).getByRole('searchbox', { name: "Nom de l'habitant" });
      await user.type(search, 'e{Enter}');
      expect(within(dialog).getByText('Tapez au moins 2 lettres du nom.')).toBeTruthy();
      expect(byName(requests, 'ResidentSearch')).toHaveLength(0);
      await user.type(search, 'lu{Enter}');
      expect(await within(dialog).findByText('2 habitants trouvés.')).toBeTruthy();
      expect(byName(requests, 'ResidentSearch')[0]?.variables).toEqual({ name: 'elu' });
      // Marie is already enrolled: no second enrolment offered.
      expect(within(dialog).getByText('Déjà sur la séance')).toBeTruthy();
      expect(within(dialog).queryByRole('button', { name: 'Inscrire Marie Curie' })).toBeNull();
      await user.click(within(dialog).getByRole('button', { name: 'Inscrire Paul Éluard' }));
      expect(await within(dialog).findByText("Paul Éluard : placé en liste d'attente (position 2).")).toBeTruthy();
      expect(byName(requests, 'EnrolInTrainingSession')[0]?.variables).toEqual({ input: { sessionId: 's1', residentId: 'r-paul' } });
      await user.keyboard('{Escape}');
      expect(screen.getByText("Paul Éluard : placé en liste d'attente (position 2).")).toBeTruthy();
    });

    it('says « inscrit » for a seat, and explains a refusal', async () => {
      const user = userEvent.setup();
      let answer: unknown = {
        data: {
          enrolInTrainingSession: {
            __typename: 'EnrolInTrainingSessionSuccess',
            enrolment: { __typename: 'Enrolment', id: 'e9', status: 'ENROLLED', waitlistPosition: null, session: { __typename: 'TrainingSession', id: 's1', enrolledCount: 2, waitlistCount: 1, freePlaces: 0 } },
          },
        },
      };
      renderAt('/formations/seances/s1', {
        ResidentSearch: () => ({
          data: { residents: { __typename: 'QueryResidentsConnection', totalCount: 1, edges: [{ __typename: 'QueryResidentsConnectionEdge', node: { ...paul, commune: null } }] } },
        }),
        EnrolInTrainingSession: () => answer,
      });
      await user.click(await screen.findByRole('button', { name: 'Inscrire un habitant' }));
      const dialog = await screen.findByRole('dialog');
      await user.type(within(dialog).getByRole('searchbox'), 'Paul{Enter}');
      await user.click(await within(dialog).findByRole('button', { name: 'Inscrire Paul Éluard' }));
      expect(await within(dialog).findByText('Paul Éluard : inscrit à la séance.')).toBeTruthy();
      answer = { data: { enrolInTrainingSession: { __typename: 'ConflictError', code: 'CONFLICT', message: 'Already enrolled' } } };
      await user.click(within(dialog).getByRole('button', { name: 'Inscrire Paul Éluard' }));
      expect(await within(dialog).findByText("Paul Éluard est déjà inscrit à cette séance ou sur sa liste d'attente.")).toBeTruthy();
    });

    it('cancels an enrolment with a reason, and says who was offered the place', async () => {
      const user = userEvent.setup();
      const requests = renderAt('/formations/seances/s1', {
        CancelEnrolment: () => ({
          data: {
            cancelEnrolment: {
              __typename: 'CancelEnrolmentSuccess',
              enrolment: { __typename: 'Enrolment', id: 'e1', status: 'CANCELLED' },
              offeredTo: {
                __typename: 'Enrolment',
                id: 'e3',
                status: 'OFFERED',
                offerExpiresAt: '2026-03-02T20:00:00Z',
                resident: { __typename: 'Resident', id: 'r-louise', displayName: 'Louise Michel' },
              },
            },
          },
        }),
      });
      await user.click(await screen.findByRole('button', { name: "Annuler l'inscription de Marie Curie" }));
      const dialog = await screen.findByRole('dialog', { name: "Annuler l'inscription de Marie Curie" });
      expect(within(dialog).getByText("La place libérée sera proposée à la première personne de la liste d'attente.")).toBeTruthy();
      await user.click(within(dialog).getByRole('button', { name: "Confirmer l'annulation" }));
      expect(within(dialog).getByText('Indiquez le motif.')).toBeTruthy();
      expect(byName(requests, 'CancelEnrolment')).toHaveLength(0);
      await user.type(within(dialog).getByRole('textbox', { name: 'Motif' }), '  Empêchement  ');
      await user.click(within(dialog).getByRole('button', { name: "Confirmer l'annulation" }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(byName(requests, 'CancelEnrolment')[0]?.variables).toEqual({ input: { enrolmentId: 'e1', reason: 'Empêchement' } });
      expect(
        screen.getByText("L'inscription de Marie Curie est annulée. La place a été proposée à Louise Michel, qui a jusqu'au 2 mars 2026 à 21:00 pour l'accepter."),
      ).toBeTruthy();
      // The answer holds a TrainingSession's enrolments: urql refetches the session.
      await waitFor(() => expect(byName(requests, 'SessionDetail').length).toBeGreaterThan(1));
    });

    it('says the place is free when nobody was waiting', async () => {
      const user = userEvent.setup();
      renderAt('/formations/seances/s1', {
        CancelEnrolment: () => ({
          data: { cancelEnrolment: { __typename: 'CancelEnrolmentSuccess', enrolment: { __typename: 'Enrolment', id: 'e1', status: 'CANCELLED' }, offeredTo: null } },
        }),
      });
      await user.click(await screen.findByRole('button', { name: "Annuler l'inscription de Marie Curie" }));
      const dialog = await screen.findByRole('dialog');
      await user.type(within(dialog).getByRole('textbox', { name: 'Motif' }), 'Malade');
      await user.click(within(dialog).getByRole('button', { name: "Confirmer l'annulation" }));
      expect(await screen.findByText("L'inscription de Marie Curie est annulée. Personne n'attendait : la place est de nouveau libre.")).toBeTruthy();
    });

    it('cancels the session with a reason; a refusal stays in the dialog', async () => {
      const user = userEvent.setup();
      let answer: unknown = { data: { cancelTrainingSession: { __typename: 'BadUserInputError', code: 'BAD_USER_INPUT', message: 'started' } } };
      const requests = renderAt('/formations/seances/s1', { CancelTrainingSession: () => answer });
      await user.click(await screen.findByRole('button', { name: 'Annuler la séance' }));
      const dialog = await screen.findByRole('dialog', { name: 'Annuler la séance' });
      expect(within(dialog).getByText("Les inscriptions des 2 personnes inscrites et des 1 personnes en liste d'attente seront annulées.")).toBeTruthy();
      await user.type(within(dialog).getByRole('textbox', { name: 'Motif' }), 'Formateur malade');
      await user.click(within(dialog).getByRole('button', { name: "Confirmer l'annulation de la séance" }));
      expect((await within(dialog).findByRole('alert')).textContent).toBe('Cette séance ne peut plus être annulée : elle a commencé.');
      answer = {
        data: {
          cancelTrainingSession: {
            __typename: 'CancelTrainingSessionSuccess',
            session: { __typename: 'TrainingSession', id: 's1', isCancelled: true, cancelReason: 'Formateur malade', freePlaces: 0 },
          },
        },
      };
      await user.click(within(dialog).getByRole('button', { name: "Confirmer l'annulation de la séance" }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(byName(requests, 'CancelTrainingSession').at(-1)?.variables).toEqual({ input: { sessionId: 's1', reason: 'Formateur malade' } });
      expect(screen.getByText('La séance est annulée.')).toBeTruthy();
    });

    it('shows a cancelled session with its reason, and no action', async () => {
      renderAt('/formations/seances/s1', { SessionDetail: () => ({ data: { node: sessionNode({ isCancelled: true, cancelReason: 'Travaux' }) } }) });
      expect(await screen.findByText('Cette séance est annulée. Motif : Travaux')).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Inscrire un habitant' })).toBeNull();
      expect(screen.queryByRole('button', { name: /Annuler/ })).toBeNull();
      expect(screen.queryByRole('heading', { name: 'Présences' })).toBeNull();
    });
  });

  describe('once the session has started', () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: AFTER }));

    it('takes attendance for each enrolled person, and no longer offers enrolment or cancellation', async () => {
      const user = userEvent.setup();
      const requests = renderAt('/formations/seances/s1', {
        SessionDetail: () => ({
          data: {
            node: sessionNode({
              enrolments: [
                enrolment('e1', 'ENROLLED', marie, { attendance: 'PRESENT' }),
                enrolment('e4', 'ENROLLED', paul),
                enrolment('e5', 'ENROLLED', louise),
              ],
            }),
          },
        }),
        RecordAttendance: () => ({
          data: { recordAttendance: { __typename: 'RecordAttendanceSuccess', session: { __typename: 'TrainingSession', id: 's1', enrolments: [] } } },
        }),
      });
      const marieAttendance = await screen.findByRole('radiogroup', { name: 'Présence de Marie Curie' });
      expect(within(marieAttendance).getByRole('radio', { name: 'Présent' })).toHaveProperty('checked', true);
      expect(screen.queryByRole('button', { name: 'Inscrire un habitant' })).toBeNull();
      expect(screen.queryByRole('button', { name: /Annuler/ })).toBeNull();
      await user.click(within(screen.getByRole('radiogroup', { name: 'Présence de Paul Éluard' })).getByRole('radio', { name: 'Excusé' }));
      await user.click(screen.getByRole('button', { name: 'Enregistrer les présences' }));
      expect(await screen.findByText('Présences enregistrées pour 2 personnes.')).toBeTruthy();
      expect(byName(requests, 'RecordAttendance')[0]?.variables).toEqual({
        input: { sessionId: 's1', attendances: [{ enrolmentId: 'e1', attendance: 'PRESENT' }, { enrolmentId: 'e4', attendance: 'EXCUSED' }] },
      });
      await user.click(screen.getByRole('button', { name: 'Tous présents' }));
      const louiseAttendance = screen.getByRole('radiogroup', { name: 'Présence de Louise Michel' });
      expect(within(louiseAttendance).getByRole('radio', { name: 'Présent' })).toHaveProperty('checked', true);
    });

    it('asks for at least one attendance before sending', async () => {
      const user = userEvent.setup();
      const requests = renderAt('/formations/seances/s1', {
        SessionDetail: () => ({ data: { node: sessionNode({ enrolments: [enrolment('e4', 'ENROLLED', paul)] }) } }),
      });
      await user.click(await screen.findByRole('button', { name: 'Enregistrer les présences' }));
      expect(screen.getByRole('alert').textContent).toBe("Indiquez la présence d'au moins une personne.");
      expect(byName(requests, 'RecordAttendance')).toHaveLength(0);
    });
  });

  it('says so for an id that is no session', async () => {
    renderAt('/formations/seances/inconnue', { SessionDetail: () => ({ data: { node: null } }) });
    expect(await screen.findByText("Cette séance n'existe pas ou plus.")).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Toutes les séances' }).getAttribute('href')).toBe('/formations');
  });

  it('says so for a malformed id', async () => {
    renderAt('/formations/seances/%20', {
      SessionDetail: () => ({ data: { node: null }, errors: [{ message: 'Invalid ID', path: ['node'], extensions: { code: 'BAD_USER_INPUT' } }] }),
    });
    expect(await screen.findByText("Cette séance n'existe pas ou plus.")).toBeTruthy();
  });

  it('explains a refusal of the enrolments, and offers Retry for other errors', async () => {
    const user = userEvent.setup();
    let calls = 0;
    renderAt('/formations/seances/s1', {
      SessionDetail: () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return { data: { node: null }, errors: [{ message: 'Forbidden', path: ['node', 'enrolments'], extensions: { code: 'FORBIDDEN' } }] };
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("La séance n'a pas pu être chargée.");
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByText('Cette séance a lieu dans une commune que vos droits ne couvrent pas.')).toBeTruthy();
  });
});
