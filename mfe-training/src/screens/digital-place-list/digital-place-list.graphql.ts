import { placesByKindQuery } from '@couronne/console-kit';

export const DigitalPlaceListQuery = placesByKindQuery('DigitalPlaceList', {
  mediatheques: 'MEDIATHEQUE',
  tiersLieux: 'TIERS_LIEU',
  makerspaces: 'MAKERSPACE',
  franceServices: 'FRANCE_SERVICES',
});
