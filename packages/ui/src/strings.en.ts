import type { UiStrings } from './strings.fr.ts';

export const en: UiStrings = {
  loading: 'Loading…',
  retry: 'Try again',
  errorTitle: 'Something went wrong',
  emptyTitle: 'No results',
  skipToContent: 'Skip to content',
};
