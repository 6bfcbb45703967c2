/**
 * The one Pothos builder: plugins, Context, auth scopes, scalars, root types. Types live in modules/<domain>/.
 * A module declares, on each field: its type, arguments (validated with zod), cost (`complexity`), who may
 * call it (`authScopes`: every root field must declare one, see authorization-matrix.test.ts) and, for
 * mutations, the errors a caller can act on (`errors`).
 */
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { getNamedType, getNullableType, GraphQLError, isLeafType, isListType, Kind, type GraphQLField } from "graphql";
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from "./errors.js";
import type PrismaTypes from "./generated/pothos-types.js";
import { getDatamodel } from "./generated/pothos-types.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import type { Logger } from "./logger.js";
import type { PlatformServices } from "./platform.js";
import { connectionsPlugin, maxPageSize } from "./plugins/connections.js";
import { hasRole, type Role, type Viewer } from "./modules/identity/viewer.js";
import type { PartnerScope } from "./modules/partners/api-client.service.js";

export interface Context {
  prisma: PrismaClient;
  /** Correlates the logs of one request; echoed in the x-request-id response header. */
  requestId: string;
  /** Child logger carrying the request id. */
  logger: Logger;
  /** Who is calling, from the Authorization header (anonymous without one, or with a bad one). */
  viewer: Viewer;
  /** Why the Authorization header was refused, if it was: the request is then answered 401 (plugins/credentials.ts). */
  credentialError: UnauthenticatedError | null;
  /** The caller's address as seen by the API (for audit, throttling and partner address ranges). */
  clientAddress: string | null;
  userAgent: string | null;
  /** Services with state shared across requests (throttle, cost budgets, settings). */
  platform: PlatformServices;
  /** Root mutation fields already written to the audit journal in this request (see mutation.ts). */
  audited: Set<string>;
}

/**
 * Who may call a field. `anyone`: every caller; `public`: anyone but partner keys (a key only reaches
 * what its scopes grant); `session`: a logged-in agent or resident; `anyRole`: an agent holding one of these roles;
 * `partner`: a partner key carrying this scope.
 */
export interface AuthScopes {
  anyone: boolean;
  public: boolean;
  session: boolean;
  agent: boolean;
  resident: boolean;
  anyRole: readonly Role[];
  partner: PartnerScope;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: string };
  };
}>({
  // Scope-auth first: an unauthorized caller learns nothing from validation messages. The page-size check
  // runs before the prisma plugin plans a query.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, ComplexityPlugin, connectionsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: ({ viewer }) => ({
      anyone: true,
      public: viewer.kind !== "partner",
      session: viewer.kind === "agent" || viewer.kind === "resident",
      agent: viewer.kind === "agent",
      resident: viewer.kind === "resident",
      anyRole: (wanted) => wanted.some((role) => hasRole(viewer, role)),
      partner: (scope) => viewer.kind === "partner" && viewer.scopes.has(scope),
    }),
    unauthorizedError: (_parent, { viewer }) =>
      viewer.kind === "anonymous"
        ? new UnauthenticatedError("Log in, or send an API key, to do this")
        : new ForbiddenError(
            viewer.kind === "partner" ? "This API key lacks the scope needed for this field" : "Your roles do not allow this",
          ),
  },
  errors: {
    // A mutation's result is `<Mutation>Success | <its errors>` (STYLE.md), the success type named by the module.
    directResult: true,
    defaultUnionOptions: {
      name: ({ fieldName }) => `${capitalize(fieldName)}Result`,
      description: "What a mutation returns: its Success type, or one of the errors a caller can act on (see Error).",
    },
  },
  validation: {
    validationError: (failure) =>
      new BadUserInputError(
        failure.issues
          .map((issue) => `${(issue.path ?? []).map((p) => (typeof p === "object" ? String(p.key) : String(p))).join(".") || "input"}: ${issue.message}`)
          .join("; "),
      ),
  },
  complexity: {
    // Costs are declared per field (`complexity`) or come from defaultFieldCost; the limits and the
    // partners' budgets are enforced before execution by plugins/operation-limits.ts.
    fieldComplexity: defaultFieldCost,
  },
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
    decodeGlobalID: (globalID) => decodeGlobalId(globalID),
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
      // Types that are not public carry their own authScopes, checked when node() returns one.
      authScopes: { public: true, partner: "read:territory" },
      description: "Fetch any object by its global ID; null when no object has this ID.",
      args: { id: { description: "Global ID of the object." } },
    },
    nodesQueryOptions: false,
    defaultConnectionTypeOptions: { description: "A page of a list, with cursors (Relay connection)." },
    defaultEdgeTypeOptions: { description: "An item of a page and its cursor." },
  },
});

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Decodes a global ID (base64 of `Type:uuid`). Anything else — not base64, a type the schema does not
 * have, an id that is not a UUID — is BAD_USER_INPUT here, before it can reach a database cast.
 */
function decodeGlobalId(globalID: string): { typename: string; id: string } {
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(globalID) ? Buffer.from(globalID, "base64").toString("utf8") : "";
  const separator = decoded.indexOf(":");
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  const known = separator > 0 && builder.configStore.hasImplementation(typename);
  if (!known || !uuidPattern.test(id)) throw new BadUserInputError(`Not a valid global ID: ${globalID.slice(0, 100)}`);
  return { typename, id };
}

/**
 * Cost of a field that declares none: what it may make the database fetch. A scalar is free (it comes with
 * its row; aliases are limited separately), an object costs 1, a list 10 times its selection, and a
 * connection the page asked for (`first`/`last`, default 20) times its selection; its edges add no factor.
 */
function defaultFieldCost(args: Record<string, unknown>, _ctx: Context, field: GraphQLField<unknown, Context, Record<string, unknown>>) {
  const type = getNamedType(field.type).name;
  if (type.endsWith("Connection") && field.args.some((arg) => arg.name === "first")) {
    const pageSize = typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : 20;
    return { field: 1, multiplier: Math.max(pageSize, 1) };
  }
  if (type.endsWith("Edge")) return { field: 0, multiplier: 1 };
  if (isListType(getNullableType(field.type))) return { field: 1, multiplier: 10 };
  return isLeafType(getNamedType(field.type)) ? 0 : 1;
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

builder.queryType({ description: "Read the platform's data. Lists are Relay connections of at most 100 items a page." });
// Mutation fields are nullable: one refused mutation must not hide the others of the same request.
builder.mutationType({
  description: "Change the platform's data. Each mutation takes one `input`, is validated, authorized, run in a transaction and written to the audit journal.",
});

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
