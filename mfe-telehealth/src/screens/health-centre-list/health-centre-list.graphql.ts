import { gql } from '@urql/core';

export interface HealthCentre {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  commune: { id: string; name: string };
}

export interface HealthCentreListData {
  places: {
    totalCount: number;
    edges: { node: HealthCentre }[];
  };
}

export const HealthCentreListQuery = gql<HealthCentreListData, Record<string, never>>`
  query HealthCentreList {
    places(first: 100, filter: { kind: HEALTH_CENTRE }) {
      totalCount
      edges {
        node {
          id
          name
          street
          postalCode
          commune {
            id
            name
          }
        }
      }
    }
  }
`;
