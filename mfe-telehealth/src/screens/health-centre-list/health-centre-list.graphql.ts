import { placesByKindQuery } from '@couronne/console-kit';

export const HealthCentreListQuery = placesByKindQuery('HealthCentreList', { places: 'HEALTH_CENTRE' });
