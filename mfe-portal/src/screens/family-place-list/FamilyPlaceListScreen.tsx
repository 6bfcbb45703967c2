import { PlacesByKindScreen } from '@couronne/console-kit';
import { useT } from '../../i18n.ts';
import { FamilyPlaceListQuery } from './family-place-list.graphql.ts';

export function FamilyPlaceListScreen() {
  const t = useT();
  return (
    <PlacesByKindScreen
      query={FamilyPlaceListQuery}
      kinds={[
        { field: 'creches', kind: t('kindCreche') },
        { field: 'schools', kind: t('kindSchool') },
        { field: 'leisureCentres', kind: t('kindLeisureCentre') },
      ]}
      title={t('placeListTitle')}
      description={t('placeListDescription')}
      errorMessage={t('placeListError')}
      emptyTitle={t('placeListEmpty')}
    />
  );
}
