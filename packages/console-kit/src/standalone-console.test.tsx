import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useQuery } from 'urql';
import { gql } from '@urql/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useConsole } from './console-context.tsx';
import { defineConsoleModule } from './module.ts';
import { createSessionStore, type Session } from './session.ts';
import { StandaloneConsole } from './standalone-console.tsx';
import { fakeGraphqlFetch, unauthenticatedResponse, type GraphqlResponder } from './testing.ts';

const CountQuery = gql<{ communes: { totalCount: number } }>`
  query Count {
    communes {
      totalCount
    }
  }
`;

function CountRoot({ basePath }: { basePath: string }) {
  const [result] = useQuery({ query: CountQuery });
  const { viewer } = useConsole();
  return <p>{result.data ? `${result.data.communes.totalCount} communes pour ${viewer?.displayName} sous «${basePath}»` : 'chargement'}</p>;
}
const countModule = defineConsoleModule({ id: 'intranet', title: 'Intranet', Root: CountRoot });

const session: Session = {
  token: 'cs_stored',
  expiresAt: '2999-01-01T00:00:00.000Z',
  viewer: { displayName: 'Sophie Bernard', email: 'sophie.bernard@capl.example', roles: [{ role: 'INTRANET', communes: [] }] },
};

function renderStandalone(respond: GraphqlResponder, stored: Session | null) {
  const store = createSessionStore(null);
  if (stored) store.set(stored);
  const { fetch, requests } = fakeGraphqlFetch(respond);
  render(<StandaloneConsole module={countModule} store={store} fetch={fetch} />);
  return { store, requests };
}

const count = { data: { communes: { __typename: 'QueryCommunesConnection', totalCount: 38 } } };

describe('StandaloneConsole', () => {
  beforeEach(() => window.localStorage.clear());

  it('shows the login form first, then the module with the token once signed in', async () => {
    const user = userEvent.setup();
    const { requests } = renderStandalone(
      (request) =>
        request.operationName === 'Login'
          ? { data: { login: { __typename: 'LoginSuccess', token: 'cs_new', expiresAt: '2999-01-01T00:00:00.000Z', agent: { __typename: 'Agent', ...session.viewer, roles: [] } } } }
          : count,
      null,
    );
    await user.type(screen.getByRole('textbox', { name: 'Adresse e-mail' }), 'sophie.bernard@capl.example');
    await user.type(screen.getByLabelText('Mot de passe'), 'Couronne-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByText('38 communes pour Sophie Bernard sous «»')).toBeTruthy();
    expect(requests.at(-1)?.authorization).toBe('Bearer cs_new');
  });

  it('signs out: calls logout with the token, forgets the session, says so', async () => {
    const user = userEvent.setup();
    const { store, requests } = renderStandalone(
      (request) => (request.operationName === 'Logout' ? { data: { logout: { __typename: 'LogoutSuccess' } } } : count),
      session,
    );
    await screen.findByText(/38 communes/);
    await user.click(screen.getByRole('button', { name: 'Se déconnecter' }));

    expect(store.get()).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Connexion à la console' })).toBeTruthy();
    expect(screen.getByText('Vous êtes déconnecté.')).toBeTruthy();
    const logout = requests.find((request) => request.operationName === 'Logout');
    expect(logout?.authorization).toBe('Bearer cs_stored');
  });

  it('goes back to the login form with a message when the token is refused', async () => {
    const { store } = renderStandalone(() => unauthenticatedResponse(), session);
    expect(await screen.findByText('Votre session a expiré, reconnectez-vous.')).toBeTruthy();
    expect(store.get()).toBeNull();
  });

  it('switches to English and back, and remembers it', async () => {
    const user = userEvent.setup();
    renderStandalone(() => count, null);
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to the console' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('couronne.locale')).toBe('en');
    await user.click(screen.getByRole('button', { name: 'Français' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Connexion à la console' })).toBeTruthy();
  });
});
