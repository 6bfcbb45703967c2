import { gql } from '@urql/core';

export interface CommuneDetail {
  id: string;
  inseeCode: string;
  name: string;
  postalCodes: string[];
  population: number;
  epci: { id: string; name: string };
}

export const CommuneDetailQuery = gql<{ commune: CommuneDetail }, { inseeCode: string }>`
  query CommuneDetail($inseeCode: String!) {
    commune(inseeCode: $inseeCode) {
      id
      inseeCode
      name
      postalCodes
      population
      epci {
        id
        name
      }
    }
  }
`;
