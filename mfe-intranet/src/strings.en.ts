import type { Translation } from '@couronne/console-kit';
import type { fr } from './strings.fr.ts';

export const en: Translation<typeof fr> = {
  title: 'Intranet',
  notFound: 'This page does not exist in the intranet.',
  communeListTitle: 'Municipalities of the agglomeration',
  communeListSummary: {
    one: '{count} municipality, {population} inhabitants',
    other: '{count} municipalities, {population} inhabitants',
  },
  communeListCaption: 'Municipalities',
  communeListFilterLabel: 'Filter by name',
  communeListFilterDescription: 'Accents and hyphens are ignored.',
  communeListShown: {
    one: '{count} municipality shown out of {total}',
    other: '{count} municipalities shown out of {total}',
  },
  communeListNoMatch: 'No municipality matches “{filter}”.',
  communeListClearFilter: 'Clear the filter',
  communeListEmpty: 'No municipality is recorded.',
  communeListError: 'The list of municipalities could not be loaded.',
  communeDetailTitle: 'Municipality',
  communeDetailError: 'The municipality could not be loaded.',
  communeNotFound: 'No municipality has the INSEE code {inseeCode}.',
  communeBackToList: 'All municipalities',
  columnName: 'Municipality',
  columnInseeCode: 'INSEE code',
  columnPostalCodes: 'Postcodes',
  columnPopulation: 'Population',
};
