import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConsoleRoot } from './console-root.tsx';
import { createGraphqlClient } from './graphql-client.ts';
import { LoginPage } from './login-page.tsx';
import { fakeGraphqlFetch, schemaErrors, type GraphqlResponder } from './testing.ts';
import { LoginMutation, LogoutMutation } from './auth.graphql.ts';
import schemaSdl from '../../../schema.graphql?raw';

const emma = {
  __typename: 'Agent',
  displayName: 'Emma Roux',
  email: 'emma.roux@capl.example',
  roles: [
    { __typename: 'RoleGrant', role: 'PORTAL', communes: [] },
    { __typename: 'RoleGrant', role: 'TRAINING', communes: [{ __typename: 'Commune', name: 'Laon' }] },
  ],
};

function renderLogin(respond: GraphqlResponder, notice?: string) {
  const { fetch, requests } = fakeGraphqlFetch(respond);
  const onSuccess = vi.fn();
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <LoginPage onSuccess={onSuccess} notice={notice} />
    </ConsoleRoot>,
  );
  return { onSuccess, requests };
}

describe('LoginPage', () => {
  it('asks the API only what schema.graphql offers', () => {
    expect(schemaErrors(LoginMutation, schemaSdl)).toEqual([]);
    expect(schemaErrors(LogoutMutation, schemaSdl)).toEqual([]);
  });

  it('has a French heading, labelled required fields and focuses the email field', () => {
    renderLogin(() => ({}));
    expect(screen.getByRole('heading', { level: 1, name: 'Connexion à la console' })).toBeTruthy();
    const email = screen.getByRole('textbox', { name: 'Adresse e-mail' });
    expect(email.getAttribute('aria-required')).toBe('true');
    expect(email.getAttribute('autocomplete')).toBe('username');
    expect(screen.getByLabelText('Mot de passe').getAttribute('type')).toBe('password');
    expect(document.activeElement).toBe(email);
  });

  it('signs in and hands over the session with the viewer', async () => {
    const user = userEvent.setup();
    const { onSuccess, requests } = renderLogin(() => ({
      data: { login: { __typename: 'LoginSuccess', token: 'cs_new', expiresAt: '2026-03-02T18:00:00.000Z', agent: emma } },
    }));
    await user.type(screen.getByRole('textbox', { name: 'Adresse e-mail' }), ' emma.roux@capl.example ');
    await user.type(screen.getByLabelText('Mot de passe'), 'Couronne-demo-2026');
    await user.keyboard('{Enter}');

    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(requests[0]?.variables).toEqual({ input: { email: 'emma.roux@capl.example', password: 'Couronne-demo-2026' } });
    expect(onSuccess).toHaveBeenCalledWith({
      token: 'cs_new',
      expiresAt: '2026-03-02T18:00:00.000Z',
      viewer: {
        displayName: 'Emma Roux',
        email: 'emma.roux@capl.example',
        roles: [
          { role: 'PORTAL', communes: [] },
          { role: 'TRAINING', communes: ['Laon'] },
        ],
      },
    });
  });

  it('ties an error to each empty field and focuses the first, without calling the API', async () => {
    const user = userEvent.setup();
    const { requests } = renderLogin(() => ({}));
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    const email = screen.getByRole('textbox', { name: 'Adresse e-mail' });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Saisissez votre adresse e-mail.')).toBeTruthy();
    expect(screen.getByText('Saisissez votre mot de passe.')).toBeTruthy();
    expect(document.activeElement).toBe(email);
    expect(requests).toHaveLength(0);
  });

  it.each([
    ['UnauthenticatedError', 'Adresse e-mail ou mot de passe incorrect.'],
    ['RateLimitedError', 'Trop de tentatives de connexion. Patientez quelques minutes avant de réessayer.'],
  ])('announces %s in French, focuses the message and clears the password', async (typename, message) => {
    const user = userEvent.setup();
    renderLogin(() => ({ data: { login: { __typename: typename, code: 'X', message: 'english' } } }));
    await user.type(screen.getByRole('textbox', { name: 'Adresse e-mail' }), 'x@capl.example');
    await user.type(screen.getByLabelText('Mot de passe'), 'faux');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));

    const alert = await screen.findByText(message);
    expect(alert.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(alert);
    expect((screen.getByLabelText('Mot de passe') as HTMLInputElement).value).toBe('');
  });

  it('says so when the API cannot be reached', async () => {
    const user = userEvent.setup();
    renderLogin(() => {
      throw new TypeError('Failed to fetch');
    });
    await user.type(screen.getByRole('textbox', { name: 'Adresse e-mail' }), 'x@capl.example');
    await user.type(screen.getByLabelText('Mot de passe'), 'x');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByText('La connexion a échoué. Vérifiez votre connexion au réseau, puis réessayez.')).toBeTruthy();
  });

  it('announces why the agent is here', () => {
    renderLogin(() => ({}), 'Votre session a expiré, reconnectez-vous.');
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain('Votre session a expiré, reconnectez-vous.');
  });
});
