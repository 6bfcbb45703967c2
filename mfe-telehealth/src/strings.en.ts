import type { Translation } from '@couronne/console-kit';
import type { fr } from './strings.fr.ts';

export const en: Translation<typeof fr> = {
  title: 'Telehealth',
  notFound: 'This page does not exist in the telehealth area.',
  healthCentreListTitle: 'Health centres',
  healthCentreListDescription: 'The health centres of the territory that will host teleconsultations.',
  healthCentreListCaption: { one: '{count} health centre', other: '{count} health centres' },
  healthCentreListTruncated: {
    one: 'The first centre out of {total} is shown.',
    other: 'The first {count} centres out of {total} are shown.',
  },
  healthCentreListEmpty: 'No health centre is recorded.',
  healthCentreListError: 'The list of health centres could not be loaded.',
};
