import { ConsoleRoot, createGraphqlClient, isConsoleModule } from '@couronne/console-kit';
import { fakeGraphqlFetch } from '@couronne/console-kit/testing';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import intranet from './module.tsx';


function renderAt(path: string) {
  window.history.replaceState(null, '', path);
  const { fetch } = fakeGraphqlFetch(() => ({ data: { communes: { __typename: 'QueryCommunesConnection', totalCount: 0, edges: [] } } }));
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <intranet.Root basePath="/intranet" />
    </ConsoleRoot>,
  );
}

describe('the intranet module contract', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('is a ConsoleModule with the registry id and its French title', () => {
    expect(isConsoleModule(intranet)).toBe(true);
    expect(intranet.id).toBe('intranet');
    expect(intranet.title).toBe('Intranet');
  });

  it('shows its root screen at its base path', async () => {
    renderAt('/intranet');
    expect(await screen.findByRole('heading', { level: 1, name: "Communes de l'agglomération" })).toBeTruthy();
  });

  it('says so for a path it does not know', () => {
    renderAt('/intranet/inconnu');
    expect(screen.getByText("Cette page n'existe pas dans l'intranet.")).toBeTruthy();
  });
});
