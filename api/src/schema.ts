/** The whole GraphQL schema: every module registers its types on the one builder, then it is built once. */
import { lexicographicSortSchema, printSchema } from "graphql";
import { builder } from "./builder.js";
import "./errors.schema.js";
import "./modules/audit/index.js";
import "./modules/booking/index.js";
import "./modules/console/index.js";
import "./modules/identity/index.js";
import "./modules/partners/index.js";
import "./modules/territory/index.js";
import "./modules/training/index.js";

export const schema = builder.toSchema();

/** Where the printed contract lives: schema.graphql at the repository root. */
export const schemaFile = new URL("../../schema.graphql", import.meta.url);

/** The contract as SDL, sorted so that moving code around does not change the file. */
export function printSchemaSource(): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
