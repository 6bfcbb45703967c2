import { DataTable, EmptyState, ErrorState, LoadingState, PageHeader, type DataTableColumn } from '@couronne/ui';
import { useQuery } from 'urql';
import { useT } from '../../i18n.ts';
import { FamilyPlaceListQuery, type FamilyPlace, type FamilyPlaceConnection } from './family-place-list.graphql.ts';

export function FamilyPlaceListScreen() {
  const t = useT();
  const [result, reexecute] = useQuery({ query: FamilyPlaceListQuery });

  const header = <PageHeader title={t('placeListTitle')} description={t('placeListDescription')} />;
  if (result.error && !result.data) {
    return (
      <>
        {header}
        <ErrorState message={t('placeListError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </>
    );
  }
  if (!result.data) {
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  }

  const sections: { id: string; kind: string; connection: FamilyPlaceConnection }[] = [
    { id: 'creches', kind: t('kindCreche'), connection: result.data.creches },
    { id: 'schools', kind: t('kindSchool'), connection: result.data.schools },
    { id: 'leisure-centres', kind: t('kindLeisureCentre'), connection: result.data.leisureCentres },
  ];
  if (sections.every((section) => section.connection.totalCount === 0)) {
    return (
      <>
        {header}
        <EmptyState title={t('placeListEmpty')} />
      </>
    );
  }

  const columns: DataTableColumn<FamilyPlace>[] = [
    { id: 'name', header: t('columnName'), cell: (place) => place.name, isRowHeader: true },
    { id: 'address', header: t('columnAddress'), cell: (place) => `${place.street}, ${place.postalCode}` },
    { id: 'commune', header: t('columnCommune'), cell: (place) => place.commune.name },
  ];

  return (
    <>
      {header}
      {sections.map(({ id, kind, connection }) => {
        const places = connection.edges.map((edge) => edge.node);
        const count = connection.totalCount;
        if (count === 0) return <p key={id}>{t('placeListKindEmpty', { kind })}</p>;
        return (
          <div key={id}>
            <DataTable caption={t('placeListCaption', { kind, count })} columns={columns} rows={places} getRowKey={(place) => place.id} />
            {places.length < count && <p>{t('placeListTruncated', { count: places.length, total: count })}</p>}
          </div>
        );
      })}
    </>
  );
}
