import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable, type DataTableColumn } from './DataTable.tsx';

interface Commune {
  inseeCode: string;
  name: string;
  population: number;
}

const columns: DataTableColumn<Commune>[] = [
  { id: 'name', header: 'Commune', cell: (c) => c.name, isRowHeader: true },
  { id: 'insee', header: 'Code INSEE', cell: (c) => c.inseeCode },
  { id: 'population', header: 'Population', cell: (c) => c.population, align: 'end' },
];
const rows: Commune[] = [
  { inseeCode: '02408', name: 'Laon', population: 24876 },
  { inseeCode: '02002', name: 'Aulnois-sous-Laon', population: 1140 },
];

describe('DataTable', () => {
  it('is a table named by its caption, with column and row headers', () => {
    render(<DataTable caption="Communes" columns={columns} rows={rows} getRowKey={(c) => c.inseeCode} />);
    const table = screen.getByRole('table', { name: 'Communes' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Commune', 'Code INSEE', 'Population']);
    expect(within(table).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['Laon', 'Aulnois-sous-Laon']);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('cell', { name: '24876' }).className).toBe('cou-table__cell--end');
  });

  it('sits in a labelled region that keyboard users can scroll', () => {
    render(<DataTable caption="Communes" columns={columns} rows={rows} getRowKey={(c) => c.inseeCode} />);
    const region = screen.getByRole('region', { name: 'Communes' });
    expect(region.tabIndex).toBe(0);
  });
});
