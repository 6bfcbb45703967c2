import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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

describe('DataTable sorting and pagination', () => {
  const rows = [
    { id: '1', name: 'Laon', population: 24876 },
    { id: '2', name: 'Athies-sous-Laon', population: 2628 },
    { id: '3', name: 'Étouvelles', population: 563 },
  ];
  const columns = [
    { id: 'name', header: 'Commune', cell: (r: (typeof rows)[number]) => r.name, isRowHeader: true, sortValue: (r: (typeof rows)[number]) => r.name },
    { id: 'population', header: 'Population', cell: (r: (typeof rows)[number]) => String(r.population), sortValue: (r: (typeof rows)[number]) => r.population },
  ];
  const names = () => screen.getAllByRole('rowheader').map((th) => th.textContent);

  it('sorts by a column from its header button, with aria-sort', async () => {
    const user = userEvent.setup();
    render(<DataTable caption="Communes" columns={columns} rows={rows} getRowKey={(r) => r.id} />);
    const header = screen.getByRole('columnheader', { name: /Population/ });
    expect(header.getAttribute('aria-sort')).toBe('none');
    await user.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Étouvelles', 'Athies-sous-Laon', 'Laon']);
    within(header).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Laon', 'Athies-sous-Laon', 'Étouvelles']);
  });

  it('sorts names the French way (accents ignored)', async () => {
    const user = userEvent.setup();
    render(<DataTable caption="Communes" columns={columns} rows={rows} getRowKey={(r) => r.id} />);
    await user.click(within(screen.getByRole('columnheader', { name: /Commune/ })).getByRole('button'));
    expect(names()).toEqual(['Athies-sous-Laon', 'Étouvelles', 'Laon']);
  });

  it('pages the rows and announces the page', async () => {
    const user = userEvent.setup();
    render(<DataTable caption="Communes" columns={columns} rows={rows} getRowKey={(r) => r.id} pageSize={2} />);
    const pagination = screen.getByRole('navigation', { name: 'Pagination' });
    expect(within(pagination).getByText('Page 1 sur 2').getAttribute('aria-live')).toBe('polite');
    expect(names()).toEqual(['Laon', 'Athies-sous-Laon']);
    await user.click(within(pagination).getByRole('button', { name: 'Page suivante' }));
    expect(names()).toEqual(['Étouvelles']);
    expect(within(pagination).getByRole('button', { name: 'Page suivante' }).hasAttribute('disabled')).toBe(true);
  });
});
