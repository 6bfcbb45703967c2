// `npm run build` (and the first half of `npm start`): builds everything `npm start` serves, one
// workspace after the other (two cores: parallel Vite builds only fight for them). Every build runs
// even after a failure, so one run names every broken workspace; the exit code is 1 if any failed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Each workspace and the file its build must leave behind (a build can exit 0 and still emit nothing). */
const builds = [
  { workspace: "@couronne/api", what: "GraphQL playground", output: "api/playground/dist/index.html" },
  { workspace: "@couronne/shell", what: "console shell", output: "shell/dist/index.html" },
  { workspace: "@couronne/mfe-portal", what: "module portal", output: "mfe-portal/dist/mf-manifest.json" },
  { workspace: "@couronne/mfe-intranet", what: "module intranet", output: "mfe-intranet/dist/mf-manifest.json" },
  { workspace: "@couronne/mfe-training", what: "module training", output: "mfe-training/dist/mf-manifest.json" },
  { workspace: "@couronne/mfe-telehealth", what: "module telehealth", output: "mfe-telehealth/dist/mf-manifest.json" },
];

const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;
const started = performance.now();
/** @type {Array<(typeof builds)[number] & { ms: number, problem: string | undefined }>} */
const results = [];

for (const build of builds) {
  console.log(`\n=== build ${build.workspace} (${build.what}) ===`);
  const outputFile = path.join(root, build.output);
  // A stale file from an earlier build must not pass for this build's output.
  fs.rmSync(outputFile, { force: true });
  const t0 = performance.now();
  const run = spawnSync("npm", ["run", "build", "-w", build.workspace], { cwd: root, stdio: "inherit" });
  const ms = performance.now() - t0;
  /** @type {string | undefined} */
  let problem;
  if (run.error) problem = `could not run npm: ${run.error.message}`;
  else if (run.signal) problem = `killed by ${run.signal}`;
  else if (run.status !== 0) problem = `exit code ${run.status}`;
  else if (!fs.existsSync(outputFile)) problem = `exit code 0 but ${build.output} is missing`;
  results.push({ ...build, ms, problem });
  if (run.signal === "SIGINT" || run.signal === "SIGTERM") break;
}

console.log("\n=== build summary ===");
for (const result of results) {
  const mark = result.problem ? "FAIL" : "ok  ";
  console.log(`  ${mark} ${result.workspace.padEnd(26)} ${seconds(result.ms).padStart(8)}${result.problem ? `  ${result.problem}` : ""}`);
}
const failed = results.filter((result) => result.problem);
const skipped = builds.length - results.length;
console.log(`  total ${seconds(performance.now() - started)}`);
if (failed.length > 0 || skipped > 0) {
  console.error(
    `\nBUILD FAILED: ${failed.map((result) => result.workspace).join(", ") || "interrupted"}` +
      (skipped > 0 ? ` (${skipped} not run)` : ""),
  );
  process.exit(1);
}
