/**
 * Throttles password guessing, per account and per client address, in the database so that several API
 * instances share the counters. A key is blocked for `blockFor` once it reaches `maxFailures` failures
 * within `window`. Keys exist whether or not the account does, so throttling reveals nothing either.
 */
import type { PrismaClient } from "../../generated/prisma/client.js";
import { RateLimitedError } from "../../errors.js";

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  blockForMs: number;
}

export interface LoginThrottleRules {
  perAccount: ThrottleRule;
  perAddress: ThrottleRule;
}

export const defaultLoginThrottleRules: LoginThrottleRules = {
  perAccount: { maxFailures: 5, windowMs: 15 * 60_000, blockForMs: 15 * 60_000 },
  perAddress: { maxFailures: 50, windowMs: 15 * 60_000, blockForMs: 15 * 60_000 },
};

export function throttleKeys(email: string, clientAddress: string | null): { key: string; rule: keyof LoginThrottleRules }[] {
  const keys: { key: string; rule: keyof LoginThrottleRules }[] = [{ key: `email:${email}`, rule: "perAccount" }];
  if (clientAddress) keys.push({ key: `ip:${clientAddress}`, rule: "perAddress" });
  return keys;
}

export class LoginThrottle {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly rules: LoginThrottleRules = defaultLoginThrottleRules,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Throws RATE_LIMITED while the account or the address is blocked. */
  async assertAllowed(email: string, clientAddress: string | null): Promise<void> {
    const keys = throttleKeys(email, clientAddress).map((k) => k.key);
    const blocked = await this.prisma.loginThrottle.findFirst({
      where: { key: { in: keys }, blockedUntil: { gt: this.now() } },
      select: { blockedUntil: true },
    });
    if (blocked?.blockedUntil) {
      const seconds = Math.ceil((blocked.blockedUntil.getTime() - this.now().getTime()) / 1000);
      throw new RateLimitedError(`Too many failed logins: retry in ${seconds} s`);
    }
  }

  async recordFailure(email: string, clientAddress: string | null): Promise<void> {
    const now = this.now();
    for (const { key, rule } of throttleKeys(email, clientAddress)) {
      const { maxFailures, windowMs, blockForMs } = this.rules[rule];
      const windowStart = new Date(now.getTime() - windowMs);
      // One statement, so concurrent failures from several instances all count.
      await this.prisma.$executeRaw`
        INSERT INTO "LoginThrottle" ("key", "failures", "windowStartsAt", "blockedUntil")
        VALUES (${key}, 1, ${now}, ${maxFailures <= 1 ? new Date(now.getTime() + blockForMs) : null})
        ON CONFLICT ("key") DO UPDATE SET
          "failures" = CASE WHEN "LoginThrottle"."windowStartsAt" < ${windowStart} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
          "windowStartsAt" = CASE WHEN "LoginThrottle"."windowStartsAt" < ${windowStart} THEN ${now} ELSE "LoginThrottle"."windowStartsAt" END,
          "blockedUntil" = CASE
            WHEN "LoginThrottle"."windowStartsAt" >= ${windowStart} AND "LoginThrottle"."failures" + 1 >= ${maxFailures}
            THEN ${new Date(now.getTime() + blockForMs)}
            ELSE "LoginThrottle"."blockedUntil" END`;
    }
  }

  /** A successful login clears the account's counter (not the address's: one good password must not unlock guessing others). */
  async recordSuccess(email: string): Promise<void> {
    await this.prisma.loginThrottle.deleteMany({ where: { key: `email:${email}` } });
  }
}
