import SchemaBuilder from "@pothos/core";
import RelayPlugin, { resolveArrayConnection } from "@pothos/plugin-relay";
import { graphql } from "graphql";
import { describe, expect, it } from "vitest";
import { BadUserInputError } from "../errors.js";
import { connectionsPlugin, maxPageSize } from "./connections.js";

function buildSchema() {
  const builder = new SchemaBuilder<{ DefaultFieldNullability: false }>({
    plugins: [connectionsPlugin, RelayPlugin],
    defaultFieldNullability: false,
    relay: {},
    // Same for scope-auth.
    scopeAuth: { authScopes: () => ({}) },
    // The prisma plugin's type declarations make its options mandatory for every builder in the
    // program, even one that does not use the plugin, as here.
    prisma: {
      client: () => {
        throw new Error("no Prisma client in this test");
      },
      dmmf: { datamodel: {} },
    },
  });
  const items = Array.from({ length: 150 }, (_, index) => `item ${index}`);
  builder.queryType({
    fields: (t) => ({
      items: t.connection({ type: "String", resolve: (_root, args) => resolveArrayConnection({ args }, items) }),
      // Named like a connection argument, but the field is no connection: left alone.
      echo: t.int({ args: { first: t.arg.int() }, resolve: (_root, args) => args.first ?? 0 }),
    }),
  });
  return builder.toSchema();
}

const schema = buildSchema();

async function run(source: string) {
  return graphql({ schema, source, contextValue: {} });
}

describe("connections plugin", () => {
  it("accepts page sizes from 0 to the maximum", async () => {
    for (const size of [0, 1, maxPageSize]) {
      const result = await run(`{ items(first: ${size}) { edges { node } } }`);
      expect(result.errors).toBeUndefined();
      expect((result.data as { items: { edges: unknown[] } }).items.edges).toHaveLength(size);
    }
  });

  it("refuses first or last above the maximum instead of clamping, and negative sizes", async () => {
    for (const args of [`first: ${maxPageSize + 1}`, "first: 1000", `last: ${maxPageSize + 1}`, "first: -1"]) {
      const result = await run(`{ items(${args}) { edges { node } } }`);
      expect(result.data, args).toBeNull();
      const original = result.errors?.[0]?.originalError;
      expect(original, args).toBeInstanceOf(BadUserInputError);
      expect(original?.message).toMatch(/must be between 0 and 100/);
    }
  });

  it("leaves fields that are not connections alone", async () => {
    const result = await run("{ echo(first: 1000) }");
    expect(result).toEqual({ data: { echo: 1000 } });
  });
});
