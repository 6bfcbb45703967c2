import { PlacesByKindScreen } from '@couronne/console-kit';
import { useT } from '../../i18n.ts';
import { DigitalPlaceListQuery } from './digital-place-list.graphql.ts';

export function DigitalPlaceListScreen() {
  const t = useT();
  return (
    <PlacesByKindScreen
      query={DigitalPlaceListQuery}
      kinds={[
        { field: 'mediatheques', kind: t('kindMediatheque') },
        { field: 'tiersLieux', kind: t('kindTiersLieu') },
        { field: 'makerspaces', kind: t('kindMakerspace') },
        { field: 'franceServices', kind: t('kindFranceServices') },
      ]}
      title={t('placeListTitle')}
      description={t('placeListDescription')}
      errorMessage={t('placeListError')}
      emptyTitle={t('placeListEmpty')}
    />
  );
}
