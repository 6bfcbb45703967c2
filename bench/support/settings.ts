/** Settings of a bench from the environment: a bad value stops the bench with a clear message (exit 2). */
export function numberFromEnv(name: string, fallback: number, min: number, { integer = true } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!(integer ? Number.isInteger(value) : Number.isFinite(value)) || value < min) {
    console.error(`${name} must be ${integer ? "an integer" : "a number"} ≥ ${min}, got "${raw}"`);
    process.exit(2);
  }
  return value;
}
