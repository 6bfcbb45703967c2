/**
 * The one Pothos builder: plugins, Context, scalars, root types. Types live in modules/<domain>/.
 * Authorization (scope-auth), typed errors, validation (zod) and complexity plugins join the list here.
 */
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import { GraphQLError, Kind } from "graphql";
import type PrismaTypes from "./generated/pothos-types.js";
import { getDatamodel } from "./generated/pothos-types.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import type { Logger } from "./logger.js";
import { connectionsPlugin, maxPageSize } from "./plugins/connections.js";

export interface Context {
  prisma: PrismaClient;
  /** Correlates the logs of one request; echoed in the x-request-id response header. */
  requestId: string;
  /** Child logger carrying the request id. */
  logger: Logger;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: string };
  };
}>({
  // First in the list so its page-size check runs before the prisma plugin plans a query.
  plugins: [connectionsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    // Every description is written in the schema files, for partners, rather than taken from schema.prisma.
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    maxConnectionSize: maxPageSize,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { nullable: false, description: "The nodes of this page, each with its cursor." },
    nodeFieldOptions: { nullable: false, description: "The item at the end of the edge." },
    cursorFieldOptions: { description: "Opaque cursor of this edge, for `after` or `before`." },
    pageInfoFieldOptions: { description: "Where this page stands in the whole list." },
    pageInfoTypeOptions: { description: "Relay pagination state of a connection." },
    hasNextPageFieldOptions: { description: "True when more items follow this page." },
    hasPreviousPageFieldOptions: { description: "True when items precede this page." },
    startCursorFieldOptions: { description: "Cursor of the first edge of the page, null when the page is empty." },
    endCursorFieldOptions: { description: "Cursor of the last edge of the page, null when the page is empty." },
    firstArgOptions: { description: `Number of items after \`after\` (0 to ${maxPageSize}; default 20).` },
    lastArgOptions: { description: `Number of items before \`before\` (0 to ${maxPageSize}).` },
    afterArgOptions: { description: "Return items after this cursor." },
    beforeArgOptions: { description: "Return items before this cursor." },
    nodeTypeOptions: { description: "An object with a global ID, fetchable with Query.node." },
    idFieldOptions: { description: "Global ID (opaque); pass it to Query.node to fetch the object again." },
    nodeQueryOptions: {
      description: "Fetch any object by its global ID; null when no object has this ID.",
      args: { id: { description: "Global ID of the object." } },
    },
    nodesQueryOptions: false,
    defaultConnectionTypeOptions: { description: "A page of a list, with cursors (Relay connection)." },
    defaultEdgeTypeOptions: { description: "An item of a page and its cursor." },
  },
});

builder.queryType({ description: "Read the platform's data. Lists are Relay connections of at most 100 items a page." });

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDateTime(value: unknown): Date {
  const date = typeof value === "string" && isoDateTime.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError("DateTime must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T09:30:00Z", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return date;
}

function parseDate(value: unknown): string {
  const match = typeof value === "string" ? isoDate.exec(value) : null;
  // Round-tripping through Date.UTC rejects impossible days such as 2026-02-30.
  const valid =
    match !== null &&
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().startsWith(match[0]);
  if (!valid) {
    throw new GraphQLError("Date must be a calendar date YYYY-MM-DD, e.g. 2026-03-01", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return value as string;
}

builder.scalarType("DateTime", {
  description: "An instant, as an ISO 8601 string in UTC (e.g. 2026-03-01T09:30:00.000Z).",
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType("Date", {
  description: "A calendar date without time zone, YYYY-MM-DD (dates are meant in Europe/Paris).",
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
