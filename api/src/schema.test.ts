import fs from "node:fs";
import { isInputObjectType, isInterfaceType, isObjectType, isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { printSchemaSource, schema, schemaFile } from "./schema.js";

describe("schema.graphql", () => {
  it("matches the schema built from the code", () => {
    const committed = fs.existsSync(schemaFile) ? fs.readFileSync(schemaFile, "utf8") : "";
    expect(
      committed === printSchemaSource(),
      "schema.graphql is stale: run `npm run schema:print` and commit the result",
    ).toBe(true);
  });

  it("documents every type, field, argument and enum value (the playground is the partners' documentation)", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
