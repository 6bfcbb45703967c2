import { PageHeader } from '@couronne/ui';
import { useT } from '../../i18n.ts';

export function SessionCalendarScreen() {
  const t = useT();
  return <PageHeader title={t('sessionCalendarTitle')} />;
}
