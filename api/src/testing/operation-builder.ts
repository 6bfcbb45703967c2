/**
 * Builds a well-formed operation calling one root field, from the field's arguments and return type only,
 * so that every field of the schema can be called without writing a query for it: required arguments are
 * filled with plausible values of their type, the selection is `__typename`.
 */
import crypto from "node:crypto";
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { RootField } from "./auth-rules.js";

export interface BuiltOperation {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface BuildOptions {
  /** Values replacing the generated ones, by argument name (merged into input objects). */
  overrides?: Record<string, unknown>;
}

let sequence = 0;

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Node types of the schema (object types implementing Node), by name. */
function nodeTypeNames(schema: GraphQLSchema): string[] {
  const node = schema.getType("Node");
  if (!node || !("getFields" in node) || isInputObjectType(node)) return [];
  return schema
    .getPossibleTypes(node as Parameters<GraphQLSchema["getPossibleTypes"]>[0])
    .map((type) => type.name)
    .sort();
}

/**
 * The type a global ID argument designates: the relay plugin's `for` when declared, else `<type>Id` names,
 * else the longest node type name ending the root field's name (revokeApiClient(id) → ApiClient).
 */
function globalIdType(schema: GraphQLSchema, input: GraphQLArgument | GraphQLInputField, root: RootField): string {
  const nodes = nodeTypeNames(schema);
  const declared = (input.extensions as { relayGlobalIDFor?: { typename: string }[] | null } | undefined)?.relayGlobalIDFor;
  if (declared?.[0]) return declared[0].typename;
  const named = /^(\w+)Id$/.exec(input.name)?.[1];
  if (named && nodes.includes(capitalize(named))) return capitalize(named);
  const fromField = nodes.filter((name) => root.field.name.endsWith(name)).sort((a, b) => b.length - a.length)[0];
  return fromField ?? nodes[0] ?? "Node";
}

function scalarValue(
  schema: GraphQLSchema,
  typeName: string,
  input: GraphQLArgument | GraphQLInputField,
  root: RootField,
): unknown {
  const name = input.name.toLowerCase();
  switch (typeName) {
    case "String":
      if (name.includes("email")) return `matrix-${++sequence}-${crypto.randomBytes(3).toString("hex")}@test.example`;
      if (name.includes("password")) return "matrix-Password-2026!";
      return "x";
    case "Int":
      return 1;
    case "Float":
      return 1;
    case "Boolean":
      return false;
    case "ID":
      return encodeGlobalID(globalIdType(schema, input, root), crypto.randomUUID());
    case "DateTime":
      return new Date(Date.now() + 30 * 86_400_000).toISOString();
    case "Date":
      return "2026-03-02";
    default:
      return "x";
  }
}

function valueOf(
  schema: GraphQLSchema,
  type: GraphQLInputType,
  input: GraphQLArgument | GraphQLInputField,
  root: RootField,
  depth = 0,
): unknown {
  if (depth > 8) throw new Error(`Input type of ${root.coordinate}.${input.name} nests too deeply to fill`);
  if (isNonNullType(type)) return valueOf(schema, type.ofType, input, root, depth);
  if (isListType(type)) return [valueOf(schema, type.ofType, input, root, depth + 1)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) {
        value[field.name] = valueOf(schema, field.type, field, root, depth + 1);
      }
    }
    return value;
  }
  if (isScalarType(type)) return scalarValue(schema, type.name, input, root);
  throw new Error(`Cannot fill ${String(type)}`);
}

function merge(generated: unknown, override: unknown): unknown {
  if (
    generated &&
    override &&
    typeof generated === "object" &&
    typeof override === "object" &&
    !Array.isArray(generated) &&
    !Array.isArray(override)
  ) {
    const merged: Record<string, unknown> = { ...(generated as Record<string, unknown>) };
    for (const [key, value] of Object.entries(override)) merged[key] = merge(merged[key], value);
    return merged;
  }
  return override === undefined ? generated : override;
}

/** `query matrix_communes { communes { __typename } }`, with variables for the required arguments. */
export function buildOperation(schema: GraphQLSchema, root: RootField, options: BuildOptions = {}): BuiltOperation {
  const operationName = `matrix_${root.field.name}`;
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const args: string[] = [];
  for (const arg of root.field.args) {
    const override = options.overrides?.[arg.name];
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (!required && override === undefined) continue;
    variables[arg.name] = merge(required ? valueOf(schema, arg.type, arg, root) : undefined, override);
    declarations.push(`$${arg.name}: ${String(arg.type)}`);
    args.push(`${arg.name}: $${arg.name}`);
  }
  const selection = isCompositeType(getNamedType(root.field.type)) ? " { __typename }" : "";
  const query =
    `${root.operation} ${operationName}${declarations.length ? `(${declarations.join(", ")})` : ""} ` +
    `{ ${root.field.name}${args.length ? `(${args.join(", ")})` : ""}${selection} }`;
  return { operationName, query, variables };
}
