import { gql } from '@urql/core';

export interface FamilyPlace {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  commune: { id: string; name: string };
}

export interface FamilyPlaceConnection {
  totalCount: number;
  edges: { node: FamilyPlace }[];
}

export interface FamilyPlaceListData {
  creches: FamilyPlaceConnection;
  schools: FamilyPlaceConnection;
  leisureCentres: FamilyPlaceConnection;
}

// One aliased connection per kind: the places filter takes a single kind, and each list keeps its own count.
export const FamilyPlaceListQuery = gql<FamilyPlaceListData, Record<string, never>>`
  query FamilyPlaceList {
    creches: places(first: 100, filter: { kind: CRECHE }) {
      ...FamilyPlaceConnection
    }
    schools: places(first: 100, filter: { kind: SCHOOL }) {
      ...FamilyPlaceConnection
    }
    leisureCentres: places(first: 100, filter: { kind: LEISURE_CENTRE }) {
      ...FamilyPlaceConnection
    }
  }

  fragment FamilyPlaceConnection on QueryPlacesConnection {
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
`;
