import { gql } from '@urql/core';
import { ERROR_FIELDS, type TypedError } from '../../components/mutation-errors.ts';
import type { AttendanceStatus, EnrolmentStatus } from '../../components/enum-labels.ts';

export interface SessionResident {
  id: string;
  displayName: string;
  email: string;
  phone: string | null;
}

export interface SessionEnrolment {
  id: string;
  status: EnrolmentStatus;
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  attendance: AttendanceStatus | null;
  createdAt: string;
  /** Null for a resident of a commune the agent does not serve. */
  resident: SessionResident | null;
  enrolledBy: { id: string; displayName: string } | null;
}

export interface SessionDetail {
  __typename: 'TrainingSession';
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  enrolledCount: number;
  waitlistCount: number;
  freePlaces: number;
  isCancelled: boolean;
  cancelReason: string | null;
  course: { id: string; title: string };
  place: { id: string; name: string; street: string; postalCode: string; commune: { id: string; name: string } };
  room: { id: string; name: string };
  trainer: { id: string; displayName: string } | null;
  enrolments: SessionEnrolment[];
}

/** Any other node an id may name: the screen says it is not a session. */
type OtherNode = { __typename: Exclude<string, 'TrainingSession'> };

export const SessionDetailQuery = gql<{ node: SessionDetail | OtherNode | null }, { id: string }>`
  query SessionDetail($id: ID!) {
    node(id: $id) {
      ... on TrainingSession {
        id
        startsAt
        endsAt
        capacity
        enrolledCount
        waitlistCount
        freePlaces
        isCancelled
        cancelReason
        course {
          id
          title
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
        room {
          id
          name
        }
        trainer {
          id
          displayName
        }
        enrolments {
          id
          status
          waitlistPosition
          offerExpiresAt
          attendance
          createdAt
          resident {
            id
            displayName
            email
            phone
          }
          enrolledBy {
            id
            displayName
          }
        }
      }
    }
  }
`;

export interface FoundResident {
  id: string;
  displayName: string;
  email: string;
  commune: { id: string; name: string } | null;
}

export const ResidentSearchQuery = gql<{ residents: { totalCount: number; edges: { node: FoundResident }[] } }, { name: string }>`
  query ResidentSearch($name: String!) {
    residents(first: 10, filter: { name: $name }) {
      totalCount
      edges {
        node {
          id
          displayName
          email
          commune {
            id
            name
          }
        }
      }
    }
  }
`;

export interface EnrolInTrainingSessionData {
  enrolInTrainingSession:
    | { __typename: 'EnrolInTrainingSessionSuccess'; enrolment: { id: string; status: EnrolmentStatus; waitlistPosition: number | null } }
    | TypedError
    | null;
}

export const EnrolInTrainingSessionMutation = gql<EnrolInTrainingSessionData, { input: { sessionId: string; residentId: string } }>`
  mutation EnrolInTrainingSession($input: EnrolInTrainingSessionInput!) {
    enrolInTrainingSession(input: $input) {
      ... on EnrolInTrainingSessionSuccess {
        enrolment {
          id
          status
          waitlistPosition
          session {
            id
            enrolledCount
            waitlistCount
            freePlaces
          }
        }
      }${ERROR_FIELDS}
    }
  }
`;

export interface CancelEnrolmentData {
  cancelEnrolment:
    | {
        __typename: 'CancelEnrolmentSuccess';
        enrolment: { id: string; status: EnrolmentStatus };
        offeredTo: { id: string; offerExpiresAt: string | null; resident: { id: string; displayName: string } | null } | null;
      }
    | TypedError
    | null;
}

export const CancelEnrolmentMutation = gql<CancelEnrolmentData, { input: { enrolmentId: string; reason: string } }>`
  mutation CancelEnrolment($input: CancelEnrolmentInput!) {
    cancelEnrolment(input: $input) {
      ... on CancelEnrolmentSuccess {
        enrolment {
          id
          status
        }
        offeredTo {
          id
          status
          offerExpiresAt
          resident {
            id
            displayName
          }
        }
      }${ERROR_FIELDS}
    }
  }
`;

export interface RecordAttendanceData {
  recordAttendance: { __typename: 'RecordAttendanceSuccess'; session: { id: string } } | TypedError | null;
}

export const RecordAttendanceMutation = gql<
  RecordAttendanceData,
  { input: { sessionId: string; attendances: { enrolmentId: string; attendance: AttendanceStatus }[] } }
>`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      ... on RecordAttendanceSuccess {
        session {
          id
          enrolments {
            id
            attendance
          }
        }
      }${ERROR_FIELDS}
    }
  }
`;

export interface CancelTrainingSessionData {
  cancelTrainingSession: { __typename: 'CancelTrainingSessionSuccess'; session: { id: string } } | TypedError | null;
}

export const CancelTrainingSessionMutation = gql<CancelTrainingSessionData, { input: { sessionId: string; reason: string } }>`
  mutation CancelTrainingSession($input: CancelTrainingSessionInput!) {
    cancelTrainingSession(input: $input) {
      ... on CancelTrainingSessionSuccess {
        session {
          id
          isCancelled
          cancelReason
          freePlaces
        }
      }${ERROR_FIELDS}
    }
  }
`;
