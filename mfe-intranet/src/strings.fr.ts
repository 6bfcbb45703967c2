/** Every French string of the intranet module. */
export const fr = {
  title: 'Intranet',
  notFound: "Cette page n'existe pas dans l'intranet.",
  communeListTitle: "Communes de l'agglomération",
  communeListSummary: {
    one: '{count} commune, {population} habitants',
    other: '{count} communes, {population} habitants',
  },
  communeListCaption: 'Communes',
  communeListFilterLabel: 'Filtrer par nom',
  communeListFilterDescription: 'Les accents et les tirets sont ignorés.',
  communeListShown: {
    one: '{count} commune affichée sur {total}',
    other: '{count} communes affichées sur {total}',
  },
  communeListNoMatch: 'Aucune commune ne correspond à « {filter} ».',
  communeListClearFilter: 'Effacer le filtre',
  communeListEmpty: "Aucune commune n'est enregistrée.",
  communeListError: "La liste des communes n'a pas pu être chargée.",
  communeDetailTitle: 'Commune',
  communeDetailError: "La fiche de la commune n'a pas pu être chargée.",
  communeNotFound: 'Aucune commune ne porte le code INSEE {inseeCode}.',
  communeBackToList: 'Toutes les communes',
  columnName: 'Commune',
  columnInseeCode: 'Code INSEE',
  columnPostalCodes: 'Codes postaux',
  columnPopulation: 'Population',
} as const;
