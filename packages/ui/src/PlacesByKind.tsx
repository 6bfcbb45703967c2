import { DataTable, type DataTableColumn } from './DataTable.tsx';
import { EmptyState } from './EmptyState.tsx';
import { ErrorState } from './ErrorState.tsx';
import { LoadingState } from './LoadingState.tsx';
import { PageHeader } from './PageHeader.tsx';
import { useUiStrings } from './UiProvider.tsx';

export interface PlaceRow {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  commune: { name: string };
}

/** The places of one kind: the first page of them and how many there are in all. */
export interface PlaceSection {
  /** Unique among the sections (a React key). */
  id: string;
  /** Plural name of the kind, e.g. « Crèches ». */
  kind: string;
  places: readonly PlaceRow[];
  totalCount: number;
}

export interface PlacesByKindProps {
  title: string;
  description: string;
  /** undefined while the places load. */
  sections: readonly PlaceSection[] | undefined;
  /** Set when the places could not be loaded: an error with Retry replaces the tables. */
  error?: { message: string; onRetry: () => void };
  /** Shown instead of the tables when no kind has any place. */
  emptyTitle: string;
  /** The caption (accessible name) of a kind's table. */
  caption: (kind: string, count: number) => string;
  /** Shown instead of the table of a kind without places. */
  kindEmpty: (kind: string) => string;
  /** Shown under a table showing fewer places than there are. */
  truncated: (shown: number, total: number) => string;
}

/**
 * A page listing places grouped by kind, one table per kind (name, address, commune), with loading,
 * error (Retry) and empty states. Presentational: the module fetches the places and owns the strings.
 */
export function PlacesByKind({ title, description, sections, error, emptyTitle, caption, kindEmpty, truncated }: PlacesByKindProps) {
  const strings = useUiStrings();
  const header = <PageHeader title={title} description={description} />;
  if (error) {
    return (
      <>
        {header}
        <ErrorState message={error.message} onRetry={error.onRetry} />
      </>
    );
  }
  if (!sections) {
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  }
  if (sections.every((section) => section.totalCount === 0)) {
    return (
      <>
        {header}
        <EmptyState title={emptyTitle} />
      </>
    );
  }

  const columns: DataTableColumn<PlaceRow>[] = [
    { id: 'name', header: strings.placeName, cell: (place) => place.name, isRowHeader: true },
    { id: 'address', header: strings.placeAddress, cell: (place) => `${place.street}, ${place.postalCode}` },
    { id: 'commune', header: strings.placeCommune, cell: (place) => place.commune.name },
  ];
  return (
    <>
      {header}
      {sections.map(({ id, kind, places, totalCount }) => {
        if (totalCount === 0) return <p key={id}>{kindEmpty(kind)}</p>;
        return (
          <div key={id}>
            <DataTable caption={caption(kind, totalCount)} columns={columns} rows={places} getRowKey={(place) => place.id} />
            {places.length < totalCount && <p>{truncated(places.length, totalCount)}</p>}
          </div>
        );
      })}
    </>
  );
}
