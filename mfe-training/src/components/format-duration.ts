import type { Translate } from '@couronne/console-kit';

/** « 45 min », « 2 h », « 1 h 30 ». */
export function formatDuration(t: Translate<'durationMinutes' | 'durationHours' | 'durationHoursMinutes'>, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('durationMinutes', { minutes: rest });
  if (rest === 0) return t('durationHours', { hours });
  return t('durationHoursMinutes', { hours, minutes: String(rest).padStart(2, '0') });
}
