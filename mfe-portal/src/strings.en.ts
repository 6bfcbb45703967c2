import type { Translation } from '@couronne/console-kit';
import type { fr } from './strings.fr.ts';

export const en: Translation<typeof fr> = {
  title: 'Family portal',
  notFound: 'This page does not exist in the family portal.',
  placeListTitle: 'Places for families',
  placeListDescription: 'Nurseries, schools and leisure centres of the territory.',
  kindCreche: 'Nurseries',
  kindSchool: 'Schools',
  kindLeisureCentre: 'Leisure centres',
  placeListEmpty: 'No place for families is recorded.',
  placeListError: 'The list of places could not be loaded.',
};
