/** Every French string of the telehealth module. */
export const fr = {
  title: 'Télésanté',
  notFound: "Cette page n'existe pas dans l'espace télésanté.",
  healthCentreListTitle: 'Centres de santé',
  healthCentreListDescription: 'Les centres de santé du territoire qui accueilleront les téléconsultations.',
  healthCentreListCaption: { one: '{count} centre de santé', other: '{count} centres de santé' },
  healthCentreListTruncated: {
    one: 'Le premier centre sur {total} est affiché.',
    other: 'Les {count} premiers centres sur {total} sont affichés.',
  },
  healthCentreListEmpty: "Aucun centre de santé n'est enregistré.",
  healthCentreListError: "La liste des centres de santé n'a pas pu être chargée.",
} as const;
