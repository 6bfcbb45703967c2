/**
 * The access rules declared on root fields (`authScopes`), read back from the built schema, and what they
 * mean for each kind of caller. The meaning is written here independently of builder.ts, from the contract
 * (AuthScopes in builder.ts): the authorization matrix then checks that the server does what is declared.
 */
import type { GraphQLField, GraphQLObjectType, GraphQLSchema } from "graphql";
import type { Role } from "../generated/prisma/client.js";

/** A caller as the rules see it. `invalid`: an expired or revoked credential, refused before GraphQL runs. */
export type Caller =
  | { kind: "anonymous" }
  | { kind: "agent"; roles: ReadonlySet<Role> }
  | { kind: "resident" }
  | { kind: "partner"; scopes: ReadonlySet<string> }
  | { kind: "invalid" };

export type ScopeMap = Record<string, unknown>;

export interface RootField {
  operation: "query" | "mutation";
  parent: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  /** "Query.communes" */
  coordinate: string;
}

export function rootFields(schema: GraphQLSchema): RootField[] {
  const fields: RootField[] = [];
  for (const [operation, parent] of [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
  ] as const) {
    if (!parent) continue;
    for (const field of Object.values(parent.getFields())) {
      fields.push({ operation, parent, field, coordinate: `${parent.name}.${field.name}` });
    }
  }
  return fields;
}

/** The `authScopes` option given to the field (or type) in its schema file, as Pothos keeps it. */
export function declaredAuthScopes(fieldOrType: { extensions?: unknown }): unknown {
  const options = (fieldOrType.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions;
  return options?.authScopes;
}

const booleanScopes = ["anyone", "public", "session", "agent", "resident"] as const;
const knownScopes = new Set<string>([...booleanScopes, "anyRole", "partner", "$any", "$all", "$granted"]);

/**
 * Problems with a declared rule that the matrix cannot check or that would mislead a reader: none, a
 * function (not statically checkable), an unknown scope, or `scope: false` (scope-auth ignores the value
 * of a boolean scope: `{ public: false }` still lets the public in).
 */
export function ruleProblems(rule: unknown): string[] {
  if (rule === undefined || rule === null) return ["declares no authScopes"];
  if (typeof rule === "function") return ["declares authScopes as a function; declare a scope map so the matrix can check it"];
  if (typeof rule !== "object" || Array.isArray(rule)) return [`declares authScopes as ${JSON.stringify(rule)}, not a scope map`];
  const problems: string[] = [];
  for (const [scope, parameter] of Object.entries(rule as ScopeMap)) {
    if (!knownScopes.has(scope)) problems.push(`uses scope "${scope}", unknown to the matrix (teach testing/auth-rules.ts)`);
    else if (scope === "$any" || scope === "$all") problems.push(...ruleProblems(parameter));
    else if ((booleanScopes as readonly string[]).includes(scope) && parameter !== true) {
      problems.push(`declares ${scope}: ${JSON.stringify(parameter)}; scope-auth ignores the value of a boolean scope, write true or leave it out`);
    } else if (scope === "anyRole" && (!Array.isArray(parameter) || parameter.length === 0)) {
      problems.push(`declares anyRole: ${JSON.stringify(parameter)}; give at least one role`);
    } else if (scope === "$granted" && typeof parameter !== "string") {
      problems.push(`declares $granted: ${JSON.stringify(parameter)}; give the name of a granted scope`);
    } else if (scope === "partner" && typeof parameter !== "string") {
      problems.push(`declares partner: ${JSON.stringify(parameter)}; give one scope such as "read:territory"`);
    }
  }
  return problems;
}

function scopeHolds(scope: string, parameter: unknown, caller: Exclude<Caller, { kind: "invalid" }>): boolean {
  switch (scope) {
    case "anyone":
      return true;
    case "public":
      return caller.kind !== "partner";
    case "session":
      return caller.kind === "agent" || caller.kind === "resident";
    case "agent":
      return caller.kind === "agent";
    case "resident":
      return caller.kind === "resident";
    case "anyRole":
      return caller.kind === "agent" && (parameter as Role[]).some((role) => caller.roles.has(role));
    case "partner":
      return caller.kind === "partner" && caller.scopes.has(parameter as string);
    case "$any":
      return evaluate(parameter as ScopeMap, caller, false);
    case "$all":
      return evaluate(parameter as ScopeMap, caller, true);
    case "$granted":
      // Granted by a parent field (grantScopes); nothing grants anything to a root field or to node().
      return false;
    default:
      throw new Error(`Unknown scope ${scope}`);
  }
}

function evaluate(map: ScopeMap, caller: Exclude<Caller, { kind: "invalid" }>, all: boolean): boolean {
  const results = Object.entries(map).map(([scope, parameter]) => scopeHolds(scope, parameter, caller));
  // As scope-auth: an empty map lets everyone through under $all and no one under the default "any".
  return all ? results.every(Boolean) : results.some(Boolean);
}

/** May this caller reach the field? The default strategy: any of the listed scopes. */
export function isAllowed(rule: ScopeMap, caller: Caller): boolean {
  if (caller.kind === "invalid") return false;
  return evaluate(rule, caller, false);
}

/** Partner scopes a rule mentions, at any depth. */
export function partnerScopesOf(rule: ScopeMap): string[] {
  const found = new Set<string>();
  for (const [scope, parameter] of Object.entries(rule)) {
    if (scope === "partner" && typeof parameter === "string") found.add(parameter);
    if ((scope === "$any" || scope === "$all") && parameter && typeof parameter === "object") {
      for (const nested of partnerScopesOf(parameter as ScopeMap)) found.add(nested);
    }
  }
  return [...found].sort();
}

/** The code a refused caller must get: who is not identified is UNAUTHENTICATED, everyone else FORBIDDEN. */
export function refusalCode(caller: Caller): "UNAUTHENTICATED" | "FORBIDDEN" {
  return caller.kind === "anonymous" || caller.kind === "invalid" ? "UNAUTHENTICATED" : "FORBIDDEN";
}
