import { PlacesByKind, type PlacesByKindProps } from '@couronne/ui';
import { gql, type TypedDocumentNode } from '@urql/core';
import { useQuery } from 'urql';
import { useKitT } from './kit-strings.ts';

/** Values of the schema's PlaceKind enum used by the screens. */
export type PlaceKind =
  | 'COWORKING'
  | 'CRECHE'
  | 'FRANCE_SERVICES'
  | 'HEALTH_CENTRE'
  | 'LEISURE_CENTRE'
  | 'MAIRIE'
  | 'MAKERSPACE'
  | 'MEDIATHEQUE'
  | 'SCHOOL'
  | 'TIERS_LIEU'
  | 'VISIO_ROOM';

export interface ListedPlace {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  commune: { id: string; name: string };
}

export interface ListedPlaceConnection {
  totalCount: number;
  edges: { node: ListedPlace }[];
}

export type PlacesByKindData<Field extends string> = Record<Field, ListedPlaceConnection>;
export type PlacesByKindQuery<Field extends string> = TypedDocumentNode<PlacesByKindData<Field>, Record<string, never>>;

/**
 * `query <operationName>` with one aliased `places` connection per kind (`{ creches: 'CRECHE' }` →
 * `creches: places(first: 100, filter: { kind: CRECHE })`): the places filter takes a single kind, and
 * each list keeps its own count.
 */
export function placesByKindQuery<const Field extends string>(
  operationName: string,
  kinds: Readonly<Record<Field, PlaceKind>>,
): PlacesByKindQuery<Field> {
  const fields = Object.entries<PlaceKind>(kinds).map(
    ([field, kind]) => `    ${field}: places(first: 100, filter: { kind: ${kind} }) {\n      ...ListedPlaceConnection\n    }`,
  );
  return gql<PlacesByKindData<Field>, Record<string, never>>(`
  query ${operationName} {
${fields.join('\n')}
  }

  fragment ListedPlaceConnection on QueryPlacesConnection {
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
`);
}

type PlaceMessages = Pick<PlacesByKindProps, 'caption' | 'kindEmpty' | 'truncated'>;

export interface PlacesByKindScreenProps<Field extends string>
  extends Omit<PlacesByKindProps, 'sections' | 'error' | keyof PlaceMessages>,
    Partial<PlaceMessages> {
  query: PlacesByKindQuery<Field>;
  /** One table per entry, in this order: the query's field and the plural name of its kind. */
  kinds: readonly { field: Field; kind: string }[];
  /** The error's message when the places could not be loaded. */
  errorMessage: string;
}

/**
 * A module's screen listing places by kind: runs `query` and shows its connections with PlacesByKind.
 * Captions and notes default to the kit's « Crèches (2 lieux) », « Les 100 premiers lieux sur 120… ».
 */
export function PlacesByKindScreen<Field extends string>({
  query,
  kinds,
  errorMessage,
  caption,
  kindEmpty,
  truncated,
  ...props
}: PlacesByKindScreenProps<Field>) {
  const t = useKitT();
  const [result, reexecute] = useQuery({ query });
  const data = result.data;
  const sections = data
    ? kinds.map(({ field, kind }) => ({
        id: field,
        kind,
        places: data[field].edges.map((edge) => edge.node),
        totalCount: data[field].totalCount,
      }))
    : undefined;
  const error =
    result.error && !data ? { message: errorMessage, onRetry: () => reexecute({ requestPolicy: 'network-only' }) } : undefined;
  return (
    <PlacesByKind
      {...props}
      sections={sections}
      error={error}
      caption={caption ?? ((kind, count) => t('placesCaption', { kind, count }))}
      kindEmpty={kindEmpty ?? ((kind) => t('placesKindEmpty', { kind }))}
      truncated={truncated ?? ((count, total) => t('placesTruncated', { count, total }))}
    />
  );
}
