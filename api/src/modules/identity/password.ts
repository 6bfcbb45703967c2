/**
 * Password hashing with argon2id (@node-rs/argon2: prebuilt binaries from the npm registry, no compiler).
 * Parameters follow OWASP's minimum for argon2id (19 MiB, 2 iterations, 1 lane).
 */
import { hash, verify } from "@node-rs/argon2";

// `algorithm: 2` is Algorithm.Argon2id, a const enum that verbatimModuleSyntax cannot import.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const minPasswordLength = 12;
export const maxPasswordLength = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let decoyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no stored hash (unknown account, or an account without
 * a password) it verifies against a decoy so the answer takes the same time and says nothing more.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    decoyHash ??= hashPassword("decoy password that matches no account");
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
