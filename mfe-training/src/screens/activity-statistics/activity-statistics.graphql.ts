import { gql } from '@urql/core';
import type { ActivityTopic, AutonomyLevel, ReferralTarget } from '../../components/enum-labels.ts';

export const StatisticsFiltersQuery = gql<
  {
    advisors: { id: string; name: string; places: { id: string; name: string }[] }[];
    communes: { edges: { node: { id: string; name: string } }[] };
  },
  Record<string, never>
>`
  query StatisticsFilters {
    advisors {
      id
      name
      places {
        id
        name
      }
    }
    communes(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;

export interface StatisticsFilter {
  from: string;
  to: string;
  advisorId?: string;
  placeId?: string;
  communeId?: string;
}

interface Counted {
  count: number;
  minutes: number;
}

export interface ActivityStatistics {
  from: string;
  to: string;
  accompanimentCount: number;
  totalMinutes: number;
  residentCount: number;
  byAdvisor: (Counted & { advisor: { id: string; name: string } })[];
  byPlace: (Counted & { place: { id: string; name: string } })[];
  byCommune: (Counted & { commune: { id: string; name: string } | null })[];
  byTopic: { topic: ActivityTopic; count: number }[];
  byAutonomy: { autonomy: AutonomyLevel; count: number }[];
  byReferral: { referral: ReferralTarget; count: number }[];
}

export const ActivityStatisticsQuery = gql<{ activityStatistics: ActivityStatistics }, { filter: StatisticsFilter }>`
  query ActivityStatistics($filter: ActivityStatisticsFilter!) {
    activityStatistics(filter: $filter) {
      from
      to
      accompanimentCount
      totalMinutes
      residentCount
      byAdvisor {
        advisor {
          id
          name
        }
        count
        minutes
      }
      byPlace {
        place {
          id
          name
        }
        count
        minutes
      }
      byCommune {
        commune {
          id
          name
        }
        count
        minutes
      }
      byTopic {
        topic
        count
      }
      byAutonomy {
        autonomy
        count
      }
      byReferral {
        referral
        count
      }
    }
  }
`;
