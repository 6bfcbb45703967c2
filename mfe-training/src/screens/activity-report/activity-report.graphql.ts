import { gql } from '@urql/core';
import type { ActivityTopic, AutonomyLevel, BookingStatus, EquipmentUsed, ReferralTarget } from '../../components/enum-labels.ts';
import { ERROR_FIELDS, type TypedError } from '../../components/mutation-errors.ts';

export interface ReportedBooking {
  __typename: 'Booking';
  id: string;
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  appointmentType: { id: string; name: string };
  resident: { id: string; displayName: string } | null;
  place: { id: string; name: string };
  resource: { id: string; name: string; advisor: { id: string; name: string } | null };
  activityReport: { id: string } | null;
}

export const ActivityReportBookingQuery = gql<{ node: ReportedBooking | { __typename: string } | null }, { id: string }>`
  query ActivityReportBooking($id: ID!) {
    node(id: $id) {
      __typename
      ... on Booking {
        id
        startsAt
        endsAt
        status
        appointmentType {
          id
          name
        }
        resident {
          id
          displayName
        }
        place {
          id
          name
        }
        resource {
          id
          name
          advisor {
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
`;

export interface RecordActivityReportInput {
  bookingId: string;
  topics: ActivityTopic[];
  durationMinutes: number;
  equipment: EquipmentUsed[];
  autonomy: AutonomyLevel;
  referral?: ReferralTarget;
  referralNote?: string;
}

export const RecordActivityReportMutation = gql<
  { recordActivityReport: { __typename: 'RecordActivityReportSuccess'; report: { id: string } } | TypedError | null | undefined },
  { input: RecordActivityReportInput }
>`
  mutation RecordActivityReport($input: RecordActivityReportInput!) {
    recordActivityReport(input: $input) {
      __typename
      ... on RecordActivityReportSuccess {
        report {
          id
          booking {
            id
            activityReport {
              id
            }
          }
        }
      }
${ERROR_FIELDS}
    }
  }
`;
