import { gql } from '@urql/core';
import type { AppointmentModality, BookingStatus } from '../../components/enum-labels.ts';
import { ERROR_FIELDS, type TypedError } from '../../components/mutation-errors.ts';

export interface AgendaAdvisor {
  id: string;
  name: string;
  resource: { id: string; name: string };
  places: { id: string; name: string }[];
}

export const AdvisorAgendaAdvisorsQuery = gql<
  { viewer: { agent: { id: string; advisor: { id: string } | null } | null }; advisors: AgendaAdvisor[] },
  Record<string, never>
>`
  query AdvisorAgendaAdvisors {
    viewer {
      agent {
        id
        advisor {
          id
        }
      }
    }
    advisors {
      id
      name
      resource {
        id
        name
      }
      places {
        id
        name
      }
    }
  }
`;

export interface AgendaBooking {
  id: string;
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  note: string | null;
  appointmentType: { id: string; name: string; modality: AppointmentModality };
  resident: { id: string; displayName: string; phone: string | null } | null;
  place: { id: string; name: string; street: string; postalCode: string; commune: { id: string; name: string } };
  activityReport: { id: string } | null;
}

export const AGENDA_PAGE_SIZE = 100;

export const AdvisorAgendaBookingsQuery = gql<
  { bookings: { totalCount: number; edges: { node: AgendaBooking }[] } },
  { resourceId: string; from: string; to: string; first: number }
>`
  query AdvisorAgendaBookings($resourceId: ID!, $from: DateTime!, $to: DateTime!, $first: Int!) {
    bookings(first: $first, filter: { resourceIds: [$resourceId], from: $from, to: $to, statuses: [HELD, CONFIRMED, NO_SHOW] }) {
      totalCount
      edges {
        node {
          id
          startsAt
          endsAt
          status
          note
          appointmentType {
            id
            name
            modality
          }
          resident {
            id
            displayName
            phone
          }
          place {
            id
            name
            street
            postalCode
            commune {
              id
              name
            }
          }
          activityReport {
            id
          }
        }
      }
    }
  }
`;

type Outcome<Success extends string> = { __typename: Success; booking: { id: string; status: BookingStatus } } | TypedError | null | undefined;

export const AgendaMarkNoShowMutation = gql<{ markBookingNoShow: Outcome<'MarkBookingNoShowSuccess'> }, { input: { bookingId: string } }>`
  mutation AgendaMarkNoShow($input: MarkBookingNoShowInput!) {
    markBookingNoShow(input: $input) {
      __typename
      ... on MarkBookingNoShowSuccess {
        booking {
          id
          status
        }
      }
${ERROR_FIELDS}
    }
  }
`;
