import type { Translation } from '@couronne/console-kit';
import type { fr } from './strings.fr.ts';

export const en: Translation<typeof fr> = {
  title: 'Digital inclusion',
  notFound: 'This page does not exist in the digital inclusion area.',
  placeListTitle: 'Digital inclusion places',
  placeListDescription: 'Libraries, third places, makerspaces and France services desks where people learn digital skills.',
  kindMediatheque: 'Libraries',
  kindTiersLieu: 'Third places',
  kindMakerspace: 'Makerspaces',
  kindFranceServices: 'France services desks',
  placeListEmpty: 'No digital inclusion place is recorded.',
  placeListError: 'The list of digital inclusion places could not be loaded.',
  // — navigation, sessions, enrolments, catalogue —
  navLabel: 'Digital inclusion sections',
  navSessions: 'Sessions',
  navCatalogue: 'Catalogue',
  navAgenda: "Advisors' agenda",
  navStatistics: 'Statistics',
  navEquipment: 'Equipment',
  navPlaces: 'Places',
  sessionCalendarTitle: 'Training sessions',
  sessionDetailTitle: 'Training session',
  catalogueTitle: 'Course catalogue',
  // — advisors' agenda, booking, activity reports, statistics, equipment —
};
