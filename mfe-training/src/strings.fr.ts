/** Every French string of the digital inclusion (training) module. */
export const fr = {
  title: 'Inclusion numérique',
  notFound: "Cette page n'existe pas dans l'espace inclusion numérique.",
  placeListTitle: "Lieux de l'inclusion numérique",
  placeListDescription: 'Médiathèques, tiers-lieux, makerspaces et espaces France services où se former au numérique.',
  kindMediatheque: 'Médiathèques',
  kindTiersLieu: 'Tiers-lieux',
  kindMakerspace: 'Makerspaces',
  kindFranceServices: 'Espaces France services',
  placeListEmpty: "Aucun lieu de l'inclusion numérique n'est enregistré.",
  placeListError: "La liste des lieux de l'inclusion numérique n'a pas pu être chargée.",
  // — navigation, sessions, enrolments, catalogue —
  navLabel: "Rubriques de l'inclusion numérique",
  navSessions: 'Séances',
  navCatalogue: 'Catalogue',
  navAgenda: 'Agenda des conseillers',
  navStatistics: 'Statistiques',
  navEquipment: 'Équipements',
  navPlaces: 'Lieux',
  sessionCalendarTitle: 'Séances de formation',
  sessionDetailTitle: 'Séance de formation',
  catalogueTitle: 'Catalogue des formations',
  // — advisors' agenda, booking, activity reports, statistics, equipment —
} as const;
