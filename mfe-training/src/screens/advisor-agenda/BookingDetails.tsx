import { formatDate, formatDateTime, formatPhoneNumber, formatTime, Link, phoneHref, useConsole, useModuleHref } from '@couronne/console-kit';
import { Button, ModalDialog, showToast, TextField } from '@couronne/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { BOOKING_STATUS_LABELS, MODALITY_LABELS } from '../../components/enum-labels.ts';
import { failureKey } from '../../components/mutation-errors.ts';
import { useT } from '../../i18n.ts';
import type { fr } from '../../strings.fr.ts';
import { CancelBookingMutation } from '../../components/booking-dialog.graphql.ts';
import { AgendaMarkNoShowMutation, type AgendaBooking } from './advisor-agenda.graphql.ts';

export interface BookingDetailsProps {
  booking: AgendaBooking;
  onClose: () => void;
  /** When the booking turned out to have changed meanwhile: the agenda is to be fetched again. */
  onStale: () => void;
  /** After the booking is cancelled: it leaves the agenda (which urql's cache refetches). */
  onCancelled: () => void;
}

const actionFailures = {
  CONFLICT: 'bookingActionConflict',
  FORBIDDEN: 'bookingActionForbidden',
  INTERNAL: 'bookingActionFailed',
  NETWORK: 'bookingActionFailed',
} as const;

/**
 * One appointment of the agenda, next to the calendar: who, when, where, the need, its status, and what
 * can be done now (cancel before it starts; once started, record a no-show or write the report).
 * Focus moves to its heading when it opens.
 */
export function BookingDetails({ booking, onClose, onStale, onCancelled }: BookingDetailsProps) {
  const t = useT();
  const { locale } = useConsole();
  const href = useModuleHref();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [failure, setFailure] = useState<keyof typeof fr | null>(null);
  const [noShow, markNoShow] = useMutation(AgendaMarkNoShowMutation);

  useEffect(() => heading.current?.focus(), []);

  const started = new Date(booking.startsAt).getTime() <= Date.now();
  const cancellable = !started && (booking.status === 'HELD' || booking.status === 'CONFIRMED');
  const canReport = started && booking.status === 'CONFIRMED';
  const phone = booking.resident?.phone;

  const recordNoShow = async () => {
    const { data, error } = await markNoShow({ input: { bookingId: booking.id } });
    const key = failureKey(data?.markBookingNoShow, error, actionFailures);
    setFailure(key);
    if (key === 'bookingActionConflict') onStale();
    if (key) return;
    showToast({ title: t('bookingNoShowDone'), tone: 'success' });
  };

  return (
    <section className="cou-notice" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('bookingDetailsTitle', { date: formatDateTime(booking.startsAt, locale) })}
      </h2>
      <dl className="cou-facts">
        <dt>{t('bookingWho')}</dt>
        <dd>
          {booking.resident?.displayName ?? t('agendaResidentHidden')}
          {phone && (
            <>
              {' — '}
              <a href={phoneHref(phone) ?? undefined}>{formatPhoneNumber(phone)}</a>
            </>
          )}
        </dd>
        <dt>{t('bookingWhen')}</dt>
        <dd>
          {t('bookingWhenValue', {
            date: formatDate(booking.startsAt, locale),
            start: formatTime(booking.startsAt, locale),
            end: formatTime(booking.endsAt, locale),
          })}
        </dd>
        <dt>{t('bookingWhere')}</dt>
        <dd>
          {booking.place.name}, {booking.place.street}, {booking.place.postalCode} {booking.place.commune.name}
        </dd>
        <dt>{t('bookingType')}</dt>
        <dd>{booking.appointmentType.name}</dd>
        <dt>{t('bookingModality')}</dt>
        <dd>{t(MODALITY_LABELS[booking.appointmentType.modality])}</dd>
        <dt>{t('bookingNote')}</dt>
        <dd>{booking.note ?? t('bookingNoNote')}</dd>
        <dt>{t('bookingStatus')}</dt>
        <dd>{t(BOOKING_STATUS_LABELS[booking.status])}</dd>
        {booking.status === 'CONFIRMED' && started && (
          <>
            <dt>{t('bookingReport')}</dt>
            <dd>{t(booking.activityReport ? 'bookingReportDone' : 'bookingReportPending')}</dd>
          </>
        )}
      </dl>
      {failure && (
        <p className="cou-form-error" role="alert">
          {t(failure)}
        </p>
      )}
      <div className="cou-toolbar">
        {cancellable && <CancelBookingDialog bookingId={booking.id} onCancelled={onCancelled} onStale={onStale} />}
        {canReport && (
          <Button variant="secondary" onPress={recordNoShow} isDisabled={noShow.fetching}>
            {t('bookingNoShow')}
          </Button>
        )}
        {canReport && !booking.activityReport && (
          <Link className="cou-button cou-button--primary" href={href(`/agenda/${encodeURIComponent(booking.id)}/compte-rendu`)}>
            {t('bookingWriteReport')}
          </Link>
        )}
        <Button variant="secondary" onPress={onClose}>
          {t('bookingDetailsClose')}
        </Button>
      </div>
    </section>
  );
}

interface CancelBookingProps {
  bookingId: string;
  onCancelled: () => void;
  onStale: () => void;
}

function CancelBookingDialog(props: CancelBookingProps) {
  const t = useT();
  return (
    <ModalDialog triggerLabel={t('bookingCancel')} title={t('bookingCancelTitle')} triggerVariant="secondary">
      {(close) => <CancelBookingForm {...props} close={close} />}
    </ModalDialog>
  );
}

function CancelBookingForm({ bookingId, onCancelled, onStale, close }: CancelBookingProps & { close: () => void }) {
  const t = useT();
  const reasonField = useRef<HTMLInputElement>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<keyof typeof fr | null>(null);
  const [cancelling, cancelBooking] = useMutation(CancelBookingMutation);
  const missing = reason.trim() === '';

  const submit = async () => {
    setTried(true);
    if (missing) {
      reasonField.current?.focus();
      return;
    }
    const { data, error } = await cancelBooking({ input: { bookingId, reason: reason.trim() } });
    const key = failureKey(data?.cancelBooking, error, actionFailures);
    setFailure(key);
    if (key === 'bookingActionConflict') onStale();
    if (key) return;
    showToast({ title: t('bookingCancelled'), tone: 'success' });
    close();
    onCancelled();
  };

  return (
    <form
      className="cou-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextField
        ref={reasonField}
        label={t('bookingCancelReason')}
        value={reason}
        onChange={setReason}
        isRequired
        errorMessage={tried && missing ? t('bookingCancelReasonMissing') : undefined}
      />
      {failure && (
        <p className="cou-form-error" role="alert">
          {t(failure)}
        </p>
      )}
      <Button type="submit" isDisabled={cancelling.fetching}>
        {t('bookingCancelConfirm')}
      </Button>
    </form>
  );
}
