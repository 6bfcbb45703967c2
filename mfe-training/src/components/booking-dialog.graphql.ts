import { gql } from '@urql/core';
import type { AppointmentModality, SchedulingResourceKind } from './enum-labels.ts';
import { ERROR_FIELDS, type TypedError } from './mutation-errors.ts';

/** A mutation field's value: its Success type or a typed error; null when the request itself failed. */
export type MutationResult<Success extends { __typename: string }> = Success | TypedError | null | undefined;

export interface BookableAppointmentType {
  id: string;
  name: string;
  durationMinutes: number;
  modality: AppointmentModality;
  /** 1 for an appointment; more for a group session, booked by enrolment instead. */
  capacity: number;
}

export const BookingDialogAppointmentTypesQuery = gql<{ appointmentTypes: BookableAppointmentType[] }, { resourceKind: SchedulingResourceKind }>`
  query BookingDialogAppointmentTypes($resourceKind: SchedulingResourceKind!) {
    appointmentTypes(resourceKind: $resourceKind) {
      id
      name
      durationMinutes
      modality
      capacity
    }
  }
`;

export interface FreeSlot {
  startsAt: string;
  endsAt: string;
  resource: { id: string; name: string };
  place: { id: string; name: string };
}

export interface SlotSearchInput {
  appointmentTypeId: string;
  from: string;
  to: string;
  resourceIds?: string[];
  placeIds?: string[];
  first: number;
}

export const BookingDialogSlotsQuery = gql<{ availableSlots: FreeSlot[] }, { input: SlotSearchInput }>`
  query BookingDialogSlots($input: SlotSearchInput!) {
    availableSlots(input: $input) {
      startsAt
      endsAt
      resource {
        id
        name
      }
      place {
        id
        name
      }
    }
  }
`;

export interface HeldBooking {
  id: string;
  startsAt: string;
  endsAt: string;
  holdExpiresAt: string | null;
}

export const BookingDialogHoldSlotMutation = gql<
  { holdSlot: MutationResult<{ __typename: 'HoldSlotSuccess'; booking: HeldBooking }> },
  { input: { appointmentTypeId: string; resourceId: string; startsAt: string; residentId: string; note?: string } }
>`
  mutation BookingDialogHoldSlot($input: HoldSlotInput!) {
    holdSlot(input: $input) {
      __typename
      ... on HoldSlotSuccess {
        booking {
          id
          startsAt
          endsAt
          holdExpiresAt
        }
      }
${ERROR_FIELDS}
    }
  }
`;

export const BookingDialogConfirmMutation = gql<
  { confirmBooking: MutationResult<{ __typename: 'ConfirmBookingSuccess'; booking: { id: string; status: string } }> },
  { input: { bookingId: string } }
>`
  mutation BookingDialogConfirm($input: ConfirmBookingInput!) {
    confirmBooking(input: $input) {
      __typename
      ... on ConfirmBookingSuccess {
        booking {
          id
          status
        }
      }
${ERROR_FIELDS}
    }
  }
`;

/** Cancels a booking with a reason: a hold given up in the dialog, an appointment from the agenda. */
export const CancelBookingMutation = gql<
  { cancelBooking: MutationResult<{ __typename: 'CancelBookingSuccess'; booking: { id: string; status: string } }> },
  { input: { bookingId: string; reason: string } }
>`
  mutation CancelBooking($input: CancelBookingInput!) {
    cancelBooking(input: $input) {
      __typename
      ... on CancelBookingSuccess {
        booking {
          id
          status
        }
      }
${ERROR_FIELDS}
    }
  }
`;
