import { formatDate, formatDateTime, formatTime, useConsole } from '@couronne/console-kit';
import { Button, DatePicker, EmptyState, ErrorState, LoadingState, ModalDialog, RadioGroup, Select, showToast, TextAreaField } from '@couronne/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useT } from '../i18n.ts';
import {
  BookingDialogAppointmentTypesQuery,
  BookingDialogConfirmMutation,
  BookingDialogHoldSlotMutation,
  CancelBookingMutation,
  BookingDialogSlotsQuery,
  type BookableAppointmentType,
  type FreeSlot,
  type HeldBooking,
  type SlotSearchInput,
} from './booking-dialog.graphql.ts';
import { MODALITY_LABELS, type SchedulingResourceKind } from './enum-labels.ts';
import { addDays, daysBetween, isCalendarDay, parisDayOf, parisInstant, todayInParis } from './paris-time.ts';
import { answers } from './query-result.ts';
import type { ResidentMatch } from './resident-picker.graphql.ts';
import { ResidentPicker } from './ResidentPicker.tsx';

export interface BookingDialogProps {
  /** Text of the button that opens it: « Nouveau rendez-vous », « Réserver l'imprimante 3D ». */
  triggerLabel: string;
  title: string;
  /** The advisor's resource or the equipment booked. */
  resource: { id: string; name: string; kind: SchedulingResourceKind };
  /** The types booked on this resource (an equipment's own); when absent, every type of its kind. */
  appointmentTypes?: readonly BookableAppointmentType[];
  /** When given, the slots may also be those of any resource at one of these places (any advisor at a library). */
  places?: readonly { id: string; name: string }[];
  triggerVariant?: 'primary' | 'secondary';
  /** The trigger's fuller name when its text is ambiguous: « Réserver Imprimante 3D » in a table row. */
  triggerAriaLabel?: string;
  /** Called once a booking is confirmed, with what it booked: the agenda then shows that week. */
  onBooked?: (booking: { startsAt: string; resourceId: string }) => void;
}

/**
 * Books an appointment for a resident: who, what, when (free slots from availableSlots, grouped by day),
 * then holdSlot keeps the chosen slot for a few minutes while the agent checks it with the person, and
 * confirmBooking books it. A slot taken meanwhile, or a hold that runs out, is said and the slots are
 * searched again. One dialog for advisors and equipment alike. A list showing bookings is refetched by
 * urql's cache when a Booking comes back from holdSlot or confirmBooking.
 */
export function BookingDialog({ triggerLabel, title, triggerVariant, triggerAriaLabel, ...props }: BookingDialogProps) {
  return (
    <ModalDialog triggerLabel={triggerLabel} title={title} triggerVariant={triggerVariant} triggerAriaLabel={triggerAriaLabel}>
      {(close) => <BookingForm {...props} close={close} />}
    </ModalDialog>
  );
}

const MAX_SEARCH_DAYS = 31;
const MAX_SLOTS = 200;

type Notice = 'slotTaken' | 'holdRefused' | 'holdExpired' | 'forbidden' | 'failed';
const noticeKeys = {
  slotTaken: 'bookingSlotTaken',
  holdRefused: 'bookingHoldRefused',
  holdExpired: 'bookingHoldExpired',
  forbidden: 'bookingForbidden',
  failed: 'bookingFailed',
} as const;

const slotKey = (slot: FreeSlot) => `${slot.resource.id}|${slot.startsAt}`;

function BookingForm({
  resource,
  appointmentTypes: givenTypes,
  places,
  onBooked,
  close,
}: Omit<BookingDialogProps, 'triggerLabel' | 'title' | 'triggerVariant' | 'triggerAriaLabel'> & { close: () => void }) {
  const t = useT();
  const { locale } = useConsole();
  const fieldId = useId();
  const heldRef = useRef<HTMLDivElement>(null);
  const today = todayInParis();

  const [typesResult, reloadTypes] = useQuery({
    query: BookingDialogAppointmentTypesQuery,
    variables: { resourceKind: resource.kind },
    pause: givenTypes !== undefined,
  });
  const types = (givenTypes ?? typesResult.data?.appointmentTypes ?? []).filter((type) => type.capacity === 1);

  const [resident, setResident] = useState<ResidentMatch | null>(null);
  const [typeId, setTypeId] = useState<string | null>(null);
  const [scope, setScope] = useState<'resource' | 'place'>('resource');
  const [placeId, setPlaceId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(today);
  const [to, setTo] = useState<string | null>(addDays(today, 6));
  const [search, setSearch] = useState<SlotSearchInput | null>(null);
  const [searchTried, setSearchTried] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [holdTried, setHoldTried] = useState(false);
  const [hold, setHold] = useState<(HeldBooking & { place: FreeSlot['place']; resourceId: string }) | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const slotsVariables = { input: search as SlotSearchInput };
  const [slotsResult, reloadSlots] = useQuery({ query: BookingDialogSlotsQuery, variables: slotsVariables, pause: search === null });
  const [holding, holdSlot] = useMutation(BookingDialogHoldSlotMutation);
  const [confirming, confirmBooking] = useMutation(BookingDialogConfirmMutation);
  const [releasing, releaseHold] = useMutation(CancelBookingMutation);

  const type = types.find((candidate) => candidate.id === typeId) ?? null;
  const periodValid = isCalendarDay(from) && isCalendarDay(to) && daysBetween(from, to) >= 0 && daysBetween(from, to) < MAX_SEARCH_DAYS;

  const refreshSlots = () => {
    setChosen(null);
    reloadSlots({ requestPolicy: 'network-only' });
  };

  // The hold runs out on the server at holdExpiresAt: say so then, rather than at a failed confirmation.
  useEffect(() => {
    if (!hold?.holdExpiresAt) return;
    const timer = setTimeout(
      () => {
        setHold(null);
        setNotice('holdExpired');
        refreshSlots();
      },
      new Date(hold.holdExpiresAt).getTime() - Date.now(),
    );
    return () => clearTimeout(timer);
  }, [hold]);

  useEffect(() => {
    if (hold) heldRef.current?.focus();
  }, [hold]);

  /** Any change to what is searched hides the slots found for the previous search. */
  const changeSearch =
    <V,>(set: (value: V) => void) =>
    (value: V) => {
      set(value);
      setSearch(null);
      setSearchTried(false);
      setChosen(null);
    };

  const findSlots = () => {
    setSearchTried(true);
    setNotice(null);
    if (!type || !periodValid || (scope === 'place' && !placeId)) return;
    setSearch({
      appointmentTypeId: type.id,
      from: parisInstant(from),
      to: parisInstant(addDays(to, 1)),
      ...(scope === 'place' && placeId ? { placeIds: [placeId] } : { resourceIds: [resource.id] }),
      first: MAX_SLOTS,
    });
  };

  const slotsLoaded = search !== null && answers(slotsResult, slotsVariables);
  const slots = (slotsLoaded && slotsResult.data?.availableSlots) || [];
  const chosenSlot = slots.find((slot) => slotKey(slot) === chosen) ?? null;

  const holdChosen = async () => {
    setHoldTried(true);
    setNotice(null);
    if (!resident || !chosenSlot || !type) return;
    const trimmedNote = note.trim();
    const { data } = await holdSlot({
      input: {
        appointmentTypeId: type.id,
        resourceId: chosenSlot.resource.id,
        startsAt: chosenSlot.startsAt,
        residentId: resident.id,
        ...(trimmedNote ? { note: trimmedNote } : {}),
      },
    });
    const outcome = data?.holdSlot;
    if (outcome?.__typename === 'HoldSlotSuccess') {
      setHold({ ...outcome.booking, place: chosenSlot.place, resourceId: chosenSlot.resource.id });
      return;
    }
    if (outcome?.__typename === 'ConflictError' || outcome?.__typename === 'BadUserInputError') {
      setNotice(outcome.__typename === 'ConflictError' ? 'slotTaken' : 'holdRefused');
      refreshSlots();
      return;
    }
    setNotice(outcome?.__typename === 'ForbiddenError' ? 'forbidden' : 'failed');
  };

  const confirm = async () => {
    if (!hold) return;
    const { data } = await confirmBooking({ input: { bookingId: hold.id } });
    const outcome = data?.confirmBooking;
    if (outcome?.__typename === 'ConfirmBookingSuccess') {
      showToast({
        title: t('bookingConfirmed'),
        description: t('bookingConfirmedDetail', { resident: resident?.displayName ?? '', date: formatDateTime(hold.startsAt, locale) }),
        tone: 'success',
      });
      close();
      onBooked?.({ startsAt: hold.startsAt, resourceId: hold.resourceId });
      return;
    }
    if (outcome?.__typename === 'ConflictError') {
      // The hold ran out (or was released) on the server before the confirmation reached it.
      setHold(null);
      setNotice('holdExpired');
      refreshSlots();
      return;
    }
    setNotice(outcome?.__typename === 'ForbiddenError' ? 'forbidden' : 'failed');
  };

  const chooseAnother = async () => {
    if (!hold) return;
    // Frees the slot at once instead of keeping it from others until the hold runs out.
    await releaseHold({ input: { bookingId: hold.id, reason: t('bookingReleaseReason') } });
    setHold(null);
    setNotice(null);
    refreshSlots();
  };

  const noticeBox = notice && (
    <p className="cou-form-error" role="alert">
      {t(noticeKeys[notice])}
    </p>
  );

  if (givenTypes === undefined && !typesResult.data) {
    return typesResult.error ? (
      <ErrorState message={t('bookingAppointmentTypesError')} onRetry={() => reloadTypes({ requestPolicy: 'network-only' })} />
    ) : (
      <LoadingState lines={3} />
    );
  }
  if (types.length === 0) return <EmptyState title={t('bookingAppointmentTypesEmpty')} />;

  if (hold) {
    return (
      <div className="cou-form">
        <div ref={heldRef} tabIndex={-1} className="cou-notice">
          <p role="status">{t('bookingHeldUntil', { time: hold.holdExpiresAt ? formatTime(hold.holdExpiresAt, locale) : '' })}</p>
          <p>
            {t('bookingHeldSummary', {
              resident: resident?.displayName ?? '',
              type: type?.name ?? '',
              date: formatDate(hold.startsAt, locale),
              start: formatTime(hold.startsAt, locale),
              end: formatTime(hold.endsAt, locale),
              place: hold.place.name,
            })}
          </p>
        </div>
        {noticeBox}
        <Button onPress={confirm} isDisabled={confirming.fetching}>
          {t('bookingConfirm')}
        </Button>
        <Button variant="secondary" onPress={chooseAnother} isDisabled={releasing.fetching || confirming.fetching}>
          {t('bookingOtherSlot')}
        </Button>
      </div>
    );
  }

  const slotsByDay = new Map<string, FreeSlot[]>();
  for (const slot of slots) {
    const day = parisDayOf(slot.startsAt);
    slotsByDay.set(day, [...(slotsByDay.get(day) ?? []), slot]);
  }
  const anyResource = search?.placeIds !== undefined;

  return (
    <div className="cou-form">
      <ResidentPicker value={resident} onChange={setResident} errorMessage={holdTried && !resident ? t('residentMissing') : undefined} />
      <Select
        label={t('bookingAppointmentType')}
        options={types.map((candidate) => ({
          id: candidate.id,
          label: t('bookingAppointmentTypeOption', {
            name: candidate.name,
            minutes: candidate.durationMinutes,
            modality: t(MODALITY_LABELS[candidate.modality]),
          }),
        }))}
        selectedKey={typeId}
        onSelectionChange={changeSearch(setTypeId)}
        errorMessage={searchTried && !type ? t('bookingAppointmentTypeMissing') : undefined}
        isRequired
      />
      {places && places.length > 0 && (
        <>
          <RadioGroup
            label={t('bookingWith')}
            options={[
              { id: 'resource', label: t('bookingWithResource', { name: resource.name }) },
              { id: 'place', label: t('bookingWithAnyAdvisor') },
            ]}
            value={scope}
            onChange={(value) => changeSearch(setScope)(value === 'place' ? 'place' : 'resource')}
          />
          {scope === 'place' && (
            <Select
              label={t('bookingPlace')}
              options={places.map((place) => ({ id: place.id, label: place.name }))}
              selectedKey={placeId}
              onSelectionChange={changeSearch(setPlaceId)}
              errorMessage={searchTried && !placeId ? t('bookingPlaceMissing') : undefined}
              isRequired
            />
          )}
        </>
      )}
      <DatePicker label={t('bookingFrom')} value={from} onChange={changeSearch(setFrom)} minValue={today} isRequired />
      <DatePicker
        label={t('bookingTo')}
        value={to}
        onChange={changeSearch(setTo)}
        minValue={from ?? today}
        errorMessage={searchTried && !periodValid ? t('bookingPeriodInvalid') : undefined}
        isRequired
      />
      <Button variant="secondary" onPress={findSlots}>
        {t('bookingSearchSlots')}
      </Button>
      {search &&
        (slotsResult.error && !slotsLoaded ? (
          <ErrorState message={t('bookingSlotsError')} onRetry={refreshSlots} />
        ) : !slotsLoaded ? (
          <LoadingState lines={3} />
        ) : slots.length === 0 ? (
          <>
            {noticeBox}
            <EmptyState title={t('bookingSlotsEmpty')} />
          </>
        ) : (
          <>
            <fieldset aria-describedby={holdTried && !chosenSlot ? `${fieldId}-slot-error` : undefined}>
              <legend>{t('bookingSlots')}</legend>
              {[...slotsByDay].map(([day, daySlots]) => (
                <RadioGroup
                  key={day}
                  label={formatDate(day, locale)}
                  options={daySlots.map((slot) => ({
                    id: slotKey(slot),
                    label: t(anyResource ? 'bookingSlotLabelWithResource' : 'bookingSlotLabel', {
                      start: formatTime(slot.startsAt, locale),
                      end: formatTime(slot.endsAt, locale),
                      place: slot.place.name,
                      resource: slot.resource.name,
                      modality: type ? t(MODALITY_LABELS[type.modality]) : '',
                    }),
                  }))}
                  // One group per day, one choice in all: a group shows the choice only when it is one of its slots.
                  value={chosen && daySlots.some((slot) => slotKey(slot) === chosen) ? chosen : null}
                  onChange={setChosen}
                />
              ))}
              {holdTried && !chosenSlot && (
                <p id={`${fieldId}-slot-error`} className="cou-field-error">
                  {t('bookingSlotMissing')}
                </p>
              )}
            </fieldset>
            <TextAreaField label={t('bookingNoteLabel')} value={note} onChange={setNote} rows={2} />
            {noticeBox}
            <Button onPress={holdChosen} isDisabled={holding.fetching}>
              {t('bookingHold')}
            </Button>
          </>
        ))}
    </div>
  );
}
