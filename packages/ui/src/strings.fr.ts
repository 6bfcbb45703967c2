/** Every French string of the ui kit. */
export const fr = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  errorTitle: 'Une erreur est survenue',
  emptyTitle: 'Aucun résultat',
  skipToContent: 'Aller au contenu',
  close: 'Fermer',
  selectPlaceholder: 'Choisir…',
  openCalendar: 'Ouvrir le calendrier',
  previousMonth: 'Mois précédent',
  nextMonth: 'Mois suivant',
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  pageOf: 'Page {page} sur {pages}',
  pagination: 'Pagination',
  sortBy: 'Trier par {column}',
  notifications: 'Notifications',
  weekView: 'Semaine',
  listView: 'Liste',
  viewChoice: "Mode d'affichage",
  dayEvents: '{day}, {count} rendez-vous',
  noEvent: 'Aucun rendez-vous',
  eventTime: '{start} – {end}',
} as const;

export type UiStrings = { readonly [K in keyof typeof fr]: string };
