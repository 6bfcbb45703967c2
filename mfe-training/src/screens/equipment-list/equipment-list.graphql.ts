import { gql } from '@urql/core';
import type { EquipmentKind } from '../../components/enum-labels.ts';
import type { BookableAppointmentType } from '../../components/booking-dialog.graphql.ts';
import { ERROR_FIELDS, type TypedError } from '../../components/mutation-errors.ts';

export interface Equipment {
  id: string;
  kind: EquipmentKind;
  name: string;
  description: string | null;
  isRetired: boolean;
  place: { id: string; name: string; commune: { id: string; name: string } };
  appointmentTypes: BookableAppointmentType[];
}

type EquipmentConnection = { totalCount: number; edges: { node: Equipment }[] };

export const EquipmentListQuery = gql<
  { machines: EquipmentConnection; computers: EquipmentConnection; kiosks: EquipmentConnection },
  { perKind: number }
>`
  query EquipmentList($perKind: Int!) {
    machines: schedulingResources(first: $perKind, kind: MACHINE) {
      ...EquipmentConnection
    }
    computers: schedulingResources(first: $perKind, kind: COMPUTER) {
      ...EquipmentConnection
    }
    kiosks: schedulingResources(first: $perKind, kind: KIOSK) {
      ...EquipmentConnection
    }
  }

  fragment EquipmentConnection on QuerySchedulingResourcesConnection {
    totalCount
    edges {
      node {
        id
        kind
        name
        description
        isRetired
        place {
          id
          name
          commune {
            id
            name
          }
        }
        appointmentTypes {
          id
          name
          durationMinutes
          modality
          capacity
        }
      }
    }
  }
`;

type PlaceConnection = { edges: { node: { id: string; name: string; commune: { id: string; name: string } } }[] };

/** Where equipment stands: libraries, third places, fab labs, France services and town halls. */
export const EquipmentPlacesQuery = gql<
  {
    mediatheques: PlaceConnection;
    tiersLieux: PlaceConnection;
    makerspaces: PlaceConnection;
    franceServices: PlaceConnection;
    mairies: PlaceConnection;
  },
  Record<string, never>
>`
  query EquipmentPlaces {
    mediatheques: places(first: 100, filter: { kind: MEDIATHEQUE }) {
      ...EquipmentPlaceConnection
    }
    tiersLieux: places(first: 100, filter: { kind: TIERS_LIEU }) {
      ...EquipmentPlaceConnection
    }
    makerspaces: places(first: 100, filter: { kind: MAKERSPACE }) {
      ...EquipmentPlaceConnection
    }
    franceServices: places(first: 100, filter: { kind: FRANCE_SERVICES }) {
      ...EquipmentPlaceConnection
    }
    mairies: places(first: 100, filter: { kind: MAIRIE }) {
      ...EquipmentPlaceConnection
    }
  }

  fragment EquipmentPlaceConnection on QueryPlacesConnection {
    edges {
      node {
        id
        name
        commune {
          id
          name
        }
      }
    }
  }
`;

export const CreateEquipmentMutation = gql<
  {
    createSchedulingResource:
      { __typename: 'CreateSchedulingResourceSuccess'; resource: { id: string; name: string } } | TypedError | null | undefined;
  },
  { input: { kind: EquipmentKind; name: string; description?: string; placeId: string } }
>`
  mutation CreateEquipment($input: CreateSchedulingResourceInput!) {
    createSchedulingResource(input: $input) {
      __typename
      ... on CreateSchedulingResourceSuccess {
        resource {
          id
          name
        }
      }
${ERROR_FIELDS}
    }
  }
`;

export const RetireEquipmentMutation = gql<
  {
    retireSchedulingResource:
      { __typename: 'RetireSchedulingResourceSuccess'; resource: { id: string; isRetired: boolean } } | TypedError | null | undefined;
  },
  { input: { resourceId: string } }
>`
  mutation RetireEquipment($input: RetireSchedulingResourceInput!) {
    retireSchedulingResource(input: $input) {
      __typename
      ... on RetireSchedulingResourceSuccess {
        resource {
          id
          isRetired
        }
      }
${ERROR_FIELDS}
    }
  }
`;
