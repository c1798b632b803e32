// LINE Login ID tokens: ES256 JWTs signed with a key pair generated at start, verifiable like LINE's
// with the JWKS at /oauth2/v2.1/certs (by `kid`) or with POST /oauth2/v2.1/verify.
// https://developers.line.biz/en/docs/line-login/verify-id-token/
import { errors, exportJWK, generateKeyPair, type JWK, type JWTPayload, jwtVerify, SignJWT } from "jose";
import { loginError } from "../http/errors.ts";
import { opaqueToken } from "../ids.ts";
import type { SandboxState } from "../state.ts";

export type LoginKeys = { privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK };

export type IdTokenRequest = {
  userId: string;
  /** Negative values issue an already expired token, for tests of the re-login path. */
  expiresInSeconds?: number;
  audience?: string;
  nonce?: string;
};

/** LIFF tokens live about an hour. */
const DEFAULT_LIFETIME_SECONDS = 3600;

export async function createLoginKeys(): Promise<LoginKeys> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk = await exportJWK(publicKey);
  return { privateKey, publicKey, publicJwk: { ...jwk, kid: opaqueToken(16), alg: "ES256", use: "sig" } };
}

export async function issueIdToken(state: SandboxState, keys: LoginKeys, request: IdTokenRequest): Promise<string> {
  const user = state.users.get(request.userId);
  if (!user) throw new Error(`unknown user ${request.userId}`);
  const now = Math.floor(state.now() / 1000);
  const exp = now + (request.expiresInSeconds ?? DEFAULT_LIFETIME_SECONDS);
  // An expired token was issued in the past, as the cached token LIFF may hand back would have been.
  const iat = exp > now ? now : exp - DEFAULT_LIFETIME_SECONDS;
  const claims: JWTPayload & Record<string, unknown> = { amr: ["linesso"], name: user.displayName };
  if (user.pictureUrl) claims.picture = user.pictureUrl;
  if (request.nonce) claims.nonce = request.nonce;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "ES256", typ: "JWT", kid: keys.publicJwk.kid })
    .setIssuer(state.origin)
    .setSubject(user.userId)
    .setAudience(request.audience ?? state.channel.loginChannelId)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keys.privateKey);
}

export type VerifyRequest = { idToken: string; clientId: string; nonce?: string; userId?: string };

/**
 * Verifies as LINE's verify endpoint does and fails with its error descriptions: signature, expiry,
 * issuer, audience (= client_id), then nonce and user_id when they were sent.
 */
export async function verifyIdToken(state: SandboxState, keys: LoginKeys, request: VerifyRequest): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(request.idToken, keys.publicKey, {
      algorithms: ["ES256"],
      currentDate: new Date(state.now()),
    }));
  } catch (err) {
    throw loginError(err instanceof errors.JWTExpired ? "IdToken expired." : "Invalid IdToken.");
  }
  if (payload.iss !== state.origin) throw loginError("Invalid IdToken Issuer.");
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(request.clientId)) throw loginError("Invalid IdToken Audience.");
  if (request.nonce !== undefined && payload.nonce !== request.nonce) throw loginError("Invalid IdToken Nonce.");
  if (request.userId !== undefined && payload.sub !== request.userId) {
    throw loginError("Invalid IdToken Subject Identifier.");
  }
  return payload;
}
