import { Link } from '@couronne/console-kit';
import { PageHeader } from '@couronne/ui';
import { useT } from '../i18n.ts';

/** A module route the viewer's roles do not open: said plainly, never an empty slot or a crash. */
export function AccessDeniedPage({ title }: { title: string }) {
  const t = useT();
  return (
    <>
      <PageHeader title={t('accessDeniedTitle')} description={t('accessDeniedText', { title })} />
      <Link href="/">{t('backHome')}</Link>
    </>
  );
}
