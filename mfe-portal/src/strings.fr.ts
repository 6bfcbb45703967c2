/** Every French string of the family portal module. */
export const fr = {
  title: 'Portail famille',
  notFound: "Cette page n'existe pas dans le portail famille.",
  placeListTitle: "Lieux d'accueil des familles",
  placeListDescription: 'Crèches, écoles et accueils de loisirs du territoire.',
  kindCreche: 'Crèches',
  kindSchool: 'Écoles',
  kindLeisureCentre: 'Accueils de loisirs',
  placeListCaption: { one: '{kind} ({count} lieu)', other: '{kind} ({count} lieux)' },
  placeListTruncated: { one: 'Le premier lieu sur {total} est affiché.', other: 'Les {count} premiers lieux sur {total} sont affichés.' },
  placeListKindEmpty: '{kind} : aucun lieu enregistré.',
  placeListEmpty: "Aucun lieu d'accueil n'est enregistré.",
  placeListError: "La liste des lieux d'accueil n'a pas pu être chargée.",
  columnName: 'Nom',
  columnAddress: 'Adresse',
  columnCommune: 'Commune',
} as const;
