import { formatDate, useConsole, useModuleHref } from '@couronne/console-kit';
import { Button, EmptyState, ErrorState, LoadingState, PageHeader, Select, WeekCalendar, type CalendarEvent } from '@couronne/ui';
import { useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { BookingDialog } from '../../components/BookingDialog.tsx';
import { addDays, isCalendarDay, mondayOf, parisDayOf, parisInstant, todayInParis } from '../../components/paris-time.ts';
import { answers } from '../../components/query-result.ts';
import { useT } from '../../i18n.ts';
import { agendaHref } from './agenda-href.ts';
import {
  AdvisorAgendaAdvisorsQuery,
  AdvisorAgendaBookingsQuery,
  AGENDA_PAGE_SIZE,
  type AgendaAdvisor,
  type AgendaBooking,
} from './advisor-agenda.graphql.ts';
import { BookingDetails } from './BookingDetails.tsx';

/**
 * A digital advisor's week (`/agenda`): choose the advisor (by default the viewer's own profile, else the
 * first), move week by week, open an appointment for its details and actions, book a new one.
 */
export function AdvisorAgendaScreen() {
  const t = useT();
  const { search } = useConsole();
  const [result, reexecute] = useQuery({ query: AdvisorAgendaAdvisorsQuery });
  const header = <PageHeader title={t('agendaTitle')} description={t('agendaDescription')} />;

  if (result.error && !result.data) {
    return (
      <>
        {header}
        <ErrorState message={t('agendaError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
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

  const { advisors, viewer } = result.data;
  const query = new URLSearchParams(search);
  const advisor =
    advisors.find((candidate) => candidate.id === query.get('conseiller')) ??
    advisors.find((candidate) => candidate.id === viewer.agent?.advisor?.id) ??
    advisors[0];
  if (!advisor) {
    return (
      <>
        {header}
        <EmptyState title={t('agendaNoAdvisor')} />
      </>
    );
  }
  const asked = query.get('semaine');
  const week = mondayOf(isCalendarDay(asked) ? asked : todayInParis());
  return (
    <>
      {header}
      <AdvisorWeek advisors={advisors} advisor={advisor} week={week} />
    </>
  );
}

interface AgendaEvent extends CalendarEvent {
  booking: AgendaBooking;
}

function AdvisorWeek({ advisors, advisor, week }: { advisors: AgendaAdvisor[]; advisor: AgendaAdvisor; week: string }) {
  const t = useT();
  const { locale, navigate } = useConsole();
  const href = useModuleHref();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const weekHeading = useRef<HTMLHeadingElement>(null);
  const variables = { resourceId: advisor.resource.id, from: parisInstant(week), to: parisInstant(addDays(week, 7)), first: AGENDA_PAGE_SIZE };
  // A Booking in a mutation's result (booked, cancelled, marked absent, reported) refetches the week,
  // even one with no booking yet, whose result names no Booking for urql's cache to invalidate.
  const context = useMemo(() => ({ additionalTypenames: ['Booking'] }), []);
  const [result, reexecute] = useQuery({ query: AdvisorAgendaBookingsQuery, variables, context });
  const refetch = () => reexecute({ requestPolicy: 'network-only' });

  const show = (advisorId: string, monday: string) => {
    setSelectedId(null);
    navigate(agendaHref(href, advisorId, monday));
  };

  const places = [...new Map(advisors.flatMap((candidate) => candidate.places).map((place) => [place.id, place])).values()].sort((a, b) =>
    a.name.localeCompare(b.name, 'fr'),
  );
  const loaded = answers(result, variables);
  const bookings = (loaded && result.data?.bookings.edges.map((edge) => edge.node)) || [];
  const events: AgendaEvent[] = bookings.map((booking) => {
    const title = t('agendaEventTitle', { type: booking.appointmentType.name, resident: booking.resident?.displayName ?? t('agendaResidentHidden') });
    return {
      id: booking.id,
      start: booking.startsAt,
      end: booking.endsAt,
      booking,
      title: booking.status === 'HELD' ? t('agendaEventHeld', { title }) : booking.status === 'NO_SHOW' ? t('agendaEventNoShow', { title }) : title,
    };
  });
  const selected = bookings.find((booking) => booking.id === selectedId) ?? null;

  const closeDetails = () => {
    setSelectedId(null);
    opener.current?.focus();
  };
  // A cancelled appointment leaves the calendar with its button: focus goes to the week instead.
  const cancelled = () => {
    setSelectedId(null);
    weekHeading.current?.focus();
  };

  return (
    <>
      <div className="cou-toolbar">
        <Select
          label={t('agendaAdvisor')}
          options={advisors.map((candidate) => ({ id: candidate.id, label: candidate.name }))}
          selectedKey={advisor.id}
          onSelectionChange={(advisorId) => show(advisorId, week)}
        />
        <BookingDialog
          triggerLabel={t('agendaNewBooking')}
          title={t('agendaNewBooking')}
          resource={{ id: advisor.resource.id, name: advisor.name, kind: 'ADVISOR' }}
          places={places}
          onBooked={({ startsAt, resourceId }) =>
            show(advisors.find((candidate) => candidate.resource.id === resourceId)?.id ?? advisor.id, mondayOf(parisDayOf(startsAt)))
          }
        />
      </div>
      <h2 ref={weekHeading} tabIndex={-1} aria-live="polite">
        {t('agendaWeekOf', { date: formatDate(week, locale) })}
      </h2>
      <div role="group" aria-label={t('agendaWeekNavigation')} className="cou-toolbar">
        <Button variant="secondary" onPress={() => show(advisor.id, addDays(week, -7))}>
          {t('agendaPreviousWeek')}
        </Button>
        <Button variant="secondary" onPress={() => show(advisor.id, mondayOf(todayInParis()))}>
          {t('agendaThisWeek')}
        </Button>
        <Button variant="secondary" onPress={() => show(advisor.id, addDays(week, 7))}>
          {t('agendaNextWeek')}
        </Button>
      </div>
      {result.error && !loaded ? (
        <ErrorState message={t('agendaError')} onRetry={refetch} />
      ) : !loaded ? (
        <LoadingState />
      ) : (
        <>
          {(result.data?.bookings.totalCount ?? 0) > bookings.length && (
            <p className="cou-notice">{t('agendaTruncated', { count: bookings.length })}</p>
          )}
          <WeekCalendar
            label={t('agendaCalendarLabel', { advisor: advisor.name, date: formatDate(week, locale) })}
            week={week}
            events={events}
            onEventSelect={(event) => {
              opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
              setSelectedId(event.booking.id);
            }}
          />
          {selected && <BookingDetails key={selected.id} booking={selected} onClose={closeDetails} onStale={refetch} onCancelled={cancelled} />}
        </>
      )}
    </>
  );
}
