import { formatInteger, graphqlErrorCode, Link, useConsole, useModuleHref, type RouteParams } from '@couronne/console-kit';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '@couronne/ui';
import { useQuery } from 'urql';
import { useT } from '../../i18n.ts';
import { CommuneDetailQuery } from './commune-detail.graphql.ts';

/** One commune, at `/communes/:inseeCode`: a deep link an agent can bookmark or reload. */
export function CommuneDetailScreen({ params }: { params: RouteParams }) {
  const t = useT();
  const href = useModuleHref();
  const { locale } = useConsole();
  const inseeCode = params.inseeCode ?? '';
  const [result, reexecute] = useQuery({ query: CommuneDetailQuery, variables: { inseeCode } });
  const back = <Link href={href('/')}>{t('communeBackToList')}</Link>;

  if (result.error && !result.data) {
    const code = graphqlErrorCode(result.error);
    return (
      <>
        <PageHeader title={t('communeDetailTitle')} />
        {code === 'NOT_FOUND' || code === 'BAD_USER_INPUT' ? (
          <EmptyState title={t('communeNotFound', { inseeCode })} />
        ) : (
          <ErrorState message={t('communeDetailError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        )}
        {back}
      </>
    );
  }
  if (!result.data) {
    return (
      <>
        <PageHeader title={t('communeDetailTitle')} />
        <LoadingState />
      </>
    );
  }

  const { commune } = result.data;
  return (
    <>
      <PageHeader title={commune.name} description={commune.epci.name} />
      <dl className="intranet-facts">
        <dt>{t('columnInseeCode')}</dt>
        <dd>{commune.inseeCode}</dd>
        <dt>{t('columnPostalCodes')}</dt>
        <dd>{commune.postalCodes.join(', ')}</dd>
        <dt>{t('columnPopulation')}</dt>
        <dd>{formatInteger(commune.population, locale)}</dd>
      </dl>
      {back}
    </>
  );
}
