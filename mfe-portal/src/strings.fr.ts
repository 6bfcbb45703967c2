/** Every French string of the family portal module. */
export const fr = {
  title: 'Portail famille',
  notFound: "Cette page n'existe pas dans le portail famille.",
  placeListTitle: "Lieux d'accueil des familles",
  placeListDescription: 'Crèches, écoles et accueils de loisirs du territoire.',
  kindCreche: 'Crèches',
  kindSchool: 'Écoles',
  kindLeisureCentre: 'Accueils de loisirs',
  placeListEmpty: "Aucun lieu d'accueil n'est enregistré.",
  placeListError: "La liste des lieux d'accueil n'a pas pu être chargée.",
} as const;
