/** The viewer of an HTTP request, from its `Authorization: Bearer …` header (a session token or a partner key). */
import type { PrismaClient } from "../../generated/prisma/client.js";
import { UnauthenticatedError } from "../../errors.js";
import { isApiKey, viewerFromApiKey } from "../partners/api-client.service.js";
import { isSessionToken, viewerFromSessionToken } from "./session.service.js";
import { anonymous, type Viewer } from "./viewer.js";

export async function viewerFromAuthorization(
  prisma: PrismaClient,
  authorization: string | undefined,
  clientAddress: string | null,
): Promise<Viewer> {
  if (!authorization) return anonymous;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const credential = match?.[1];
  if (!credential) throw new UnauthenticatedError("The Authorization header must be `Bearer <session token or API key>`");
  if (isSessionToken(credential)) return viewerFromSessionToken(prisma, credential);
  if (isApiKey(credential)) return viewerFromApiKey(prisma, credential, clientAddress);
  throw new UnauthenticatedError("Unknown kind of credential: expected a session token (cs_…) or an API key (ck_…)");
}
