// Viewer tokens (HS256 JWTs minted by the publisher's sign-in) and the admin bearer.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { errors as joseErrors, jwtVerify } from 'jose';
import { ApiError, unauthenticated } from './errors.js';
import type { UserClaims } from './store.js';

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  return match[1]!;
}

const nonEmpty = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;

/**
 * The claims of a valid viewer token, null when the request carries none.
 * Only HS256 is accepted: `alg: none` and every other algorithm fail verification.
 */
export async function viewerClaims(req: IncomingMessage, secret: Uint8Array): Promise<UserClaims | null> {
  const token = bearer(req);
  if (token === null) return null;
  let payload;
  try {
    ({ payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The sign-in has expired.');
    if (error instanceof joseErrors.JOSEError) throw unauthenticated('The sign-in token is not valid.');
    throw error;
  }
  const { sub, name, subscriber, staff } = payload as Record<string, unknown>;
  if (!nonEmpty(sub, 200) || !nonEmpty(name, 100)) throw unauthenticated('The sign-in token lacks a valid sub or name.');
  if ((subscriber !== undefined && typeof subscriber !== 'boolean') || (staff !== undefined && typeof staff !== 'boolean')) {
    throw unauthenticated('The sign-in token has a non-boolean subscriber or staff claim.');
  }
  return { id: sub, displayName: name.trim(), subscriber: subscriber === true, staff: staff === true };
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Constant-time check of the admin bearer; every failure looks the same to the caller. */
export function requireAdmin(req: IncomingMessage, adminToken: string | null): void {
  let token: string | null = null;
  try {
    token = bearer(req);
  } catch {
    // Falls through to the one refusal below.
  }
  if (adminToken === null || token === null || !timingSafeEqual(digest(token), digest(adminToken))) {
    throw new ApiError(401, 'unauthenticated', 'The moderation API needs the admin token.');
  }
}
