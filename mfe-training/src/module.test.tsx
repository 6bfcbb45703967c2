import { ConsoleRoot, createGraphqlClient, isConsoleModule } from '@couronne/console-kit';
import { fakeGraphqlFetch } from '@couronne/console-kit/testing';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import training from './module.tsx';

const empty = { __typename: 'QueryPlacesConnection', totalCount: 0, edges: [] };

function renderAt(path: string, basePath = '/formations') {
  window.history.replaceState(null, '', path);
  const { fetch } = fakeGraphqlFetch((request) => {
    if (request.operationName === 'SessionCalendar') return { data: { trainingSessions: { __typename: 'QueryTrainingSessionsConnection', totalCount: 0, edges: [] } } };
    if (request.operationName === 'SessionCalendarOptions') {
      return {
        data: {
          courses: { __typename: 'QueryCoursesConnection', edges: [] },
          schedulingResources: { __typename: 'QuerySchedulingResourcesConnection', edges: [] },
          viewer: { __typename: 'Viewer', agent: null },
        },
      };
    }
    return { data: { mediatheques: empty, tiersLieux: empty, makerspaces: empty, franceServices: empty } };
  });
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <training.Root basePath={basePath} />
    </ConsoleRoot>,
  );
}

const navigation = () => screen.getByRole('navigation', { name: "Rubriques de l'inclusion numérique" });

describe('the training module contract', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('is a ConsoleModule with the registry id and its French title', () => {
    expect(isConsoleModule(training)).toBe(true);
    expect(training.id).toBe('training');
    expect(training.title).toBe('Inclusion numérique');
  });

  it('shows the sessions at its base path, with its navigation under the base path', async () => {
    renderAt('/formations');
    expect(await screen.findByRole('heading', { level: 1, name: 'Séances de formation' })).toBeTruthy();
    const links = within(navigation()).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Séances', '/formations'],
      ['Catalogue', '/formations/catalogue'],
      ['Agenda des conseillers', '/formations/agenda'],
      ['Statistiques', '/formations/statistiques'],
      ['Équipements', '/formations/equipements'],
      ['Lieux', '/formations/lieux'],
    ]);
    expect(links.filter((link) => link.hasAttribute('aria-current')).map((link) => [link.textContent, link.getAttribute('aria-current')])).toEqual([
      ['Séances', 'page'],
    ]);
  });

  it('moves between its pages without reloading, and marks the current one', async () => {
    const user = userEvent.setup();
    renderAt('/formations');
    await user.click(within(navigation()).getByRole('link', { name: 'Lieux' }));
    expect(window.location.pathname).toBe('/formations/lieux');
    expect(await screen.findByRole('heading', { level: 1, name: "Lieux de l'inclusion numérique" })).toBeTruthy();
    expect(within(navigation()).getByRole('link', { name: 'Lieux' }).getAttribute('aria-current')).toBe('page');
    expect(within(navigation()).getByRole('link', { name: 'Séances' }).hasAttribute('aria-current')).toBe(false);
  });

  it('marks « Séances » as the section of a session page', () => {
    renderAt('/formations/seances/s1');
    expect(within(navigation()).getByRole('link', { name: 'Séances' }).getAttribute('aria-current')).toBe('true');
  });

  it('links from the root when standalone', () => {
    renderAt('/catalogue', '');
    expect(within(navigation()).getByRole('link', { name: 'Séances' }).getAttribute('href')).toBe('/');
    expect(within(navigation()).getByRole('link', { name: 'Catalogue' }).getAttribute('aria-current')).toBe('page');
  });

  it('says so for a path it does not know', () => {
    renderAt('/formations/inconnu');
    expect(screen.getByText("Cette page n'existe pas dans l'espace inclusion numérique.")).toBeTruthy();
  });
});
