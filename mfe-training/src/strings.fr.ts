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
} as const;
