import { formatDate, formatTime, graphqlErrorCode, Link, useConsole, useModuleHref, type RouteParams } from '@couronne/console-kit';
import {
  Button,
  CheckboxGroup,
  EmptyState,
  ErrorState,
  LoadingState,
  NumberField,
  PageHeader,
  RadioGroup,
  Select,
  showToast,
  TextAreaField,
} from '@couronne/ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  ACTIVITY_TOPICS,
  AUTONOMY_LABELS,
  AUTONOMY_LEVELS,
  EQUIPMENT_USED,
  EQUIPMENT_USED_LABELS,
  REFERRAL_LABELS,
  REFERRAL_TARGETS,
  TOPIC_LABELS,
  type ActivityTopic,
  type AutonomyLevel,
  type EquipmentUsed,
  type ReferralTarget,
} from '../../components/enum-labels.ts';
import { minutesBetween } from '../../components/paris-time.ts';
import { failureKey } from '../../components/mutation-errors.ts';
import { useT } from '../../i18n.ts';
import type { fr } from '../../strings.fr.ts';
import { agendaHrefOf } from '../advisor-agenda/agenda-href.ts';
import { ActivityReportBookingQuery, RecordActivityReportMutation, type ReportedBooking } from './activity-report.graphql.ts';

/** The API's bounds (RecordActivityReportInput): a duration of 1 to 480 minutes, a note of 1000 characters. */
const MAX_MINUTES = 480;
const MAX_NOTE_LENGTH = 1000;
const NO_REFERRAL = 'NONE';

/**
 * The activity report of one appointment (`/agenda/:bookingId/compte-rendu`), written once it has
 * started: topics, duration, equipment, autonomy reached, referral. Back to the agenda's week once saved.
 */
export function ActivityReportScreen({ params }: { params: RouteParams }) {
  const t = useT();
  const href = useModuleHref();
  const bookingId = params.bookingId ?? '';
  const [result, reexecute] = useQuery({ query: ActivityReportBookingQuery, variables: { id: bookingId } });
  const header = <PageHeader title={t('reportTitle')} />;
  const node = result.data?.node;
  const booking = node?.__typename === 'Booking' ? (node as ReportedBooking) : null;
  const back = (
    <Link href={booking?.resource.advisor ? agendaHrefOf(href, booking.resource.advisor.id, booking.startsAt) : href('/agenda')}>
      {t('reportBack')}
    </Link>
  );

  if (result.error && !result.data) {
    const code = graphqlErrorCode(result.error);
    return (
      <>
        {header}
        {code === 'NOT_FOUND' || code === 'BAD_USER_INPUT' ? (
          <EmptyState title={t('reportNotFound')} action={back} />
        ) : (
          <ErrorState message={t('reportError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        )}
      </>
    );
  }
  if (!result.data) {
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  }
  if (!booking) {
    return (
      <>
        {header}
        <EmptyState title={t('reportNotFound')} action={back} />
      </>
    );
  }

  const reason: keyof typeof fr | null = booking.activityReport
    ? 'reportAlreadyDone'
    : booking.status !== 'CONFIRMED'
      ? 'reportNotConfirmed'
      : new Date(booking.startsAt).getTime() > Date.now()
        ? 'reportNotStarted'
        : null;
  return (
    <>
      {header}
      <BookingSummary booking={booking} />
      {reason ? <EmptyState title={t(reason)} action={back} /> : <ActivityReportForm booking={booking} />}
      {!reason && back}
    </>
  );
}

function BookingSummary({ booking }: { booking: ReportedBooking }) {
  const t = useT();
  const { locale } = useConsole();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('reportSummary')}</h2>
      <dl className="cou-facts">
        <dt>{t('bookingWho')}</dt>
        <dd>{booking.resident?.displayName ?? t('agendaResidentHidden')}</dd>
        <dt>{t('bookingWhen')}</dt>
        <dd>
          {t('bookingWhenValue', {
            date: formatDate(booking.startsAt, locale),
            start: formatTime(booking.startsAt, locale),
            end: formatTime(booking.endsAt, locale),
          })}
        </dd>
        <dt>{t('bookingWhere')}</dt>
        <dd>{booking.place.name}</dd>
        <dt>{t('bookingType')}</dt>
        <dd>{booking.appointmentType.name}</dd>
        <dt>{t('reportAdvisor')}</dt>
        <dd>{booking.resource.advisor?.name ?? booking.resource.name}</dd>
      </dl>
    </section>
  );
}

interface Errors {
  topics?: boolean;
  duration?: boolean;
  autonomy?: boolean;
}

const reportFailures = {
  CONFLICT: 'reportConflict',
  BAD_USER_INPUT: 'reportRefused',
  FORBIDDEN: 'reportForbidden',
  NOT_FOUND: 'reportNotFound',
  INTERNAL: 'reportFailed',
  NETWORK: 'reportFailed',
} as const;

function ActivityReportForm({ booking }: { booking: ReportedBooking }) {
  const t = useT();
  const { navigate } = useConsole();
  const href = useModuleHref();
  const form = useRef<HTMLFormElement>(null);
  const [topics, setTopics] = useState<ActivityTopic[]>([]);
  const [duration, setDuration] = useState<number | null>(() => minutesBetween(booking.startsAt, booking.endsAt));
  const [equipment, setEquipment] = useState<EquipmentUsed[]>([]);
  const [autonomy, setAutonomy] = useState<AutonomyLevel | null>(null);
  const [referral, setReferral] = useState<ReferralTarget | typeof NO_REFERRAL>(NO_REFERRAL);
  const [referralNote, setReferralNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<keyof typeof fr | null>(null);
  const [saving, record] = useMutation(RecordActivityReportMutation);

  // After a refused submit, focus goes to the first field in error (its group's first box for a group).
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid?.matches('input, textarea') ? invalid : invalid?.querySelector<HTMLElement>('input');
    target?.focus();
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Errors = {
      topics: topics.length === 0,
      duration: duration === null || !Number.isInteger(duration) || duration < 1 || duration > MAX_MINUTES,
      autonomy: autonomy === null,
    };
    setErrors(found);
    if (found.topics || found.duration || found.autonomy || duration === null || autonomy === null) {
      setAttempt((count) => count + 1);
      return;
    }
    const note = referralNote.trim();
    const { data, error } = await record({
      input: {
        bookingId: booking.id,
        topics,
        durationMinutes: duration,
        equipment,
        autonomy,
        ...(referral === NO_REFERRAL ? {} : { referral, ...(note ? { referralNote: note } : {}) }),
      },
    });
    const key = failureKey(data?.recordActivityReport, error, reportFailures);
    setFailure(key);
    if (key) return;
    showToast({ title: t('reportSaved'), tone: 'success' });
    navigate(booking.resource.advisor ? agendaHrefOf(href, booking.resource.advisor.id, booking.startsAt) : href('/agenda'));
  };

  return (
    <form ref={form} className="cou-form" noValidate onSubmit={(event) => void submit(event)}>
      <CheckboxGroup
        label={t('reportTopics')}
        description={t('reportTopicsHelp')}
        options={ACTIVITY_TOPICS.map((topic) => ({ id: topic, label: t(TOPIC_LABELS[topic]) }))}
        value={topics}
        onChange={(value) => setTopics(value as ActivityTopic[])}
        errorMessage={errors.topics ? t('reportTopicsMissing') : undefined}
        isRequired
      />
      <NumberField
        label={t('reportDuration')}
        description={t('reportDurationHelp')}
        value={duration}
        onChange={setDuration}
        minValue={1}
        maxValue={MAX_MINUTES}
        errorMessage={errors.duration ? t('reportDurationInvalid', { max: MAX_MINUTES }) : undefined}
        isRequired
      />
      <CheckboxGroup
        label={t('reportEquipment')}
        options={EQUIPMENT_USED.map((item) => ({ id: item, label: t(EQUIPMENT_USED_LABELS[item]) }))}
        value={equipment}
        onChange={(value) => setEquipment(value as EquipmentUsed[])}
      />
      <RadioGroup
        label={t('reportAutonomy')}
        options={AUTONOMY_LEVELS.map((level) => ({ id: level, label: t(AUTONOMY_LABELS[level]) }))}
        value={autonomy}
        onChange={(value) => setAutonomy(value as AutonomyLevel)}
        errorMessage={errors.autonomy ? t('reportAutonomyMissing') : undefined}
        isRequired
      />
      <Select
        label={t('reportReferral')}
        options={[
          { id: NO_REFERRAL, label: t('reportNoReferral') },
          ...REFERRAL_TARGETS.map((target) => ({ id: target, label: t(REFERRAL_LABELS[target]) })),
        ]}
        selectedKey={referral}
        onSelectionChange={(value) => setReferral(value as ReferralTarget | typeof NO_REFERRAL)}
      />
      {referral !== NO_REFERRAL && (
        <TextAreaField label={t('reportReferralNote')} value={referralNote} onChange={setReferralNote} maxLength={MAX_NOTE_LENGTH} rows={3} />
      )}
      {failure && (
        <p className="cou-form-error" role="alert">
          {t(failure)}
        </p>
      )}
      <Button type="submit" isDisabled={saving.fetching}>
        {t('reportSubmit')}
      </Button>
    </form>
  );
}
