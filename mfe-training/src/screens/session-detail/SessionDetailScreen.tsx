import { formatDate, formatDateTime, formatTime, graphqlErrorCode, Link, phoneHref, formatPhoneNumber, useConsole, useModuleHref, type RouteParams } from '@couronne/console-kit';
import { DataTable, EmptyState, ErrorState, LoadingState, ModalDialog, PageHeader, type DataTableColumn } from '@couronne/ui';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ReasonForm } from '../../components/ReasonForm.tsx';
import { failureKey, isTypedError } from '../../components/mutation-errors.ts';
import { parisDayOf } from '../../components/paris-time.ts';
import { ENROLMENT_STATUS_LABELS } from '../../components/enum-labels.ts';
import { useT } from '../../i18n.ts';
import { AttendanceForm } from './AttendanceForm.tsx';
import { EnrolResidentForm } from './EnrolResidentForm.tsx';
import { CancelEnrolmentMutation, CancelTrainingSessionMutation, SessionDetailQuery, type SessionDetail, type SessionEnrolment } from './session-detail.graphql.ts';

/** One training session, at `/seances/:id`: its figures, who is enrolled or waiting, attendance, cancellation. */
export function SessionDetailScreen({ params }: { params: RouteParams }) {
  const t = useT();
  const href = useModuleHref();
  const id = params.id ?? '';
  const [result, reexecute] = useQuery({ query: SessionDetailQuery, variables: { id } });
  const back = <Link href={href('/')}>{t('sessionBackToCalendar')}</Link>;

  // A refused `enrolments` (the place is outside the agent's communes) nulls the whole session.
  if (result.error && !result.data?.node) {
    const code = graphqlErrorCode(result.error);
    return (
      <>
        <PageHeader title={t('sessionDetailTitle')} />
        {code === 'FORBIDDEN' ? (
          <EmptyState title={t('sessionForbidden')} />
        ) : code === 'NOT_FOUND' || code === 'BAD_USER_INPUT' ? (
          <EmptyState title={t('sessionNotFound')} />
        ) : (
          <ErrorState message={t('sessionDetailError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        )}
        {back}
      </>
    );
  }
  if (!result.data) {
    return (
      <>
        <PageHeader title={t('sessionDetailTitle')} />
        <LoadingState />
      </>
    );
  }
  const node = result.data.node;
  if (!node || node.__typename !== 'TrainingSession') {
    return (
      <>
        <PageHeader title={t('sessionDetailTitle')} />
        <EmptyState title={t('sessionNotFound')} />
        {back}
      </>
    );
  }
  return <SessionView session={node as SessionDetail} />;
}

function SessionView({ session }: { session: SessionDetail }) {
  const t = useT();
  const { locale } = useConsole();
  const href = useModuleHref();
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelledEnrolment, cancelEnrolment] = useMutation(CancelEnrolmentMutation);
  const [cancelledSession, cancelSession] = useMutation(CancelTrainingSessionMutation);

  const started = new Date(session.startsAt).getTime() <= Date.now();
  const open = !started && !session.isCancelled;
  const seated = session.enrolments.filter((enrolment) => enrolment.status === 'ENROLLED' || enrolment.status === 'OFFERED');
  const waiting = session.enrolments.filter((enrolment) => enrolment.status === 'WAITLISTED');
  const onSession = new Set(session.enrolments.flatMap((enrolment) => (enrolment.resident ? [enrolment.resident.id] : [])));
  const nameOf = (enrolment: SessionEnrolment) => enrolment.resident?.displayName ?? t('sessionResidentHidden');
  const when = t('sessionWhen', {
    date: formatDate(session.startsAt, locale),
    start: formatTime(session.startsAt, locale),
    end: formatTime(session.endsAt, locale),
  });

  const cancelEnrolmentDialog = (enrolment: SessionEnrolment) => (
    <ModalDialog
      triggerLabel={t('cancelEnrolment')}
      triggerAriaLabel={t('cancelEnrolmentNamed', { name: nameOf(enrolment) })}
      triggerVariant="secondary"
      title={t('cancelEnrolmentTitle', { name: nameOf(enrolment) })}
    >
      {(close) => (
        <ReasonForm
          explanation={<p>{t(enrolment.status === 'WAITLISTED' ? 'cancelEnrolmentWaitlistExplanation' : 'cancelEnrolmentExplanation')}</p>}
          submitLabel={t('cancelEnrolmentConfirm')}
          pending={cancelledEnrolment.fetching}
          onSubmit={async (reason) => {
            const answer = await cancelEnrolment({ input: { enrolmentId: enrolment.id, reason } });
            const payload = answer.data?.cancelEnrolment;
            const key = failureKey(payload, answer.error, { BAD_USER_INPUT: 'cancelEnrolmentRefused', CONFLICT: 'cancelEnrolmentConflict' });
            if (key || !payload || isTypedError(payload)) return t(key ?? 'errorInternal');
            const offered = payload.offeredTo;
            const cancelled = t('cancelEnrolmentDone', { name: nameOf(enrolment) });
            const next = offered
              ? t(offered.offerExpiresAt ? 'cancelEnrolmentOffered' : 'cancelEnrolmentOfferedNoDeadline', {
                  name: offered.resident?.displayName ?? t('sessionResidentHidden'),
                  until: offered.offerExpiresAt ? formatDateTime(offered.offerExpiresAt, locale) : '',
                })
              : enrolment.status === 'WAITLISTED'
                ? ''
                : t('cancelEnrolmentSeatFree');
            close();
            setNotice(next ? `${cancelled} ${next}` : cancelled);
            return null;
          }}
        />
      )}
    </ModalDialog>
  );

  const contact = (enrolment: SessionEnrolment) => {
    const resident = enrolment.resident;
    if (!resident) return '';
    const tel = resident.phone ? phoneHref(resident.phone) : null;
    return (
      <>
        <a href={`mailto:${resident.email}`}>{resident.email}</a>
        {resident.phone && (
          <>
            <br />
            {tel ? <a href={tel}>{formatPhoneNumber(resident.phone)}</a> : resident.phone}
          </>
        )}
      </>
    );
  };

  const seatedColumns: DataTableColumn<SessionEnrolment>[] = [
    { id: 'name', header: t('enrolmentName'), cell: nameOf, isRowHeader: true, sortValue: nameOf },
    { id: 'contact', header: t('enrolmentContact'), cell: contact },
    {
      id: 'status',
      header: t('enrolmentStatus'),
      cell: (enrolment) =>
        enrolment.status === 'OFFERED' && enrolment.offerExpiresAt
          ? t('enrolmentOfferedUntil', { until: formatDateTime(enrolment.offerExpiresAt, locale) })
          : t(ENROLMENT_STATUS_LABELS[enrolment.status]),
    },
    {
      id: 'enrolledBy',
      header: t('enrolmentBy'),
      cell: (enrolment) =>
        t(enrolment.enrolledBy ? 'enrolmentByAgent' : 'enrolmentByResident', {
          agent: enrolment.enrolledBy?.displayName ?? '',
          date: formatDate(enrolment.createdAt, locale),
        }),
    },
    ...(open ? [{ id: 'actions', header: t('enrolmentActions'), cell: cancelEnrolmentDialog }] : []),
  ];
  const waitingColumns: DataTableColumn<SessionEnrolment>[] = [
    { id: 'position', header: t('waitlistPosition'), cell: (enrolment) => enrolment.waitlistPosition ?? '', align: 'end' },
    { id: 'name', header: t('enrolmentName'), cell: nameOf, isRowHeader: true },
    { id: 'contact', header: t('enrolmentContact'), cell: contact },
    { id: 'since', header: t('waitlistSince'), cell: (enrolment) => formatDateTime(enrolment.createdAt, locale) },
    ...(open ? [{ id: 'actions', header: t('enrolmentActions'), cell: cancelEnrolmentDialog }] : []),
  ];

  const actions = open ? (
    <>
      <ModalDialog triggerLabel={t('enrolOpen')} title={t('enrolTitle', { course: session.course.title })}>
        <EnrolResidentForm sessionId={session.id} enrolledResidentIds={onSession} onEnrolled={setNotice} />
      </ModalDialog>
      <ModalDialog triggerLabel={t('cancelSession')} triggerVariant="secondary" title={t('cancelSessionTitle')}>
        {(close) => (
          <ReasonForm
            explanation={<p>{t('cancelSessionExplanation', { count: session.enrolledCount, waitlist: session.waitlistCount })}</p>}
            submitLabel={t('cancelSessionConfirm')}
            pending={cancelledSession.fetching}
            onSubmit={async (reason) => {
              const answer = await cancelSession({ input: { sessionId: session.id, reason } });
              const key = failureKey(answer.data?.cancelTrainingSession, answer.error, { BAD_USER_INPUT: 'cancelSessionRefused' });
              if (key) return t(key);
              close();
              setNotice(t('cancelSessionDone'));
              return null;
            }}
          />
        )}
      </ModalDialog>
    </>
  ) : null;

  return (
    <>
      <PageHeader title={session.course.title} description={t('sessionSubtitle', { when, place: session.place.name })} actions={actions} />
      <p>
        <Link href={`${href('/')}?jour=${parisDayOf(session.startsAt)}`}>{t('sessionBackToWeek')}</Link>
      </p>
      <div role="status" className={notice ? 'cou-notice' : undefined}>
        {notice}
      </div>
      {session.isCancelled && (
        <p className="cou-form-error">
          {session.cancelReason ? t('sessionCancelledBecause', { reason: session.cancelReason }) : t('sessionCancelled')}
        </p>
      )}
      <dl className="cou-facts">
        <dt>{t('sessionFactWhen')}</dt>
        <dd>{when}</dd>
        <dt>{t('sessionFactPlace')}</dt>
        <dd>
          {t('sessionPlace', {
            room: session.room.name,
            place: session.place.name,
            address: `${session.place.street}, ${session.place.postalCode} ${session.place.commune.name}`,
          })}
        </dd>
        <dt>{t('sessionFactTrainer')}</dt>
        <dd>{session.trainer?.displayName ?? t('sessionNoTrainer')}</dd>
        <dt>{t('sessionFactCapacity')}</dt>
        <dd>{t('placesCount', { count: session.capacity })}</dd>
        <dt>{t('sessionFactEnrolled')}</dt>
        <dd>{session.enrolledCount}</dd>
        <dt>{t('sessionFactWaitlist')}</dt>
        <dd>{session.waitlistCount}</dd>
        <dt>{t('sessionFactFree')}</dt>
        <dd>{session.freePlaces}</dd>
      </dl>

      <h2>{t('enrolledHeading', { count: seated.length })}</h2>
      {seated.length > 0 ? (
        <DataTable caption={t('enrolledCaption')} columns={seatedColumns} rows={seated} getRowKey={(enrolment) => enrolment.id} />
      ) : (
        <EmptyState title={t('enrolledEmpty')} />
      )}

      <h2>{t('waitlistHeading', { count: waiting.length })}</h2>
      {waiting.length > 0 ? (
        <DataTable caption={t('waitlistCaption')} columns={waitingColumns} rows={waiting} getRowKey={(enrolment) => enrolment.id} />
      ) : (
        <EmptyState title={t('waitlistEmpty')} />
      )}

      {!session.isCancelled && (
        <>
          <h2>{t('attendanceTitle')}</h2>
          {!started ? (
            <p>{t('attendanceLater', { when: formatDateTime(session.startsAt, locale) })}</p>
          ) : seated.some((enrolment) => enrolment.status === 'ENROLLED') ? (
            <AttendanceForm
              sessionId={session.id}
              enrolments={seated.filter((enrolment) => enrolment.status === 'ENROLLED')}
              onRecorded={(count) => setNotice(t('attendanceDone', { count }))}
            />
          ) : (
            <p>{t('attendanceNobody')}</p>
          )}
        </>
      )}
    </>
  );
}
