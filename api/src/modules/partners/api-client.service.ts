/**
 * Partner API clients (e.g. the Bibliothèque départementale de l'Aisne): a key shown once at creation,
 * scopes, a mandatory expiry of at most a year, optional allowed address ranges, revocation, and a
 * query-cost budget.
 */
import net from "node:net";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { BadUserInputError, ConflictError, NotFoundError, UnauthenticatedError } from "../../errors.js";
import { apiKeyPrefix, newApiKey, sha256 } from "../identity/tokens.js";
import type { Viewer } from "../identity/viewer.js";

type Tx = Prisma.TransactionClient;

/** Scopes a partner key may carry: read access to one domain each. */
export const partnerScopes = ["read:territory", "read:training"] as const;
export type PartnerScope = (typeof partnerScopes)[number];

export const maxKeyLifetimeDays = 365;
export const defaultCostBudget = { costCapacity: 1000, costRefillPerSecond: 50 } as const;

export interface CreateApiClientInput {
  name: string;
  scopes: readonly PartnerScope[];
  expiresAt: Date;
  allowedIpRanges: readonly string[];
  costCapacity?: number;
  costRefillPerSecond?: number;
}

/** Parses "192.0.2.0/24", "2001:db8::/32" or a single address; throws BAD_USER_INPUT otherwise. */
export function parseIpRange(range: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } {
  const [address = "", prefixText] = range.trim().split("/");
  const version = net.isIP(address);
  if (version === 0) throw new BadUserInputError(`Not an IP address or CIDR range: ${range}`);
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) throw new BadUserInputError(`Bad prefix length in ${range}`);
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

export function isAddressAllowed(ranges: readonly string[], clientAddress: string | null): boolean {
  if (ranges.length === 0) return true;
  if (!clientAddress) return false;
  const list = new net.BlockList();
  for (const range of ranges) {
    const { address, prefix, family } = parseIpRange(range);
    list.addSubnet(address, prefix, family);
  }
  const plain = clientAddress.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return list.check(plain, net.isIP(plain) === 6 ? "ipv6" : "ipv4");
}

export async function createApiClient(tx: Tx, input: CreateApiClientInput, createdById: string | null, now = new Date()) {
  const lifetimeMs = input.expiresAt.getTime() - now.getTime();
  if (lifetimeMs <= 0) throw new BadUserInputError("expiresAt must be in the future");
  if (lifetimeMs > maxKeyLifetimeDays * 86_400_000) {
    throw new BadUserInputError(`A key expires within ${maxKeyLifetimeDays} days at most`);
  }
  input.allowedIpRanges.forEach(parseIpRange);
  const { key, keyPrefix } = newApiKey();
  const client = await tx.apiClient.create({
    data: {
      name: input.name.trim(),
      keyPrefix,
      keyHash: sha256(key),
      scopes: [...new Set(input.scopes)],
      expiresAt: input.expiresAt,
      allowedIpRanges: [...input.allowedIpRanges],
      costCapacity: input.costCapacity ?? defaultCostBudget.costCapacity,
      costRefillPerSecond: input.costRefillPerSecond ?? defaultCostBudget.costRefillPerSecond,
      createdById,
    },
  });
  return { client, key };
}

export async function revokeApiClient(tx: Tx, clientId: string, now = new Date()) {
  const client = await tx.apiClient.findUnique({ where: { id: clientId }, select: { revokedAt: true } });
  if (!client) throw new NotFoundError("API client", clientId);
  if (client.revokedAt) throw new ConflictError(`API client ${clientId} is already revoked`);
  return tx.apiClient.update({ where: { id: clientId }, data: { revokedAt: now } });
}

export function isApiKey(bearer: string): boolean {
  return bearer.startsWith(apiKeyPrefix);
}

/** The viewer of a partner key; UNAUTHENTICATED when unknown, expired, revoked or used from a refused address. */
export async function viewerFromApiKey(
  prisma: PrismaClient,
  key: string,
  clientAddress: string | null,
  now = new Date(),
): Promise<Viewer> {
  const client = await prisma.apiClient.findUnique({ where: { keyHash: sha256(key) } });
  if (!client || client.revokedAt || client.expiresAt <= now) {
    throw new UnauthenticatedError("The API key is invalid, expired or revoked");
  }
  if (!isAddressAllowed(client.allowedIpRanges, clientAddress)) {
    throw new UnauthenticatedError("The API key may not be used from this address");
  }
  return {
    kind: "partner",
    clientId: client.id,
    scopes: new Set(client.scopes),
    costCapacity: client.costCapacity,
    costRefillPerSecond: client.costRefillPerSecond,
  };
}
