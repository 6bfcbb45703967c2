/**
 * Folds text for searching: lower case, no accents, no punctuation differences.
 * Stored beside names (Commune.searchName) and applied to search input, so "chivy les etouvelles"
 * finds "Chivy-lès-Étouvelles" on PGlite and PostgreSQL alike, without the unaccent extension.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s'’-]+/g, " ")
    .trim();
}
