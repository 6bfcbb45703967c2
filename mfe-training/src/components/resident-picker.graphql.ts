import { gql } from '@urql/core';

export interface ResidentMatch {
  id: string;
  displayName: string;
  commune: { id: string; name: string } | null;
}

export const RESIDENT_MATCHES_SHOWN = 10;

export const ResidentPickerQuery = gql<{ residents: { totalCount: number; edges: { node: ResidentMatch }[] } }, { name: string; first: number }>`
  query ResidentPicker($name: String!, $first: Int!) {
    residents(first: $first, filter: { name: $name }) {
      totalCount
      edges {
        node {
          id
          displayName
          commune {
            id
            name
          }
        }
      }
    }
  }
`;
