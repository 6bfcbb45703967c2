import { useId, type ReactNode } from 'react';

export interface DataTableColumn<Row> {
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row (`<th scope="row">`), usually the first. */
  isRowHeader?: boolean;
  /** `end` for numbers, so that digits line up. */
  align?: 'start' | 'end';
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  getRowKey: (row: Row) => string;
}

/**
 * A read-only list as a native data table (caption, column and row headers) rather than react-aria's
 * interactive grid: screen readers offer their table commands on it, and it is what RGAA's table
 * criteria check. It scrolls sideways on narrow screens inside a focusable, labelled region.
 */
export function DataTable<Row>({ caption, columns, rows, getRowKey }: DataTableProps<Row>) {
  const captionId = useId();
  return (
    <div className="cou-table-region" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="cou-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.align === 'end' ? 'cou-table__cell--end' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
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
  );
}
