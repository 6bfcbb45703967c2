import { ConsoleRoot, createGraphqlClient } from '@couronne/console-kit';
import { fakeGraphqlFetch, schemaErrors, type GraphqlRequest, type GraphqlResponder } from '@couronne/console-kit/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CourseCatalogueScreen } from './CourseCatalogueScreen.tsx';
import { ArchiveCourseMutation, CourseCatalogueQuery, CreateCourseMutation, UpdateCourseMutation } from './course-catalogue.graphql.ts';
import schemaSdl from '../../../../schema.graphql?raw';

function course(id: string, title: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Course',
    id,
    title,
    description: `${title} : description`,
    themes: ['SMARTPHONE'],
    level: 'BEGINNER',
    audience: 'RESIDENTS',
    durationMinutes: 90,
    isArchived: false,
    sessions: { __typename: 'CourseSessionsConnection', totalCount: 2 },
    ...overrides,
  };
}

const tablet = course('c1', 'Atelier tablette');
const shop = course('c2', 'Vendre en ligne', {
  themes: ['ECOMMERCE_VISIBILITY', 'SOCIAL_NETWORKS'],
  level: 'INTERMEDIATE',
  audience: 'BUSINESSES',
  durationMinutes: 180,
  sessions: { __typename: 'CourseSessionsConnection', totalCount: 0 },
});
const ai = course('c3', "L'IA au quotidien", { themes: ['ARTIFICIAL_INTELLIGENCE'], level: 'ADVANCED', durationMinutes: 45 });

const catalogue = (nodes: unknown[], totalCount = nodes.length) => ({
  data: {
    courses: {
      __typename: 'QueryCoursesConnection',
      totalCount,
      edges: nodes.map((node) => ({ __typename: 'QueryCoursesConnectionEdge', node })),
    },
  },
});

function renderScreen(respond: GraphqlResponder) {
  const { fetch, requests } = fakeGraphqlFetch(respond);
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <CourseCatalogueScreen />
    </ConsoleRoot>,
  );
  return requests;
}

const byName = (requests: GraphqlRequest[], name: string) => requests.filter((request) => request.operationName === name);
const rowOf = (title: string) => screen.getByRole('rowheader', { name: title }).closest('tr')!;

async function choose(user: ReturnType<typeof userEvent.setup>, label: RegExp, option: string) {
  await user.click(screen.getByRole('button', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('CourseCatalogueScreen', () => {
  it('asks the API only what schema.graphql offers', () => {
    for (const document of [CourseCatalogueQuery, CreateCourseMutation, UpdateCourseMutation, ArchiveCourseMutation]) {
      expect(schemaErrors(document, schemaSdl)).toEqual([]);
    }
  });

  it('lists the courses by title with their themes, level, audience, length and sessions to come, in French', async () => {
    renderScreen(() => catalogue([tablet, shop, ai]));
    const table = await screen.findByRole('table', { name: 'Formations du catalogue (3 formations)' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Atelier tablette', "L'IA au quotidien", 'Vendre en ligne']);
    expect(within(rowOf('Vendre en ligne')).getAllByRole('cell').slice(0, 5).map((cell) => cell.textContent)).toEqual([
      'Vente et visibilité en ligne, Réseaux sociaux',
      'Intermédiaire',
      'Artisans et commerçants',
      '3 h',
      '0',
    ]);
    expect(within(rowOf('Atelier tablette')).getAllByRole('cell')[3]?.textContent).toBe('1 h 30');
    expect(within(rowOf("L'IA au quotidien")).getAllByRole('cell')[3]?.textContent).toBe('45 min');
    expect(within(rowOf('Atelier tablette')).getByRole('button', { name: 'Modifier Atelier tablette' }).textContent).toBe('Modifier');
  });

  it('sorts by a column and pages by ten', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 12 }, (_, i) => course(`m${i}`, `Formation ${String(i + 1).padStart(2, '0')}`, { durationMinutes: 30 + i }));
    renderScreen(() => catalogue(many));
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    expect(screen.getByText('Page 1 sur 2')).toBeTruthy();
    await user.click(within(table).getByRole('button', { name: /Durée/ }));
    await user.click(within(table).getByRole('button', { name: /Durée/ }));
    expect(within(table).getAllByRole('rowheader')[0]?.textContent).toBe('Formation 12');
  });

  it('asks the API for the chosen theme, audience and search words', async () => {
    const user = userEvent.setup();
    const requests = renderScreen((request) => {
      const filter = (request.variables?.filter ?? {}) as { search?: string };
      return catalogue(filter.search === 'zzz' ? [] : [tablet]);
    });
    await screen.findByRole('table');
    expect(byName(requests, 'CourseCatalogue')[0]?.variables).toEqual({ filter: {} });
    await choose(user, / Thème$/, 'Sécurité en ligne');
    await choose(user, / Public$/, 'Artisans et commerçants');
    await waitFor(() =>
      expect(byName(requests, 'CourseCatalogue').at(-1)?.variables).toEqual({ filter: { themes: ['ONLINE_SAFETY'], audience: 'BUSINESSES' } }),
    );
    await user.type(screen.getByRole('searchbox', { name: 'Rechercher' }), 'zzz');
    expect(await screen.findByText('Aucune formation ne correspond aux filtres choisis.')).toBeTruthy();
    expect(byName(requests, 'CourseCatalogue').at(-1)?.variables).toEqual({ filter: { themes: ['ONLINE_SAFETY'], audience: 'BUSINESSES', search: 'zzz' } });
    // The search waits for the typing to pause: one request for three letters.
    expect(byName(requests, 'CourseCatalogue').filter((request) => (request.variables?.filter as { search?: string }).search)).toHaveLength(1);
  });

  it('shows an error with Retry, then the courses', async () => {
    const user = userEvent.setup();
    let calls = 0;
    renderScreen(() => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return catalogue([tablet]);
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Le catalogue des formations n'a pas pu être chargé.");
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('rowheader', { name: 'Atelier tablette' })).toBeTruthy();
  });

  it('says so when the catalogue is empty', async () => {
    renderScreen(() => catalogue([]));
    expect(await screen.findByText('Le catalogue ne compte encore aucune formation.')).toBeTruthy();
  });

  describe('« Nouvelle formation »', () => {
    it('says under each field what is missing, and sends nothing', async () => {
      const user = userEvent.setup();
      const requests = renderScreen(() => catalogue([tablet]));
      await user.click(await screen.findByRole('button', { name: 'Nouvelle formation' }));
      const dialog = await screen.findByRole('dialog', { name: 'Nouvelle formation' });
      await user.click(within(dialog).getByRole('button', { name: 'Ajouter au catalogue' }));
      expect(within(dialog).getByText('Le formulaire contient 6 erreurs, indiquées sous les champs concernés.')).toBeTruthy();
      expect(within(dialog).getByRole('textbox', { name: 'Titre' }).getAttribute('aria-invalid')).toBe('true');
      const themes = within(dialog).getByRole('group', { name: 'Thèmes' });
      expect(themes.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain(
        'Choisissez au moins un thème.',
      );
      for (const message of ['Indiquez le titre de la formation.', 'Décrivez la formation.', 'Choisissez un niveau.', 'Choisissez un public.']) {
        expect(within(dialog).getByText(message)).toBeTruthy();
      }
      expect(within(dialog).getByText(/^Indiquez une durée entre 1 et 1\s440 minutes\.$/)).toBeTruthy();
      expect(within(dialog).getByText(/au plus une journée \(1\s440 minutes\)/)).toBeTruthy();
      expect(byName(requests, 'CreateCourse')).toHaveLength(0);
    });

    it('creates the course, closes and says so; a taken title is shown on the title field', async () => {
      const user = userEvent.setup();
      let answer: unknown = { data: { createCourse: { __typename: 'ConflictError', code: 'CONFLICT', message: 'Title taken' } } };
      const requests = renderScreen((request) => (request.operationName === 'CreateCourse' ? answer : catalogue([tablet])));
      await user.click(await screen.findByRole('button', { name: 'Nouvelle formation' }));
      const dialog = await screen.findByRole('dialog', { name: 'Nouvelle formation' });
      await user.type(within(dialog).getByRole('textbox', { name: 'Titre' }), 'Créer sa boutique en ligne');
      await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Vendre ses produits sur internet.');
      await user.click(within(dialog).getByRole('checkbox', { name: 'Vente et visibilité en ligne' }));
      await user.click(within(dialog).getByRole('checkbox', { name: 'Réseaux sociaux' }));
      await user.click(within(dialog).getByRole('radio', { name: 'Débutant' }));
      await user.click(within(dialog).getByRole('radio', { name: 'Artisans et commerçants' }));
      await user.type(within(dialog).getByRole('textbox', { name: "Durée d'une séance (en minutes)" }), '120');
      await user.click(within(dialog).getByRole('button', { name: 'Ajouter au catalogue' }));
      expect(await within(dialog).findByText('Une formation du catalogue porte déjà ce titre.')).toBeTruthy();
      expect(byName(requests, 'CreateCourse')[0]?.variables).toEqual({
        input: {
          title: 'Créer sa boutique en ligne',
          description: 'Vendre ses produits sur internet.',
          themes: ['ECOMMERCE_VISIBILITY', 'SOCIAL_NETWORKS'],
          level: 'BEGINNER',
          audience: 'BUSINESSES',
          durationMinutes: 120,
        },
      });

      answer = { data: { createCourse: { __typename: 'CreateCourseSuccess', course: course('c9', 'Créer sa boutique en ligne') } } };
      await user.click(within(dialog).getByRole('button', { name: 'Ajouter au catalogue' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(screen.getByText('La formation « Créer sa boutique en ligne » a été ajoutée au catalogue.')).toBeTruthy();
      // The new course is a Course: urql refetches the catalogue.
      await waitFor(() => expect(byName(requests, 'CourseCatalogue').length).toBeGreaterThan(1));
    });
  });

  it('« Modifier » opens the course filled in and sends its id with the changes', async () => {
    const user = userEvent.setup();
    const requests = renderScreen((request) =>
      request.operationName === 'UpdateCourse'
        ? { data: { updateCourse: { __typename: 'UpdateCourseSuccess', course: { ...tablet, title: 'Atelier tablette et smartphone' } } } }
        : catalogue([tablet]),
    );
    await user.click(await screen.findByRole('button', { name: 'Modifier Atelier tablette' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier la formation' });
    const title = within(dialog).getByRole('textbox', { name: 'Titre' });
    expect((title as HTMLInputElement).value).toBe('Atelier tablette');
    expect(within(dialog).getByRole('checkbox', { name: 'Smartphone et tablette' })).toHaveProperty('checked', true);
    expect(within(dialog).getByRole('radio', { name: 'Débutant' })).toHaveProperty('checked', true);
    await user.type(title, ' et smartphone');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Messagerie électronique' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer les modifications' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(byName(requests, 'UpdateCourse')[0]?.variables).toEqual({
      input: {
        courseId: 'c1',
        title: 'Atelier tablette et smartphone',
        description: 'Atelier tablette : description',
        themes: ['SMARTPHONE', 'EMAIL'],
        level: 'BEGINNER',
        audience: 'RESIDENTS',
        durationMinutes: 90,
      },
    });
    expect(screen.getByText('La formation « Atelier tablette et smartphone » a été modifiée.')).toBeTruthy();
  });

  it('« Archiver » asks for confirmation, says the sessions to come are kept, then archives', async () => {
    const user = userEvent.setup();
    let answer: unknown = { data: { archiveCourse: { __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'gone' } } };
    const requests = renderScreen((request) => (request.operationName === 'ArchiveCourse' ? answer : catalogue([tablet])));
    await user.click(await screen.findByRole('button', { name: 'Archiver Atelier tablette' }));
    const dialog = await screen.findByRole('dialog', { name: 'Archiver « Atelier tablette » ?' });
    expect(within(dialog).getByText(/Ses 2 séances à venir sont maintenues\./)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Archiver la formation' }));
    expect((await within(dialog).findByRole('alert', {})).textContent).toBe("Cette formation n'existe plus ; rechargez la page.");
    answer = { data: { archiveCourse: { __typename: 'ArchiveCourseSuccess', course: { ...tablet, isArchived: true } } } };
    await user.click(within(dialog).getByRole('button', { name: 'Archiver la formation' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(byName(requests, 'ArchiveCourse').map((request) => request.variables)).toEqual([{ input: { courseId: 'c1' } }, { input: { courseId: 'c1' } }]);
    expect(screen.getByText('La formation « Atelier tablette » a été archivée.')).toBeTruthy();
  });
});
