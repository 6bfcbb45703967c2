import { parseAbsolute, parseDate, startOfWeek, type CalendarDate } from '@internationalized/date';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { fill, useUiLocale, useUiStrings } from './UiProvider.tsx';

/** Every booking is shown in the territory's time zone, whatever the browser's. */
const TIME_ZONE = 'Europe/Paris';

export interface CalendarEvent {
  id: string;
  title: string;
  /** ISO instants (`DateTime` of the API). */
  start: string;
  end: string;
}

export interface WeekCalendarProps<E extends CalendarEvent = CalendarEvent> {
  /** Names the calendar: « Réservations de la salle 2 ». */
  label: string;
  /** Any day of the week to show (`YYYY-MM-DD`); the week runs Monday to Sunday. */
  week: string;
  events: readonly E[];
  /** First and last hour shown (rows): 8 and 19 by default. */
  startHour?: number;
  endHour?: number;
  /** Makes each event a button (grid and list views) that calls this, e.g. to open the event's page. */
  onEventSelect?: (event: E) => void;
}

interface PlacedEvent extends CalendarEvent {
  /** Minutes since midnight, Paris time, clipped to the day. */
  from: number;
  to: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** The events of each of the 7 days, by their Paris wall-clock time (an event past midnight is cut at 24:00). */
export function placeEvents(monday: CalendarDate, events: readonly CalendarEvent[]): PlacedEvent[][] {
  const days: PlacedEvent[][] = Array.from({ length: 7 }, () => []);
  for (const event of events) {
    const start = parseAbsolute(event.start, TIME_ZONE);
    const end = parseAbsolute(event.end, TIME_ZONE);
    const index = daysBetween(monday, start);
    if (index < 0 || index > 6) continue;
    const sameDay = daysBetween(monday, end) === index;
    days[index]?.push({ ...event, from: start.hour * 60 + start.minute, to: sameDay ? end.hour * 60 + end.minute : 24 * 60 });
  }
  for (const day of days) day.sort((a, b) => a.from - b.from);
  return days;
}

function daysBetween(monday: CalendarDate, instant: { year: number; month: number; day: number }): number {
  const date = parseDate(`${instant.year}-${pad(instant.month)}-${pad(instant.day)}`);
  return Math.round((date.toDate('UTC').getTime() - monday.toDate('UTC').getTime()) / 86_400_000);
}

/**
 * A week of bookings: 7 columns Monday–Sunday, hours as rows, each event placed by its start and end
 * in Europe/Paris. Each day is one tab stop (roving tabindex): ← → move between days, Home and End go to
 * Monday and Sunday. The « Liste » view gives the same events as a list, the better reading for screen
 * reader users and on narrow screens. With `onEventSelect`, each event is a button in both views (Tab
 * reaches the events of the focused day after the day itself).
 */
export function WeekCalendar<E extends CalendarEvent>({ label, week, events, startHour = 8, endHour = 19, onEventSelect }: WeekCalendarProps<E>) {
  const strings = useUiStrings();
  const locale = useUiLocale();
  const intlLocale = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const monday = startOfWeek(parseDate(week), 'fr-FR');
  const days = Array.from({ length: 7 }, (_, i) => monday.add({ days: i }));
  const placed = placeEvents(monday, events);
  const [view, setView] = useState<'week' | 'list'>('week');
  const [focusedDay, setFocusedDay] = useState(0);
  const dayRefs = useRef<(HTMLDivElement | null)[]>([]);

  const longDay = new Intl.DateTimeFormat(intlLocale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(intlLocale, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
  const dayName = (day: CalendarDate, format: Intl.DateTimeFormat) => format.format(day.toDate('UTC'));
  const span = (endHour - startHour) * 60;
  const hours = Array.from({ length: endHour - startHour }, (_, i) => startHour + i);

  /** The event as given (not its placed copy), so the caller gets back exactly what it passed. */
  const original = new Map(events.map((event) => [event.id, event]));
  const selectable = (event: PlacedEvent, content: ReactNode) => {
    const source = original.get(event.id);
    if (!onEventSelect || !source) return content;
    return (
      <button type="button" className="cou-week__event-button" onClick={() => onEventSelect(source)}>
        {content}
      </button>
    );
  };

  const moveTo = (index: number) => {
    setFocusedDay(index);
    dayRefs.current[index]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const target = { ArrowRight: Math.min(6, index + 1), ArrowLeft: Math.max(0, index - 1), Home: 0, End: 6 }[event.key];
    if (target === undefined || event.target !== event.currentTarget) return;
    event.preventDefault();
    moveTo(target);
  };

  return (
    <section className="cou-week" aria-label={label}>
      <div className="cou-week__views" role="group" aria-label={strings.viewChoice}>
        {(['week', 'list'] as const).map((choice) => (
          <button key={choice} type="button" className="cou-button cou-button--secondary" aria-pressed={view === choice} onClick={() => setView(choice)}>
            {choice === 'week' ? strings.weekView : strings.listView}
          </button>
        ))}
      </div>
      {view === 'week' ? (
        <div className="cou-week__grid" style={{ ['--cou-week-hours' as string]: hours.length }}>
          <div className="cou-week__hours" aria-hidden="true">
            {hours.map((hour) => (
              <span key={hour}>{`${pad(hour)}:00`}</span>
            ))}
          </div>
          {days.map((day, index) => (
            <div
              key={day.toString()}
              ref={(element) => {
                dayRefs.current[index] = element;
              }}
              role="group"
              aria-label={fill(strings.dayEvents, { day: dayName(day, longDay), count: placed[index]?.length ?? 0 })}
              tabIndex={index === focusedDay ? 0 : -1}
              onKeyDown={(event) => onKeyDown(event, index)}
              onFocus={() => setFocusedDay(index)}
              className="cou-week__day"
            >
              <p className="cou-week__day-name" aria-hidden="true">
                {dayName(day, shortDay)}
              </p>
              <ul className="cou-week__slots">
                {placed[index]?.map((event) => {
                  const from = Math.max(event.from, startHour * 60);
                  const to = Math.min(event.to, endHour * 60);
                  return (
                    <li
                      key={event.id}
                      className="cou-week__event"
                      style={{ top: `${((from - startHour * 60) / span) * 100}%`, height: `${(Math.max(to - from, 15) / span) * 100}%` }}
                    >
                      {selectable(
                        event,
                        <>
                          <span className="cou-week__event-time">{fill(strings.eventTime, { start: clock(event.from), end: clock(event.to) })}</span>{' '}
                          {event.title}
                        </>,
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      ) : (
        <ol className="cou-week__list">
          {days.map((day, index) => (
            <li key={day.toString()}>
              <h3>{dayName(day, longDay)}</h3>
              {placed[index]?.length ? (
                <ul>
                  {placed[index].map((event) => (
                    <li key={event.id}>{selectable(event, `${fill(strings.eventTime, { start: clock(event.from), end: clock(event.to) })} : ${event.title}`)}</li>
                  ))}
                </ul>
              ) : (
                <p>{strings.noEvent}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
