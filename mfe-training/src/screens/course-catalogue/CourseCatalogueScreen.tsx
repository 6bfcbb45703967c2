import { PageHeader } from '@couronne/ui';
import { useT } from '../../i18n.ts';

export function CourseCatalogueScreen() {
  const t = useT();
  return <PageHeader title={t('catalogueTitle')} />;
}
