/** Every French string of the ui kit. */
export const fr = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  errorTitle: 'Une erreur est survenue',
  emptyTitle: 'Aucun résultat',
  skipToContent: 'Aller au contenu',
} as const;

export type UiStrings = { readonly [K in keyof typeof fr]: string };
