import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from "jose";
import { z } from "zod";
import type { Config } from "../config.ts";

const ClaimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().optional(),
  picture: z.string().optional(),
});
export type VerifiedIdentity = { userId: string; name: string | null; picture: string | null };

const jwksByUrl = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function jwks(config: Config) {
  const url = `${config.apiBaseUrl}/oauth2/v2.1/certs`;
  let set = jwksByUrl.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { cacheMaxAge: 60 * 60 * 1000, timeoutDuration: 5000 });
    jwksByUrl.set(url, set);
  }
  return set;
}

export class InvalidIdTokenError extends Error {
  override name = "InvalidIdTokenError";
}

/**
 * Verifies a LIFF / LINE Login ID token locally: ES256 only (so `alg: none` and HS256 forgeries fail),
 * signature against LINE's JWKS by `kid`, `iss` = LINE's access host, `aud` = our LINE Login channel,
 * `exp` with 60 s of clock skew. The user ID is taken from `sub`, never from the client.
 * https://developers.line.biz/en/docs/liff/using-user-profile/#sending-id-token
 */
export async function verifyIdToken(config: Config, token: string): Promise<VerifiedIdentity> {
  try {
    const { payload } = await jwtVerify(token, jwks(config), {
      algorithms: ["ES256"],
      issuer: config.accessBaseUrl,
      audience: config.loginChannelId,
      clockTolerance: 60,
      requiredClaims: ["exp", "iat", "sub"],
    });
    const claims = ClaimsSchema.parse(payload);
    return { userId: claims.sub, name: claims.name ?? null, picture: claims.picture ?? null };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new InvalidIdTokenError("ID token expired");
    if (error instanceof joseErrors.JOSEError || error instanceof z.ZodError) {
      throw new InvalidIdTokenError(`ID token rejected: ${error.message}`);
    }
    throw error;
  }
}
