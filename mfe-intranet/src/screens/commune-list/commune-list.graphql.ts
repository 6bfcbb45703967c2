import { gql } from '@urql/core';

export interface CommuneRow {
  id: string;
  inseeCode: string;
  name: string;
  postalCodes: string[];
  population: number;
}

export interface CommuneListData {
  communes: {
    totalCount: number;
    edges: { node: CommuneRow }[];
  };
}

// The agglomeration has 38 communes: one page of 100 (the API's maximum) holds them all.
export const CommuneListQuery = gql<CommuneListData, Record<string, never>>`
  query CommuneList {
    communes(first: 100) {
      totalCount
      edges {
        node {
          id
          inseeCode
          name
          postalCodes
          population
        }
      }
    }
  }
`;
