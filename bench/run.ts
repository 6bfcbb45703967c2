/**
 * `npm run bench`: runs every *.bench.ts of this folder, or those named on the command line
 * (`npm run bench -- api`), one after the other, each in a Node process of its own so that one bench's
 * heap and JIT state do not colour the next. Exits with the worst exit code.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const all = fs.readdirSync(here).filter((name) => name.endsWith(".bench.ts")).sort();
const wanted = process.argv.slice(2).map((name) => name.replace(/(\.bench)?(\.ts)?$/, ".bench.ts"));
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`Unknown bench: ${unknown.join(", ")} (available: ${all.join(", ")})`);
  process.exit(2);
}

let exitCode = 0;
for (const file of wanted.length ? wanted : all) {
  console.log(`\n=== ${file} ===\n`);
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(here, file)], { cwd: here, stdio: "inherit" });
  const code = child.status ?? 1;
  if (code !== 0) console.error(`\n${file} exited with ${child.signal ?? code}`);
  exitCode = Math.max(exitCode, code);
}
process.exit(exitCode);
