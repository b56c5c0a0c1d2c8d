// Minting viewer tokens: what a publisher's sign-in does (see docs/server.md), used here by the
// demo personas, the benchmark and the tests.
import { SignJWT } from 'jose';
import type { UserClaims } from './store.js';

export async function mintViewerToken(secret: Uint8Array, claims: UserClaims, ttlSeconds = 8 * 60 * 60): Promise<string> {
  const payload: Record<string, unknown> = { name: claims.displayName, subscriber: claims.subscriber };
  if (claims.staff) payload.staff = true;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.id)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(secret);
}
