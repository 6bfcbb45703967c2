import { useConsole } from '@couronne/console-kit';
import { DataTable, EmptyState, ErrorState, LoadingState, ModalDialog, PageHeader, Select, TextField, type DataTableColumn } from '@couronne/ui';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { formatDuration } from '../../components/format-duration.ts';
import {
  AUDIENCE_LABELS,
  LEVEL_LABELS,
  THEME_LABELS,
  TRAINING_AUDIENCES,
  TRAINING_LEVELS,
  TRAINING_THEMES,
  type TrainingAudience,
  type TrainingTheme,
} from '../../components/enum-labels.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { useT } from '../../i18n.ts';
import { ArchiveCourseConfirm } from './ArchiveCourseConfirm.tsx';
import { CourseForm } from './CourseForm.tsx';
import { CourseCatalogueQuery, type CourseFilter, type CourseRow } from './course-catalogue.graphql.ts';

const ALL = 'ALL';
const PAGE_SIZE = 10;

/** The training catalogue, at `/catalogue`: courses filtered by the API, sorted and paged in the table. */
export function CourseCatalogueScreen() {
  const t = useT();
  const { locale } = useConsole();
  const [theme, setTheme] = useState<TrainingTheme | null>(null);
  const [audience, setAudience] = useState<TrainingAudience | null>(null);
  const [search, setSearch] = useState('');
  const settledSearch = useDebounced(search.trim());
  const [notice, setNotice] = useState<string | null>(null);

  const variables = useMemo(() => {
    const filter: CourseFilter = {};
    if (theme) filter.themes = [theme];
    if (audience) filter.audience = audience;
    if (settledSearch) filter.search = settledSearch;
    return { filter };
  }, [theme, audience, settledSearch]);
  // A filter that matches nothing holds no Course for urql's cache to notice: name it, so a new course refetches.
  const context = useMemo(() => ({ additionalTypenames: ['Course'] }), []);
  const [result, reexecute] = useQuery({ query: CourseCatalogueQuery, variables, context });

  const courses = result.data?.courses.edges.map((edge) => edge.node) ?? [];
  const themeNames = (course: CourseRow) => course.themes.map((value) => t(THEME_LABELS[value])).join(', ');

  const columns: DataTableColumn<CourseRow>[] = [
    { id: 'title', header: t('courseTitle'), cell: (course) => course.title, isRowHeader: true, sortValue: (course) => course.title },
    { id: 'themes', header: t('courseThemes'), cell: themeNames },
    {
      id: 'level',
      header: t('courseLevel'),
      cell: (course) => t(LEVEL_LABELS[course.level]),
      sortValue: (course) => TRAINING_LEVELS.indexOf(course.level),
    },
    { id: 'audience', header: t('courseAudience'), cell: (course) => t(AUDIENCE_LABELS[course.audience]), sortValue: (course) => t(AUDIENCE_LABELS[course.audience]) },
    {
      id: 'duration',
      header: t('courseDurationColumn'),
      cell: (course) => formatDuration(t, course.durationMinutes),
      sortValue: (course) => course.durationMinutes,
      align: 'end',
    },
    {
      id: 'sessions',
      header: t('courseSessionsColumn'),
      cell: (course) => course.sessions.totalCount.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB'),
      sortValue: (course) => course.sessions.totalCount,
      align: 'end',
    },
    {
      id: 'actions',
      header: t('courseActionsColumn'),
      cell: (course) => (
        <div className="cou-toolbar cou-toolbar--compact">
          <ModalDialog
            triggerLabel={t('courseEdit')}
            triggerAriaLabel={t('courseEditNamed', { title: course.title })}
            triggerVariant="secondary"
            title={t('courseEditTitle')}
          >
            {(close) => (
              <CourseForm
                course={course}
                onSaved={(saved) => {
                  close();
                  setNotice(t('courseUpdated', { title: saved.title }));
                }}
              />
            )}
          </ModalDialog>
          <ModalDialog
            triggerLabel={t('archive')}
            triggerAriaLabel={t('archiveNamed', { title: course.title })}
            triggerVariant="secondary"
            title={t('archiveTitle', { title: course.title })}
          >
            {(close) => (
              <ArchiveCourseConfirm
                course={course}
                onArchived={(archived) => {
                  close();
                  setNotice(t('courseArchived', { title: archived.title }));
                }}
              />
            )}
          </ModalDialog>
        </div>
      ),
    },
  ];

  const filtered = Boolean(theme || audience || settledSearch);
  let content;
  if (result.error && !result.data) {
    content = <ErrorState message={t('catalogueError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  } else if (!result.data) {
    content = <LoadingState />;
  } else if (courses.length === 0) {
    content = <EmptyState title={t(filtered ? 'catalogueNoMatch' : 'catalogueEmpty')} />;
  } else {
    const total = result.data.courses.totalCount;
    content = (
      <>
        {total > courses.length && <p className="cou-notice">{t('catalogueTruncated', { count: courses.length, total })}</p>}
        <DataTable
          caption={t('catalogueCaption', { count: total })}
          columns={columns}
          rows={courses}
          getRowKey={(course) => course.id}
          pageSize={PAGE_SIZE}
          defaultSort={{ columnId: 'title', direction: 'ascending' }}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('catalogueTitle')}
        description={t('catalogueDescription')}
        actions={
          <ModalDialog triggerLabel={t('courseCreate')} title={t('courseCreateTitle')}>
            {(close) => (
              <CourseForm
                onSaved={(saved) => {
                  close();
                  setNotice(t('courseCreated', { title: saved.title }));
                }}
              />
            )}
          </ModalDialog>
        }
      />
      <div role="status" className={notice ? 'cou-notice' : undefined}>
        {notice}
      </div>
      <div className="cou-toolbar" role="group" aria-label={t('catalogueFilters')}>
        <Select
          label={t('filterTheme')}
          options={[{ id: ALL, label: t('filterAllThemes') }, ...TRAINING_THEMES.map((value) => ({ id: value, label: t(THEME_LABELS[value]) }))]}
          selectedKey={theme ?? ALL}
          onSelectionChange={(id) => setTheme(id === ALL ? null : (id as TrainingTheme))}
        />
        <Select
          label={t('filterAudience')}
          options={[{ id: ALL, label: t('filterAllAudiences') }, ...TRAINING_AUDIENCES.map((value) => ({ id: value, label: t(AUDIENCE_LABELS[value]) }))]}
          selectedKey={audience ?? ALL}
          onSelectionChange={(id) => setAudience(id === ALL ? null : (id as TrainingAudience))}
        />
        <TextField label={t('filterSearch')} description={t('filterSearchHelp')} type="search" value={search} onChange={setSearch} />
      </div>
      {content}
    </>
  );
}
