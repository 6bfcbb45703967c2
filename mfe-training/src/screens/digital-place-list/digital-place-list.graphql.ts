import { gql } from '@urql/core';

export interface DigitalPlace {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  commune: { id: string; name: string };
}

export interface DigitalPlaceConnection {
  totalCount: number;
  edges: { node: DigitalPlace }[];
}

export interface DigitalPlaceListData {
  mediatheques: DigitalPlaceConnection;
  tiersLieux: DigitalPlaceConnection;
  makerspaces: DigitalPlaceConnection;
  franceServices: DigitalPlaceConnection;
}

// One aliased connection per kind: the places filter takes a single kind, and each list keeps its own count.
export const DigitalPlaceListQuery = gql<DigitalPlaceListData, Record<string, never>>`
  query DigitalPlaceList {
    mediatheques: places(first: 100, filter: { kind: MEDIATHEQUE }) {
      ...DigitalPlaceConnection
    }
    tiersLieux: places(first: 100, filter: { kind: TIERS_LIEU }) {
      ...DigitalPlaceConnection
    }
    makerspaces: places(first: 100, filter: { kind: MAKERSPACE }) {
      ...DigitalPlaceConnection
    }
    franceServices: places(first: 100, filter: { kind: FRANCE_SERVICES }) {
      ...DigitalPlaceConnection
    }
  }

  fragment DigitalPlaceConnection on QueryPlacesConnection {
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
