/**
 * Pothos plugin for the conventions of every Relay connection:
 * - `first`/`last` outside 0..maxPageSize are refused. Pothos's connection helpers silently clamp an
 *   oversized page; a partner asking for 1000 rows must instead learn that the limit is 100, so the
 *   check wraps the resolver before any connection logic runs;
 * - the `totalCount` field the prisma plugin adds gets a description (it takes no options for one).
 */
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import { BadUserInputError } from "../errors.js";

export const maxPageSize = 100;

const connectionArgNames = ["first", "last", "after", "before"] as const;

declare global {
  // Pothos discovers plugins through this global interface (declaration merging).
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      connections: ConnectionsPlugin<Types>;
    }
  }
}

export function assertPageSize(args: { first?: unknown; last?: unknown }): void {
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (typeof value === "number" && (value < 0 || value > maxPageSize)) {
      throw new BadUserInputError(`Argument "${name}" must be between 0 and ${maxPageSize}, got ${value}`);
    }
  }
}

export const totalCountDescription = "Number of items in the whole list (all pages), with the same filter.";

export class ConnectionsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (fieldConfig.extensions?.pothosPrismaTotalCount && !fieldConfig.description) {
      return { ...fieldConfig, description: totalCountDescription };
    }
    return fieldConfig;
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    const isConnection = connectionArgNames.every((name) => name in fieldConfig.args);
    if (!isConnection) return resolver;
    return (parent, args, context, info) => {
      assertPageSize(args);
      return resolver(parent, args, context, info);
    };
  }
}

export const connectionsPlugin = "connections";

SchemaBuilder.registerPlugin(connectionsPlugin, ConnectionsPlugin);
