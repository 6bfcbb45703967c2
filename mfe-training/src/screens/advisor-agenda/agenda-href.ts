import { mondayOf, parisDayOf } from '../../components/paris-time.ts';

/**
 * The agenda's address, `/agenda?conseiller=<advisor id>&semaine=<Monday>`: a week can be bookmarked or
 * reloaded, and a report form sends the agent back to the week of its appointment.
 */
export function agendaHref(href: (subPath: string) => string, advisorId: string, day: string): string {
  return `${href('/agenda')}?${new URLSearchParams({ conseiller: advisorId, semaine: mondayOf(day) }).toString()}`;
}

/** The agenda's week of an appointment. */
export function agendaHrefOf(href: (subPath: string) => string, advisorId: string, startsAt: string): string {
  return agendaHref(href, advisorId, parisDayOf(startsAt));
}
