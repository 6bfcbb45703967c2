import { formatDate, formatInteger, useConsole } from '@couronne/console-kit';
import { DataTable, DatePicker, EmptyState, ErrorState, LoadingState, PageHeader, Select, type DataTableColumn } from '@couronne/ui';
import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { AUTONOMY_LABELS, REFERRAL_LABELS, TOPIC_LABELS } from '../../components/enum-labels.ts';
import { daysBetween, firstDayOfMonth, isCalendarDay, lastDayOfMonth, todayInParis } from '../../components/paris-time.ts';
import { formatDuration } from '../../components/format-duration.ts';
import { answers } from '../../components/query-result.ts';
import { useT } from '../../i18n.ts';
import { ActivityStatisticsQuery, StatisticsFiltersQuery, type ActivityStatistics, type StatisticsFilter } from './activity-statistics.graphql.ts';

/** The API counts at most 366 days, both ends included. */
const MAX_PERIOD_DAYS = 366;
const ALL = 'ALL';

/**
 * The digital advisors' accompaniments over a period (`/statistiques`; the current month by default),
 * for one advisor, place or commune or all: totals, then one table per breakdown, numbers the French way.
 */
export function ActivityStatisticsScreen() {
  const t = useT();
  const today = todayInParis();
  const [from, setFrom] = useState<string | null>(firstDayOfMonth(today));
  const [to, setTo] = useState<string | null>(lastDayOfMonth(today));
  const [advisorId, setAdvisorId] = useState(ALL);
  const [placeId, setPlaceId] = useState(ALL);
  const [communeId, setCommuneId] = useState(ALL);
  const [filtersResult, reloadFilters] = useQuery({ query: StatisticsFiltersQuery });

  const periodValid = isCalendarDay(from) && isCalendarDay(to) && daysBetween(from, to) >= 0 && daysBetween(from, to) < MAX_PERIOD_DAYS;
  const filter: StatisticsFilter | null = periodValid
    ? {
        from,
        to,
        ...(advisorId === ALL ? {} : { advisorId }),
        ...(placeId === ALL ? {} : { placeId }),
        ...(communeId === ALL ? {} : { communeId }),
      }
    : null;

  const filters = filtersResult.data;
  const places = filters
    ? [...new Map(filters.advisors.flatMap((advisor) => advisor.places).map((place) => [place.id, place])).values()].sort((a, b) =>
        a.name.localeCompare(b.name, 'fr'),
      )
    : [];

  return (
    <>
      <PageHeader title={t('statsTitle')} description={t('statsDescription')} />
      <section aria-label={t('statsFilters')} className="cou-toolbar">
        <DatePicker label={t('statsFrom')} value={from} onChange={setFrom} isRequired />
        <DatePicker
          label={t('statsTo')}
          value={to}
          onChange={setTo}
          minValue={from ?? undefined}
          errorMessage={periodValid ? undefined : t('statsPeriodInvalid')}
          isRequired
        />
        {filtersResult.error && !filters ? (
          <ErrorState message={t('statsFiltersError')} onRetry={() => reloadFilters({ requestPolicy: 'network-only' })} />
        ) : filters ? (
          <>
            <Select
              label={t('statsAdvisor')}
              options={[{ id: ALL, label: t('statsAllAdvisors') }, ...filters.advisors.map((advisor) => ({ id: advisor.id, label: advisor.name }))]}
              selectedKey={advisorId}
              onSelectionChange={setAdvisorId}
            />
            <Select
              label={t('statsPlace')}
              options={[{ id: ALL, label: t('statsAllPlaces') }, ...places.map((place) => ({ id: place.id, label: place.name }))]}
              selectedKey={placeId}
              onSelectionChange={setPlaceId}
            />
            <Select
              label={t('statsCommune')}
              options={[{ id: ALL, label: t('statsAllCommunes') }, ...filters.communes.edges.map(({ node }) => ({ id: node.id, label: node.name }))]}
              selectedKey={communeId}
              onSelectionChange={setCommuneId}
            />
          </>
        ) : (
          <LoadingState lines={1} />
        )}
      </section>
      {filter && <StatisticsResults filter={filter} />}
    </>
  );
}

function StatisticsResults({ filter }: { filter: StatisticsFilter }) {
  const t = useT();
  const { locale } = useConsole();
  const variables = { filter };
  const [result, reexecute] = useQuery({ query: ActivityStatisticsQuery, variables });
  const loaded = answers(result, variables);
  const totalsId = useId();

  if (result.error && !loaded) return <ErrorState message={t('statsError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!loaded || !result.data) return <LoadingState />;
  const statistics = result.data.activityStatistics;
  if (statistics.accompanimentCount === 0) return <EmptyState title={t('statsEmpty')} />;

  const count = (value: number) => formatInteger(value, locale);
  const duration = (minutes: number) => formatDuration(t, minutes);
  return (
    <>
      <section aria-labelledby={totalsId}>
        <h2 id={totalsId}>{t('statsTotals', { from: formatDate(statistics.from, locale), to: formatDate(statistics.to, locale) })}</h2>
        <dl className="cou-facts">
          <dt>{t('statsAccompaniments')}</dt>
          <dd>{count(statistics.accompanimentCount)}</dd>
          <dt>{t('statsHours')}</dt>
          <dd>{duration(statistics.totalMinutes)}</dd>
          <dt>{t('statsResidents')}</dt>
          <dd>{count(statistics.residentCount)}</dd>
        </dl>
      </section>
      <Breakdown
        caption={t('statsByAdvisor')}
        rows={statistics.byAdvisor}
        rowKey={(row) => row.advisor.id}
        name={{ header: t('statsColumnAdvisor'), value: (row) => row.advisor.name }}
        minutes={(row) => row.minutes}
      />
      <Breakdown
        caption={t('statsByPlace')}
        rows={statistics.byPlace}
        rowKey={(row) => row.place.id}
        name={{ header: t('statsColumnPlace'), value: (row) => row.place.name }}
        minutes={(row) => row.minutes}
      />
      <Breakdown
        caption={t('statsByCommune')}
        rows={statistics.byCommune}
        rowKey={(row) => row.commune?.id ?? 'unknown'}
        name={{ header: t('statsColumnCommune'), value: (row) => row.commune?.name ?? t('statsUnknownCommune') }}
        minutes={(row) => row.minutes}
      />
      <Breakdown
        caption={t('statsByTopic')}
        rows={statistics.byTopic}
        rowKey={(row) => row.topic}
        name={{ header: t('statsColumnTopic'), value: (row) => t(TOPIC_LABELS[row.topic]) }}
      />
      <Breakdown
        caption={t('statsByAutonomy')}
        rows={statistics.byAutonomy}
        rowKey={(row) => row.autonomy}
        name={{ header: t('statsColumnAutonomy'), value: (row) => t(AUTONOMY_LABELS[row.autonomy]) }}
      />
      <Breakdown
        caption={t('statsByReferral')}
        rows={statistics.byReferral}
        rowKey={(row) => row.referral}
        name={{ header: t('statsColumnReferral'), value: (row) => t(REFERRAL_LABELS[row.referral]) }}
      />
    </>
  );
}

interface BreakdownProps<Row extends { count: number }> {
  caption: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  name: { header: string; value: (row: Row) => string };
  /** Adds a duration column. */
  minutes?: (row: Row) => number;
}

/** One breakdown of the statistics as a sortable table, largest first as the API gives it. */
function Breakdown<Row extends { count: number }>({ caption, rows, rowKey, name, minutes }: BreakdownProps<Row>) {
  const t = useT();
  const { locale } = useConsole();
  if (rows.length === 0) return <p>{t('statsBreakdownEmpty', { caption })}</p>;
  const columns: DataTableColumn<Row>[] = [
    { id: 'name', header: name.header, headerText: name.header, cell: name.value, isRowHeader: true, sortValue: name.value },
    {
      id: 'count',
      header: t('statsColumnCount'),
      headerText: t('statsColumnCount'),
      cell: (row) => formatInteger(row.count, locale),
      align: 'end',
      sortValue: (row) => row.count,
    },
    ...(minutes
      ? [
          {
            id: 'minutes',
            header: t('statsColumnDuration'),
            headerText: t('statsColumnDuration'),
            cell: (row: Row) => formatDuration(t, minutes(row)),
            align: 'end' as const,
            sortValue: minutes,
          },
        ]
      : []),
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} getRowKey={rowKey} />;
}
