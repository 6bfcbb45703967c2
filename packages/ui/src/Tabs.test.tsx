import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Tabs } from './Tabs.tsx';

describe('Tabs', () => {
  it('is a labelled tab list; arrows select the next tab and show its panel', async () => {
    const user = userEvent.setup();
    render(
      <Tabs
        label="Fiche de l’enfant"
        items={[
          { id: 'inscriptions', title: 'Inscriptions', content: <p>Cantine</p> },
          { id: 'factures', title: 'Factures', content: <p>Mars 2026</p> },
        ]}
      />,
    );
    expect(screen.getByRole('tablist', { name: 'Fiche de l’enfant' })).toBeTruthy();
    expect(screen.getByRole('tabpanel').textContent).toBe('Cantine');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Inscriptions' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Factures' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Factures' }).textContent).toBe('Mars 2026');
  });
});
