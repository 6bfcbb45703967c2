import { formatInteger, Link, useConsole, useModuleHref } from '@couronne/console-kit';
import { Button, DataTable, EmptyState, ErrorState, LoadingState, PageHeader, TextField, type DataTableColumn } from '@couronne/ui';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useT } from '../../i18n.ts';
import { CommuneListQuery, type CommuneRow } from './commune-list.graphql.ts';

/** « Saint-Gobain » and « saint gobain » match, as do « Étouvelles » and « etouvelles ». */
function searchable(text: string) {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[-'’\s]+/g, ' ')
    .trim()
    .toLowerCase();
}

export function CommuneListScreen() {
  const t = useT();
  const { locale } = useConsole();
  const href = useModuleHref();
  const [result, reexecute] = useQuery({ query: CommuneListQuery });
  const [filter, setFilter] = useState('');

  const communes = useMemo(() => result.data?.communes.edges.map((edge) => edge.node) ?? [], [result.data]);
  const shown = useMemo(() => {
    const wanted = searchable(filter);
    return wanted ? communes.filter((commune) => searchable(commune.name).includes(wanted)) : communes;
  }, [communes, filter]);

  const columns: DataTableColumn<CommuneRow>[] = [
    { id: 'name', header: t('columnName'), cell: (c) => <Link href={href(`/communes/${c.inseeCode}`)}>{c.name}</Link>, isRowHeader: true },
    { id: 'inseeCode', header: t('columnInseeCode'), cell: (c) => c.inseeCode },
    { id: 'postalCodes', header: t('columnPostalCodes'), cell: (c) => c.postalCodes.join(', ') },
    { id: 'population', header: t('columnPopulation'), cell: (c) => formatInteger(c.population, locale), align: 'end' },
  ];

  const header = (description?: string) => <PageHeader title={t('communeListTitle')} description={description} />;

  if (result.error && !result.data) {
    return (
      <>
        {header()}
        <ErrorState message={t('communeListError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </>
    );
  }
  if (!result.data) {
    return (
      <>
        {header()}
        <LoadingState />
      </>
    );
  }

  const total = result.data.communes.totalCount;
  const population = communes.reduce((sum, commune) => sum + commune.population, 0);
  if (total === 0) {
    return (
      <>
        {header()}
        <EmptyState title={t('communeListEmpty')} />
      </>
    );
  }

  return (
    <>
      {header(t('communeListSummary', { count: total, population }))}
      <TextField
        label={t('communeListFilterLabel')}
        description={t('communeListFilterDescription')}
        type="search"
        value={filter}
        onChange={setFilter}
      />
      <p role="status">{t('communeListShown', { count: shown.length, total })}</p>
      {shown.length > 0 ? (
        <DataTable caption={t('communeListCaption')} columns={columns} rows={shown} getRowKey={(c) => c.id} />
      ) : (
        <EmptyState
          title={t('communeListNoMatch', { filter })}
          action={
            <Button variant="secondary" onPress={() => setFilter('')}>
              {t('communeListClearFilter')}
            </Button>
          }
        />
      )}
    </>
  );
}
