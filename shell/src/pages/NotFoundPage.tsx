import { Link } from '@couronne/console-kit';
import { PageHeader } from '@couronne/ui';
import { useT } from '../i18n.ts';

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('notFoundTitle')} description={t('notFoundText')} />
      <Link href="/">{t('backHome')}</Link>
    </>
  );
}
