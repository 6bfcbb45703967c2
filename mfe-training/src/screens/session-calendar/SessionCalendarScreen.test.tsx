import { ConsoleRoot, createGraphqlClient, ModuleRoutes } from '@couronne/console-kit';
import { fakeGraphqlFetch, schemaErrors, type GraphqlRequest, type GraphqlResponder } from '@couronne/console-kit/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '../../routes.tsx';
import { ScheduleTrainingSessionMutation, SessionCalendarOptionsQuery, SessionCalendarQuery } from './session-calendar.graphql.ts';
import schemaSdl from '../../../../schema.graphql?raw';

const mediatheque = { __typename: 'Place', id: 'place-med', name: 'Médiathèque Suzanne-Martinet' };
const fabLab = { __typename: 'Place', id: 'place-fab', name: 'Fab lab du Griffon' };

function session(id: string, title: string, startsAt: string, endsAt: string, freePlaces: number, waitlistCount = 0, place = mediatheque) {
  return {
    __typename: 'TrainingSession',
    id,
    startsAt,
    endsAt,
    capacity: 8,
    freePlaces,
    waitlistCount,
    course: { __typename: 'Course', id: `course-${id}`, title },
    place,
    room: { __typename: 'SchedulingResource', id: `room-${place.id}`, name: 'Salle 1' },
  };
}

// Tuesday 3 March 2026, 09:00–10:30 in Paris; Thursday 5 March, 14:00–16:00.
const tablet = session('s1', 'Atelier tablette', '2026-03-03T08:00:00Z', '2026-03-03T09:30:00Z', 3);
const email = session('s2', 'Ma messagerie', '2026-03-05T13:00:00Z', '2026-03-05T15:00:00Z', 0, 2);

const connection = (nodes: unknown[]) => ({
  __typename: 'QueryTrainingSessionsConnection',
  totalCount: nodes.length,
  edges: nodes.map((node) => ({ __typename: 'QueryTrainingSessionsConnectionEdge', node })),
});

const options = {
  courses: {
    __typename: 'QueryCoursesConnection',
    edges: [
      { __typename: 'QueryCoursesConnectionEdge', node: { __typename: 'Course', id: 'course-tablet', title: 'Atelier tablette', durationMinutes: 90 } },
      { __typename: 'QueryCoursesConnectionEdge', node: { __typename: 'Course', id: 'course-email', title: 'Ma messagerie', durationMinutes: 120 } },
    ],
  },
  schedulingResources: {
    __typename: 'QuerySchedulingResourcesConnection',
    edges: [
      { __typename: 'QuerySchedulingResourcesConnectionEdge', node: { __typename: 'SchedulingResource', id: 'room-med', name: 'Salle du conte', place: mediatheque } },
      { __typename: 'QuerySchedulingResourcesConnectionEdge', node: { __typename: 'SchedulingResource', id: 'room-fab', name: 'Atelier', place: fabLab } },
    ],
  },
  viewer: { __typename: 'Viewer', agent: { __typename: 'Agent', id: 'agent-1', displayName: 'Claire Martin' } },
};

type Answers = {
  sessions?: (request: GraphqlRequest) => unknown;
  schedule?: (request: GraphqlRequest) => unknown;
  options?: (request: GraphqlRequest) => unknown;
};

function renderAt(path: string, answers: Answers = {}) {
  window.history.replaceState(null, '', path);
  const respond: GraphqlResponder = (request) => {
    if (request.operationName === 'SessionCalendarOptions') return answers.options?.(request) ?? { data: options };
    if (request.operationName === 'SessionCalendar') return answers.sessions?.(request) ?? { data: { trainingSessions: connection([tablet, email]) } };
    if (request.operationName === 'ScheduleTrainingSession') return answers.schedule?.(request);
    return { data: { node: null } };
  };
  const { fetch, requests } = fakeGraphqlFetch(respond);
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <ModuleRoutes basePath="/formations" routes={routes} loading={<p>chargement</p>} notFound={<p>introuvable</p>} />
    </ConsoleRoot>,
  );
  return requests;
}

const calendarRequests = (requests: GraphqlRequest[]) => requests.filter((request) => request.operationName === 'SessionCalendar');

async function choose(user: ReturnType<typeof userEvent.setup>, label: string | RegExp, option: string) {
  await user.click(screen.getByRole('button', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('SessionCalendarScreen', () => {
  beforeEach(() => {
    // Monday 2 March 2026, 09:00 in Paris; only Date is faked, timers run.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-02T08:00:00Z') });
  });
  afterEach(() => vi.useRealTimers());

  it('asks the API only what schema.graphql offers', () => {
    expect(schemaErrors(SessionCalendarQuery, schemaSdl)).toEqual([]);
    expect(schemaErrors(SessionCalendarOptionsQuery, schemaSdl)).toEqual([]);
    expect(schemaErrors(ScheduleTrainingSessionMutation, schemaSdl)).toEqual([]);
  });

  it("shows this week's sessions, Monday to Sunday in Paris, with their course, place and free places", async () => {
    const requests = renderAt('/formations');
    const tuesday = await screen.findByRole('group', { name: 'mardi 3 mars, 1 rendez-vous' });
    expect(within(tuesday).getByRole('button').textContent).toBe('09:00 – 10:30 Atelier tablette, Médiathèque Suzanne-Martinet, 3 places libres');
    const thursday = screen.getByRole('group', { name: 'jeudi 5 mars, 1 rendez-vous' });
    expect(within(thursday).getByRole('button').textContent).toBe("14:00 – 16:00 Ma messagerie, Médiathèque Suzanne-Martinet, complet (2 en liste d'attente)");
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Semaine du 2 mars 2026 au 8 mars 2026');
    expect(screen.getByRole('region', { name: 'Séances de la semaine du 2 mars 2026 au 8 mars 2026' })).toBeTruthy();
    expect(calendarRequests(requests)[0]?.variables).toEqual({ filter: { from: '2026-03-01T23:00:00.000Z', to: '2026-03-08T23:00:00.000Z' } });
  });

  it("opens a session's page from the calendar, with the keyboard", async () => {
    const user = userEvent.setup();
    renderAt('/formations');
    const event = await screen.findByRole('button', { name: /Atelier tablette/ });
    event.focus();
    await user.keyboard('{Enter}');
    expect(window.location.pathname).toBe('/formations/seances/s1');
  });

  it('moves by week, or to the week of a day, and keeps the week in the address', async () => {
    const user = userEvent.setup();
    const requests = renderAt('/formations');
    await screen.findByRole('button', { name: /Atelier tablette/ });
    expect(screen.getByRole('button', { name: 'Cette semaine' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Semaine suivante' }));
    expect(window.location.search).toBe('?jour=2026-03-09');
    await waitFor(() => expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Semaine du 9 mars 2026 au 15 mars 2026'));
    expect(calendarRequests(requests).at(-1)?.variables).toEqual({ filter: { from: '2026-03-08T23:00:00.000Z', to: '2026-03-15T23:00:00.000Z' } });
    await user.click(screen.getByRole('button', { name: 'Semaine précédente' }));
    await user.click(screen.getByRole('button', { name: 'Semaine précédente' }));
    expect(window.location.search).toBe('?jour=2026-02-23');
    await user.click(screen.getByRole('button', { name: 'Cette semaine' }));
    expect(window.location.search).toBe('');
  });

  it('shows the week of a deep link, summer time included', async () => {
    const requests = renderAt('/formations?jour=2026-07-15');
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('Semaine du 13 juillet 2026 au 19 juillet 2026');
    expect(calendarRequests(requests)[0]?.variables).toEqual({ filter: { from: '2026-07-12T22:00:00.000Z', to: '2026-07-19T22:00:00.000Z' } });
  });

  it('filters by place and by course', async () => {
    const user = userEvent.setup();
    const requests = renderAt('/formations');
    await screen.findByRole('button', { name: /Atelier tablette/ });
    await choose(user, /Lieu$/, 'Fab lab du Griffon');
    expect(window.location.search).toBe('?lieu=place-fab');
    await waitFor(() => expect(calendarRequests(requests).at(-1)?.variables).toMatchObject({ filter: { placeIds: ['place-fab'] } }));
    await choose(user, /Formation$/, 'Ma messagerie');
    await waitFor(() =>
      expect(calendarRequests(requests).at(-1)?.variables).toMatchObject({ filter: { placeIds: ['place-fab'], courseIds: ['course-email'] } }),
    );
    await choose(user, /Lieu$/, 'Tous les lieux');
    expect(window.location.search).toBe('?formation=course-email');
  });

  it('says so when the week has no session', async () => {
    renderAt('/formations?lieu=place-fab', { sessions: () => ({ data: { trainingSessions: connection([]) } }) });
    expect(await screen.findByText('Aucune séance cette semaine.')).toBeTruthy();
    expect(screen.getByText('Aucune séance ne correspond aux filtres choisis.')).toBeTruthy();
  });

  it('shows an error with Retry, then the sessions', async () => {
    const user = userEvent.setup();
    let calls = 0;
    renderAt('/formations', {
      sessions: () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return undefined;
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Les séances de la semaine n'ont pas pu être chargées.");
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('button', { name: /Atelier tablette/ })).toBeTruthy();
  });

  describe('« Programmer une séance »', () => {
    async function openDialog(user: ReturnType<typeof userEvent.setup>) {
      await user.click(await screen.findByRole('button', { name: 'Programmer une séance' }));
      return screen.findByRole('dialog', { name: 'Programmer une séance' });
    }

    async function fill(user: ReturnType<typeof userEvent.setup>) {
      await choose(user, /Formation$/, 'Atelier tablette');
      await choose(user, /Salle$/, 'Salle du conte (Médiathèque Suzanne-Martinet)');
      const time = within(screen.getByRole('group', { name: 'Heure de début' })).getAllByRole('spinbutton');
      await user.click(time[0]!);
      await user.keyboard('1430');
      const capacity = screen.getByRole('textbox', { name: 'Nombre de places' });
      await user.clear(capacity);
      await user.type(capacity, '10');
    }

    it('offers Retry when the courses and rooms could not be loaded', async () => {
      const user = userEvent.setup();
      let calls = 0;
      renderAt('/formations', {
        options: () => {
          calls += 1;
          return calls === 1 ? { errors: [{ message: 'boom', extensions: { code: 'INTERNAL' } }] } : undefined;
        },
      });
      const dialog = await openDialog(user);
      const alert = await within(dialog).findByRole('alert');
      expect(alert.textContent).toContain("Les formations et les salles n'ont pas pu être chargées.");
      await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
      expect(await within(dialog).findByRole('button', { name: /Salle$/ })).toBeTruthy();
    });

    it('says what is missing, next to each field', async () => {
      const user = userEvent.setup();
      const requests = renderAt('/formations');
      const dialog = await openDialog(user);
      await user.click(within(dialog).getByRole('button', { name: 'Programmer la séance' }));
      expect(within(dialog).getByText('Choisissez une formation.')).toBeTruthy();
      expect(within(dialog).getByText('Choisissez une salle.')).toBeTruthy();
      expect(within(dialog).getByText("Indiquez l'heure de début (heures et minutes).")).toBeTruthy();
      expect(requests.some((request) => request.operationName === 'ScheduleTrainingSession')).toBe(false);
    });

    it('schedules the session at the Paris time given, then says so with a link to it', async () => {
      const user = userEvent.setup();
      const requests = renderAt('/formations', {
        schedule: () => ({
          data: { scheduleTrainingSession: { __typename: 'ScheduleTrainingSessionSuccess', session: { __typename: 'TrainingSession', id: 's9', startsAt: '2026-03-02T13:30:00Z' } } },
        }),
      });
      const dialog = await openDialog(user);
      await fill(user);
      expect(within(dialog).getByText('Heure de Paris ; la séance finira à 16:00.')).toBeTruthy();
      await choose(user, /Formateur \(facultatif\)$/, 'Moi-même (Claire Martin)');
      await user.click(within(dialog).getByRole('button', { name: 'Programmer la séance' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      const scheduled = requests.find((request) => request.operationName === 'ScheduleTrainingSession');
      expect(scheduled?.variables).toEqual({
        input: { courseId: 'course-tablet', roomId: 'room-med', startsAt: '2026-03-02T13:30:00.000Z', capacity: 10, trainerId: 'agent-1' },
      });
      expect(screen.getByText(/Séance programmée le 2 mars 2026 à 14:30\./)).toBeTruthy();
      expect(screen.getByRole('link', { name: 'Voir la séance' }).getAttribute('href')).toBe('/formations/seances/s9');
    });

    it('says the room is taken when the API answers CONFLICT, and keeps the form', async () => {
      const user = userEvent.setup();
      renderAt('/formations', {
        schedule: () => ({ data: { scheduleTrainingSession: { __typename: 'ConflictError', code: 'CONFLICT', message: 'The room is taken' } } }),
      });
      const dialog = await openDialog(user);
      await fill(user);
      await user.click(within(dialog).getByRole('button', { name: 'Programmer la séance' }));
      expect((await within(dialog).findByRole('alert')).textContent).toBe('Cette salle est déjà occupée à cet horaire.');
      expect(screen.getByRole('dialog', { name: 'Programmer une séance' })).toBeTruthy();
    });

    it('explains a refusal or a top-level error in French', async () => {
      const user = userEvent.setup();
      let answer: unknown = { data: { scheduleTrainingSession: { __typename: 'BadUserInputError', code: 'BAD_USER_INPUT', message: 'No group type' } } };
      renderAt('/formations', { schedule: () => answer });
      const dialog = await openDialog(user);
      await fill(user);
      await user.click(within(dialog).getByRole('button', { name: 'Programmer la séance' }));
      expect((await within(dialog).findByRole('alert')).textContent).toMatch(/^Cette séance ne peut pas être programmée ainsi/);
      answer = { data: { scheduleTrainingSession: null }, errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] };
      await user.click(within(dialog).getByRole('button', { name: 'Programmer la séance' }));
      await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe("Vous n'avez pas le droit de faire cette action ici."));
    });
  });
});
