import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EmptyState } from './EmptyState.tsx';

describe('EmptyState', () => {
  it('says there is nothing, with its own title and action', () => {
    render(<EmptyState description="Modifiez le filtre." action={<button>Effacer le filtre</button>} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Aucun résultat');
    expect(status.textContent).toContain('Modifiez le filtre.');
    expect(screen.getByRole('button', { name: 'Effacer le filtre' })).toBeTruthy();
  });
});
