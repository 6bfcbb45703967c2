import { ConsoleRoot, createGraphqlClient, isConsoleModule } from '@couronne/console-kit';
import { fakeGraphqlFetch } from '@couronne/console-kit/testing';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import training from './module.tsx';

const empty = { __typename: 'QueryPlacesConnection', totalCount: 0, edges: [] };

function renderAt(path: string) {
  window.history.replaceState(null, '', path);
  const { fetch } = fakeGraphqlFetch(() => ({ data: { mediatheques: empty, tiersLieux: empty, makerspaces: empty, franceServices: empty } }));
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <training.Root basePath="/formations" />
    </ConsoleRoot>,
  );
}

describe('the training module contract', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('is a ConsoleModule with the registry id and its French title', () => {
    expect(isConsoleModule(training)).toBe(true);
    expect(training.id).toBe('training');
    expect(training.title).toBe('Inclusion numérique');
  });

  it('shows its root screen at its base path', async () => {
    renderAt('/formations');
    expect(await screen.findByRole('heading', { level: 1, name: "Lieux de l'inclusion numérique" })).toBeTruthy();
  });

  it('says so for a path it does not know', () => {
    renderAt('/formations/inconnu');
    expect(screen.getByText("Cette page n'existe pas dans l'espace inclusion numérique.")).toBeTruthy();
  });
});
