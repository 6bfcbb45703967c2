import { placesByKindQuery } from '@couronne/console-kit';

export const FamilyPlaceListQuery = placesByKindQuery('FamilyPlaceList', {
  creches: 'CRECHE',
  schools: 'SCHOOL',
  leisureCentres: 'LEISURE_CENTRE',
});
