import { formatDate, formatDateTime, Link, useConsole, useModuleHref } from '@couronne/console-kit';
import { Button, DatePicker, EmptyState, ErrorState, LoadingState, ModalDialog, PageHeader, Select, WeekCalendar, type CalendarEvent } from '@couronne/ui';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { addDays, mondayOf, parisDayOf, parisHours, parisInstant } from '../../components/paris-time.ts';
import { useT } from '../../i18n.ts';
import { ScheduleSessionForm } from './ScheduleSessionForm.tsx';
import { SessionCalendarOptionsQuery, SessionCalendarQuery, type CalendarSession } from './session-calendar.graphql.ts';

const ALL = 'ALL';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface SessionEvent extends CalendarEvent {
  sessionId: string;
}

/**
 * The week's training sessions, at `/`: the week and the filters are in the address (`?jour=…&lieu=…&formation=…`),
 * so that going back from a session returns to the same week.
 */
export function SessionCalendarScreen() {
  const t = useT();
  const { locale, path, search, navigate } = useConsole();
  const href = useModuleHref();
  const params = new URLSearchParams(search);
  const today = parisDayOf(new Date());
  const requestedDay = params.get('jour');
  const day = requestedDay && DAY.test(requestedDay) ? requestedDay : today;
  const monday = mondayOf(day);
  const placeId = params.get('lieu');
  const courseId = params.get('formation');
  const [notice, setNotice] = useState<{ id: string; startsAt: string } | null>(null);

  const update = (changes: Record<string, string | null>, options: { replace?: boolean } = {}) => {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    const query = next.toString();
    navigate(`${path}${query ? `?${query}` : ''}`, options);
  };

  const variables = useMemo(
    () => ({
      filter: {
        from: parisInstant(monday),
        to: parisInstant(addDays(monday, 7)),
        ...(placeId ? { placeIds: [placeId] } : {}),
        ...(courseId ? { courseIds: [courseId] } : {}),
      },
    }),
    [monday, placeId, courseId],
  );
  // An empty week holds no TrainingSession for urql's cache to notice: name it, so a new session refetches the week.
  const context = useMemo(() => ({ additionalTypenames: ['TrainingSession'] }), []);
  const [result, reexecute] = useQuery({ query: SessionCalendarQuery, variables, context });
  const [options, reexecuteOptions] = useQuery({ query: SessionCalendarOptionsQuery });

  const courses = options.data?.courses.edges.map((edge) => edge.node) ?? [];
  const rooms = options.data?.schedulingResources.edges.map((edge) => edge.node) ?? [];
  const places = [...new Map(rooms.map((room) => [room.place.id, room.place])).values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));

  const sessions = result.data?.trainingSessions.edges.map((edge) => edge.node) ?? [];
  const events: SessionEvent[] = sessions.map((session: CalendarSession) => ({
    id: session.id,
    sessionId: session.id,
    start: session.startsAt,
    end: session.endsAt,
    title: t(session.freePlaces > 0 ? 'sessionEventTitle' : 'sessionEventTitleFull', {
      course: session.course.title,
      place: session.place.name,
      count: session.freePlaces,
      waitlist: session.waitlistCount,
    }),
  }));
  // The grid widens beyond 08:00–19:00 for an early or a late session.
  const startHour = Math.floor(Math.min(8, ...sessions.map((session) => parisHours(session.startsAt))));
  const endHour = Math.ceil(Math.max(19, ...sessions.map((session) => (parisDayOf(session.endsAt) === parisDayOf(session.startsAt) ? parisHours(session.endsAt) : 24))));

  const weekDays = { from: formatDate(monday, locale), to: formatDate(addDays(monday, 6), locale) };

  const scheduleDialog = (
    <ModalDialog triggerLabel={t('scheduleOpen')} title={t('scheduleTitle')}>
      {(close) =>
        options.error && !options.data ? (
          <ErrorState message={t('scheduleOptionsError')} onRetry={() => reexecuteOptions({ requestPolicy: 'network-only' })} />
        ) : !options.data ? (
          <LoadingState lines={3} />
        ) : (
          <ScheduleSessionForm
            courses={courses}
            rooms={rooms}
            agent={options.data.viewer.agent}
            day={day}
            onScheduled={(session) => {
              close();
              setNotice(session);
              update({ jour: parisDayOf(session.startsAt) });
            }}
          />
        )
      }
    </ModalDialog>
  );

  let content;
  if (result.error && !result.data) {
    content = <ErrorState message={t('sessionCalendarError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  } else if (!result.data) {
    content = <LoadingState />;
  } else if (sessions.length === 0) {
    content = <EmptyState title={t('sessionCalendarEmpty')} description={placeId || courseId ? t('sessionCalendarEmptyFiltered') : undefined} />;
  } else {
    const total = result.data.trainingSessions.totalCount;
    content = (
      <>
        {total > sessions.length && <p className="cou-notice">{t('sessionCalendarTruncated', { count: sessions.length, total })}</p>}
        <WeekCalendar
          label={t('sessionCalendarLabel', weekDays)}
          week={monday}
          events={events}
          startHour={startHour}
          endHour={endHour}
          onEventSelect={(event) => navigate(href(`/seances/${encodeURIComponent(event.sessionId)}`))}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('sessionCalendarTitle')} description={t('sessionCalendarDescription')} actions={scheduleDialog} />
      <div role="status" className={notice ? 'cou-notice' : undefined}>
        {notice && (
          <>
            {t('scheduleDone', { when: formatDateTime(notice.startsAt, locale) })}{' '}
            <Link href={href(`/seances/${encodeURIComponent(notice.id)}`)}>{t('scheduleDoneLink')}</Link>
          </>
        )}
      </div>
      <div className="cou-toolbar" role="group" aria-label={t('weekChoice')}>
        <Button variant="secondary" onPress={() => update({ jour: addDays(monday, -7) })}>
          {t('previousWeek')}
        </Button>
        <Button variant="secondary" onPress={() => update({ jour: null })} isDisabled={monday === mondayOf(today)}>
          {t('thisWeek')}
        </Button>
        <Button variant="secondary" onPress={() => update({ jour: addDays(monday, 7) })}>
          {t('nextWeek')}
        </Button>
        <DatePicker label={t('goToDay')} value={day} onChange={(value) => value && update({ jour: value })} />
      </div>
      <div className="cou-toolbar" role="group" aria-label={t('sessionFilters')}>
        <Select
          label={t('filterPlace')}
          options={[{ id: ALL, label: t('filterAllPlaces') }, ...places.map((place) => ({ id: place.id, label: place.name }))]}
          selectedKey={placeId ?? ALL}
          onSelectionChange={(id) => update({ lieu: id === ALL ? null : id }, { replace: true })}
        />
        <Select
          label={t('filterCourse')}
          options={[{ id: ALL, label: t('filterAllCourses') }, ...courses.map((course) => ({ id: course.id, label: course.title }))]}
          selectedKey={courseId ?? ALL}
          onSelectionChange={(id) => update({ formation: id === ALL ? null : id }, { replace: true })}
        />
      </div>
      <h2 aria-live="polite">{t('weekRange', weekDays)}</h2>
      {content}
    </>
  );
}
