import { useId, useMemo, useState, type ReactNode } from 'react';
import { Button } from './Button.tsx';
import { fill, useUiLocale, useUiStrings } from './UiProvider.tsx';

export interface DataTableColumn<Row> {
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row (`<th scope="row">`), usually the first. */
  isRowHeader?: boolean;
  /** `end` for numbers, so that digits line up. */
  align?: 'start' | 'end';
  /** Makes the column sortable by this value; its header becomes a button. */
  sortValue?: (row: Row) => string | number;
  /** Text of the header for the sort button's name, when `header` is not plain text. */
  headerText?: string;
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  getRowKey: (row: Row) => string;
  /** Rows per page; all rows on one page when unset. */
  pageSize?: number;
  /** Initial sort. */
  defaultSort?: { columnId: string; direction: 'ascending' | 'descending' };
}

/**
 * A read-only list as a native data table (caption, column and row headers) rather than react-aria's
 * interactive grid: screen readers offer their table commands on it, and it is what RGAA's table
 * criteria check. Sortable columns have a button in their header and `aria-sort` on it; pages are
 * changed with two buttons and announced (aria-live). It scrolls sideways on narrow screens inside a
 * focusable, labelled region.
 */
export function DataTable<Row>({ caption, columns, rows, getRowKey, pageSize, defaultSort }: DataTableProps<Row>) {
  const strings = useUiStrings();
  const locale = useUiLocale();
  const captionId = useId();
  const [sort, setSort] = useState(defaultSort ?? null);
  const [page, setPage] = useState(1);

  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.id === sort.columnId);
    if (!sort || !column?.sortValue) return rows;
    const value = column.sortValue;
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    const factor = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return factor * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
    });
  }, [rows, columns, sort, locale]);

  const pages = pageSize ? Math.max(1, Math.ceil(sorted.length / pageSize)) : 1;
  const current = Math.min(page, pages);
  const shown = pageSize ? sorted.slice((current - 1) * pageSize, current * pageSize) : sorted;

  const toggleSort = (columnId: string) => {
    setSort((previous) =>
      previous?.columnId === columnId && previous.direction === 'ascending' ? { columnId, direction: 'descending' } : { columnId, direction: 'ascending' },
    );
    setPage(1);
  };

  return (
    <div className="cou-table-wrapper">
      <div className="cou-table-region" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="cou-table">
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const className = column.align === 'end' ? 'cou-table__cell--end' : undefined;
                if (!column.sortValue) {
                  return (
                    <th key={column.id} scope="col" className={className}>
                      {column.header}
                    </th>
                  );
                }
                const direction = sort?.columnId === column.id ? sort.direction : 'none';
                return (
                  <th key={column.id} scope="col" className={className} aria-sort={direction}>
                    <button
                      type="button"
                      className="cou-table__sort"
                      onClick={() => toggleSort(column.id)}
                      aria-label={column.headerText ? fill(strings.sortBy, { column: column.headerText }) : undefined}
                    >
                      {column.header}
                      <span aria-hidden="true" className="cou-table__sort-icon">
                        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={getRowKey(row)}>
                {columns.map((column) => {
                  const className = column.align === 'end' ? 'cou-table__cell--end' : undefined;
                  return column.isRowHeader ? (
                    <th key={column.id} scope="row" className={className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.id} className={className}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="cou-pagination" aria-label={strings.pagination}>
          <Button variant="secondary" isDisabled={current === 1} onPress={() => setPage(current - 1)}>
            {strings.previousPage}
          </Button>
          <p aria-live="polite" className="cou-pagination__status">
            {fill(strings.pageOf, { page: current, pages })}
          </p>
          <Button variant="secondary" isDisabled={current === pages} onPress={() => setPage(current + 1)}>
            {strings.nextPage}
          </Button>
        </nav>
      )}
    </div>
  );
}
