import { ConsoleRoot, createGraphqlClient, isConsoleModule } from '@couronne/console-kit';
import { fakeGraphqlFetch } from '@couronne/console-kit/testing';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import telehealth from './module.tsx';

const empty = { __typename: 'QueryPlacesConnection', totalCount: 0, edges: [] };

function renderAt(path: string) {
  window.history.replaceState(null, '', path);
  const { fetch } = fakeGraphqlFetch(() => ({ data: { places: empty } }));
  render(
    <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })}>
      <telehealth.Root basePath="/telesante" />
    </ConsoleRoot>,
  );
}

describe('the telehealth module contract', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('is a ConsoleModule with the registry id and its French title', () => {
    expect(isConsoleModule(telehealth)).toBe(true);
    expect(telehealth.id).toBe('telehealth');
    expect(telehealth.title).toBe('Télésanté');
  });

  it('shows its root screen at its base path', async () => {
    renderAt('/telesante');
    expect(await screen.findByRole('heading', { level: 1, name: "Centres de santé" })).toBeTruthy();
  });

  it('says so for a path it does not know', () => {
    renderAt('/telesante/inconnu');
    expect(screen.getByText("Cette page n'existe pas dans l'espace télésanté.")).toBeTruthy();
  });
});
