/** `npm run schema:print`: writes the GraphQL contract to schema.graphql at the repository root. */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { printSchemaSource, schemaFile } from "../src/schema.js";

fs.writeFileSync(schemaFile, printSchemaSource());
console.log(`Wrote ${fileURLToPath(schemaFile)}`);
