// `npm test`: every check of the repository, in the order a failure is cheapest to read.
// A failing step does not stop the run: one run shows every failure. Exit code 1 if any step failed.
// The last line is always `steps: N passed, M failed` (a skipped step counts in neither).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * @typedef {{ ok: boolean, skipped?: boolean, detail?: string, output?: string, lines?: string[] }} StepResult
 * @typedef {{ label: string, command: string, args: string[], env?: NodeJS.ProcessEnv }} Command
 */

/**
 * Runs a command from the repository root. Its output goes to the terminal as it comes, unless
 * `buffered`: then it is only returned (with stderr), to be printed in one block.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, buffered?: boolean }} [options]
 * @returns {Promise<StepResult & { output: string, stdout: string }>}
 */
function run(command, args, { env = process.env, buffered = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", buffered ? "pipe" : "inherit", buffered ? "pipe" : "inherit"] });
    let output = "";
    let stdout = "";
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      stdout += chunk;
    });
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ ok: false, detail: `could not run ${command}: ${error.message}`, output, stdout }));
    child.on("close", (code, signal) => {
      const detail = signal ? `killed by ${signal}` : code === 0 ? "" : `exit code ${code}`;
      resolve({ ok: code === 0, detail, output, stdout });
    });
  });
}

/**
 * Sub-commands of a step, each timed; the step fails if one of them does. With `parallel` > 1
 * (tsc is single-threaded: two at once use both cores), each output is printed whole when its
 * command ends, so outputs never interleave.
 * @param {Command[]} commands
 * @param {{ parallel?: number }} [options]
 * @returns {Promise<StepResult>}
 */
async function runAll(commands, { parallel = 1 } = {}) {
  /** @type {string[]} */
  const lines = new Array(commands.length).fill("");
  let ok = true;
  let next = 0;
  const worker = async () => {
    while (next < commands.length) {
      const index = next++;
      const { label, command, args, env } = /** @type {Command} */ (commands[index]);
      if (parallel === 1) console.log(`\n--- ${label} ---`);
      const t0 = performance.now();
      const result = await run(command, args, { env, buffered: parallel > 1 });
      const line = `${result.ok ? "ok  " : "FAIL"} ${label.padEnd(34)} ${seconds(performance.now() - t0).padStart(8)}${result.ok ? "" : `  ${result.detail}`}`;
      if (parallel > 1) process.stdout.write(`\n--- ${label} ---\n${result.output}`);
      console.log(line);
      lines[index] = line;
      ok &&= result.ok;
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, commands.length) }, worker));
  return { ok, detail: ok ? "" : "see the FAIL lines above", lines };
}

/** The environment without TEST_POSTGRES_URL: the first run of the API tests is the embedded PGlite one. */
function envWithoutPostgres() {
  const env = { ...process.env };
  delete env.TEST_POSTGRES_URL;
  return env;
}

/**
 * Workspaces with that npm script, in the root package.json's order.
 * @param {string} script
 * @returns {string[]}
 */
function workspacesWith(script) {
  const rootPackage = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  return rootPackage.workspaces.flatMap((/** @type {string} */ dir) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, dir, "package.json"), "utf8"));
    return pkg.scripts?.[script] ? [pkg.name] : [];
  });
}

/** @param {string} url */
function maskPassword(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}

let buildOk = false;

/** @type {Array<{ name: string, title: string, run: () => Promise<StepResult> | StepResult }>} */
const steps = [
  {
    name: "typecheck",
    title: "Typecheck (tsc -p . of every workspace, then of scripts/ and e2e/)",
    run: () =>
      runAll([
        ...workspacesWith("typecheck").map((workspace) => ({
          label: workspace,
          command: "npm",
          args: ["run", "typecheck", "-w", workspace],
        })),
        {
          label: "scripts/ and e2e/ (tsconfig.json)",
          command: process.execPath,
          args: [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "."],
        },
      ], { parallel: 2 }),
  },
  {
    name: "unit and integration tests",
    title: "Unit and integration tests of every workspace (API on embedded PGlite, schema drift included)",
    run: () =>
      runAll([
        // The browser tests need the build: they have their own step, after it.
        ...workspacesWith("test")
          .filter((workspace) => workspace !== "@couronne/e2e")
          .map((workspace) => ({
          label: workspace,
          command: "npm",
          args: ["test", "-w", workspace],
          env: envWithoutPostgres(),
        })),
        {
          label: "scripts (static servers)",
          command: process.execPath,
          args: ["--import", "tsx", "--test", "scripts/static.test.ts"],
          env: envWithoutPostgres(),
        },
      ]),
  },
  {
    name: "migrations drift",
    title: "Migrations drift (npm run db:diff must print `-- no changes`)",
    run: async () => {
      const result = await run("npm", ["run", "--silent", "db:diff"], { buffered: true });
      process.stdout.write(result.output);
      if (!result.ok) return result;
      // npm may still print its `> workspace script` banners around the command's own output.
      const printed = result.stdout.split("\n").filter((line) => line.trim() && !line.startsWith(">"));
      if (printed.length === 1 && printed[0]?.trim() === "-- no changes") return { ok: true };
      return {
        ok: false,
        detail: "schema.prisma and prisma/migrations differ: run npm run db:migration:create -- <name> and commit the migration",
      };
    },
  },
  {
    name: "PostgreSQL",
    title: "PostgreSQL (migrations and API tests against TEST_POSTGRES_URL)",
    run: async () => {
      const url = process.env.TEST_POSTGRES_URL;
      if (!url) {
        console.log("PostgreSQL: SKIPPED (TEST_POSTGRES_URL not set)");
        return { ok: true, skipped: true, detail: "TEST_POSTGRES_URL not set" };
      }
      console.log(`PostgreSQL: RUNNING against ${maskPassword(url)}`);
      return runAll([
        {
          label: "db:deploy on PostgreSQL",
          command: "npm",
          args: ["run", "db:deploy"],
          env: { ...process.env, DATABASE_URL: url },
        },
        {
          label: "@couronne/api on PostgreSQL",
          command: "npm",
          args: ["test", "-w", "@couronne/api"],
          env: { ...process.env, TEST_POSTGRES_URL: url },
        },
      ]);
    },
  },
  {
    name: "build",
    title: "Build (what npm start serves)",
    run: async () => {
      const result = await run(process.execPath, ["scripts/build.mjs"]);
      buildOk = result.ok;
      return result;
    },
  },
  {
    name: "e2e",
    title: "Browser tests (e2e/, Debian Chromium)",
    run: () => {
      if (!buildOk) return { ok: false, detail: "not run: the build failed" };
      return run("npm", ["test", "-w", "@couronne/e2e"]);
    },
  },
];

/** @type {Array<StepResult & { name: string, ms: number }>} */
const results = [];
const started = performance.now();
for (const [index, step] of steps.entries()) {
  console.log(`\n${"=".repeat(78)}\n[${index + 1}/${steps.length}] ${step.title}\n${"=".repeat(78)}`);
  const t0 = performance.now();
  const result = await step.run();
  const ms = performance.now() - t0;
  results.push({ ...step, ...result, ms });
  const verdict = result.skipped ? "SKIPPED" : result.ok ? "PASSED" : "FAILED";
  console.log(`\n[${index + 1}/${steps.length}] ${step.name}: ${verdict} in ${seconds(ms)}${result.detail ? ` (${result.detail})` : ""}`);
}

console.log(`\n${"=".repeat(78)}\nSummary (${seconds(performance.now() - started)})`);
for (const result of results) {
  const mark = result.skipped ? "SKIP" : result.ok ? "ok  " : "FAIL";
  console.log(`  ${mark} ${result.name.padEnd(28)} ${seconds(result.ms).padStart(8)}${result.detail ? `  ${result.detail}` : ""}`);
  for (const line of result.lines ?? []) console.log(`         ${line}`);
}
const passed = results.filter((result) => result.ok && !result.skipped).length;
const failed = results.filter((result) => !result.ok).length;
for (const result of results.filter((r) => r.skipped)) console.log(`skipped: ${result.name} (${result.detail})`);
console.log(`steps: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
