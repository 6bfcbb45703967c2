/**
 * Opaque bearer secrets (session tokens, partner API keys). Only a SHA-256 of each is stored: they carry
 * 256 bits of randomness, so a fast hash is enough and lookups stay indexable (unlike passwords).
 */
import crypto from "node:crypto";

export const sessionTokenPrefix = "cs_";
export const apiKeyPrefix = "ck_";

export function sha256(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}

export function newSessionToken(): string {
  return `${sessionTokenPrefix}${crypto.randomBytes(32).toString("base64url")}`;
}

/** A partner key: `ck_<public id>_<secret>`; the public id is shown in lists to recognise a key. */
export function newApiKey(): { key: string; keyPrefix: string } {
  const publicId = crypto.randomBytes(6).toString("hex");
  const keyPrefix = `${apiKeyPrefix}${publicId}`;
  return { key: `${keyPrefix}_${crypto.randomBytes(32).toString("base64url")}`, keyPrefix };
}
