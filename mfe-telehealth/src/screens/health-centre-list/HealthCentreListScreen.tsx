import { DataTable, EmptyState, ErrorState, LoadingState, PageHeader, type DataTableColumn } from '@couronne/ui';
import { useQuery } from 'urql';
import { useT } from '../../i18n.ts';
import { HealthCentreListQuery, type HealthCentre } from './health-centre-list.graphql.ts';

export function HealthCentreListScreen() {
  const t = useT();
  const [result, reexecute] = useQuery({ query: HealthCentreListQuery });

  const header = <PageHeader title={t('healthCentreListTitle')} description={t('healthCentreListDescription')} />;
  if (result.error && !result.data) {
    return (
      <>
        {header}
        <ErrorState message={t('healthCentreListError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
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

  const total = result.data.places.totalCount;
  if (total === 0) {
    return (
      <>
        {header}
        <EmptyState title={t('healthCentreListEmpty')} />
      </>
    );
  }

  const centres = result.data.places.edges.map((edge) => edge.node);
  const columns: DataTableColumn<HealthCentre>[] = [
    { id: 'name', header: t('columnName'), cell: (centre) => centre.name, isRowHeader: true },
    { id: 'address', header: t('columnAddress'), cell: (centre) => `${centre.street}, ${centre.postalCode}` },
    { id: 'commune', header: t('columnCommune'), cell: (centre) => centre.commune.name },
  ];
  return (
    <>
      {header}
      <DataTable caption={t('healthCentreListCaption', { count: total })} columns={columns} rows={centres} getRowKey={(centre) => centre.id} />
      {centres.length < total && <p>{t('healthCentreListTruncated', { count: centres.length, total })}</p>}
    </>
  );
}
