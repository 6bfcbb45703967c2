import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PlacesByKind, type PlaceSection, type PlacesByKindProps } from './PlacesByKind.tsx';

const laon = { name: 'Laon' };
const props: Omit<PlacesByKindProps, 'sections'> = {
  title: 'Lieux',
  description: 'Les lieux du territoire.',
  emptyTitle: "Aucun lieu n'est enregistré.",
  caption: (kind, count) => `${kind} (${count})`,
  kindEmpty: (kind) => `${kind} : aucun lieu.`,
  truncated: (shown, total) => `${shown} sur ${total}`,
};

describe('PlacesByKind', () => {
  it('shows one table per kind, the empty kinds and the truncated lists', () => {
    const sections: PlaceSection[] = [
      { id: 'a', kind: 'Écoles', totalCount: 3, places: [{ id: 'p1', name: 'École Mermoz', street: '5 rue Mermoz', postalCode: '02000', commune: laon }] },
      { id: 'b', kind: 'Crèches', totalCount: 0, places: [] },
    ];
    render(<PlacesByKind {...props} sections={sections} />);
    expect(screen.getByRole('heading', { name: 'Lieux' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Écoles (3)' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Nom', 'Adresse', 'Commune']);
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByRole('rowheader').textContent).toBe('École Mermoz');
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['5 rue Mermoz, 02000', 'Laon']);
    expect(screen.getByText('1 sur 3')).toBeTruthy();
    expect(screen.getByText('Crèches : aucun lieu.')).toBeTruthy();
  });

  it('shows loading, then the error, then the empty state', () => {
    const { rerender } = render(<PlacesByKind {...props} sections={undefined} />);
    expect(screen.getByRole('status').textContent).toBe('Chargement…');
    rerender(<PlacesByKind {...props} sections={undefined} error={{ message: 'Échec.', onRetry: () => {} }} />);
    expect(screen.getByRole('alert').textContent).toContain('Échec.');
    rerender(<PlacesByKind {...props} sections={[{ id: 'a', kind: 'Écoles', totalCount: 0, places: [] }]} />);
    expect(screen.getByText("Aucun lieu n'est enregistré.")).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
