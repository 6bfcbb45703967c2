import { PlacesByKindScreen } from '@couronne/console-kit';
import { useT } from '../../i18n.ts';
import { HealthCentreListQuery } from './health-centre-list.graphql.ts';

/** One kind only: its table is the whole list, captioned by its count. */
export function HealthCentreListScreen() {
  const t = useT();
  return (
    <PlacesByKindScreen
      query={HealthCentreListQuery}
      kinds={[{ field: 'places', kind: t('healthCentreListTitle') }]}
      title={t('healthCentreListTitle')}
      description={t('healthCentreListDescription')}
      errorMessage={t('healthCentreListError')}
      emptyTitle={t('healthCentreListEmpty')}
      caption={(_kind, count) => t('healthCentreListCaption', { count })}
      truncated={(count, total) => t('healthCentreListTruncated', { count, total })}
    />
  );
}
