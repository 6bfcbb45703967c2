import { ConsoleRoot, createGraphqlClient, isConsoleModule } from '@couronne/console-kit';
import { fakeGraphqlFetch } from '@couronne/console-kit/testing';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import portal from './module.tsx';

const empty = { __typename: 'QueryPlacesConnection', totalCount: 0, edges: [] };

function renderAt(path: string) {
  window.history.replaceState(null, '', path);
  const { fetch } = fakeGraphqlFetch(() => ({ data: { creches: empty, schools: empty, leisureCentres: empty } }));
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <portal.Root basePath="/portail" />
    </ConsoleRoot>,
  );
}

describe('the portal module contract', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('is a ConsoleModule with the registry id and its French title', () => {
    expect(isConsoleModule(portal)).toBe(true);
    expect(portal.id).toBe('portal');
    expect(portal.title).toBe('Portail famille');
  });

  it('shows its root screen at its base path', async () => {
    renderAt('/portail');
    expect(await screen.findByRole('heading', { level: 1, name: "Lieux d'accueil des familles" })).toBeTruthy();
  });

  it('says so for a path it does not know', () => {
    renderAt('/portail/inconnu');
    expect(screen.getByText("Cette page n'existe pas dans le portail famille.")).toBeTruthy();
  });
});
