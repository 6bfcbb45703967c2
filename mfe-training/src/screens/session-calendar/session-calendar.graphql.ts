import { gql } from '@urql/core';
import { ERROR_FIELDS, type TypedError } from '../../components/mutation-errors.ts';

export interface CalendarSession {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  freePlaces: number;
  waitlistCount: number;
  course: { id: string; title: string };
  place: { id: string; name: string };
  room: { id: string; name: string };
}

export interface SessionCalendarData {
  trainingSessions: { totalCount: number; edges: { node: CalendarSession }[] };
}

export interface SessionCalendarVariables {
  filter: { from: string; to: string; placeIds?: string[]; courseIds?: string[] };
}

// A week of one territory holds far fewer than 100 sessions; the screen says so if it ever does not.
export const SessionCalendarQuery = gql<SessionCalendarData, SessionCalendarVariables>`
  query SessionCalendar($filter: TrainingSessionFilter!) {
    trainingSessions(first: 100, filter: $filter) {
      totalCount
      edges {
        node {
          id
          startsAt
          endsAt
          capacity
          freePlaces
          waitlistCount
          course {
            id
            title
          }
          place {
            id
            name
          }
          room {
            id
            name
          }
        }
      }
    }
  }
`;

export interface SchedulingCourse {
  id: string;
  title: string;
  durationMinutes: number;
}

export interface SchedulingRoom {
  id: string;
  name: string;
  place: { id: string; name: string };
}

export interface SessionCalendarOptionsData {
  courses: { edges: { node: SchedulingCourse }[] };
  schedulingResources: { edges: { node: SchedulingRoom }[] };
  viewer: { agent: { id: string; displayName: string } | null };
}

/** What the filters and the scheduling dialog offer: the catalogue's courses and the rooms, with their places. */
export const SessionCalendarOptionsQuery = gql<SessionCalendarOptionsData, Record<string, never>>`
  query SessionCalendarOptions {
    courses(first: 100) {
      edges {
        node {
          id
          title
          durationMinutes
        }
      }
    }
    schedulingResources(first: 100, kind: ROOM) {
      edges {
        node {
          id
          name
          place {
            id
            name
          }
        }
      }
    }
    viewer {
      agent {
        id
        displayName
      }
    }
  }
`;

export interface ScheduleTrainingSessionInput {
  courseId: string;
  roomId: string;
  startsAt: string;
  capacity: number;
  trainerId?: string;
}

export interface ScheduleTrainingSessionData {
  scheduleTrainingSession: { __typename: 'ScheduleTrainingSessionSuccess'; session: { id: string; startsAt: string } } | TypedError | null;
}

export const ScheduleTrainingSessionMutation = gql<ScheduleTrainingSessionData, { input: ScheduleTrainingSessionInput }>`
  mutation ScheduleTrainingSession($input: ScheduleTrainingSessionInput!) {
    scheduleTrainingSession(input: $input) {
      ... on ScheduleTrainingSessionSuccess {
        session {
          id
          startsAt
        }
      }${ERROR_FIELDS}
    }
  }
`;
