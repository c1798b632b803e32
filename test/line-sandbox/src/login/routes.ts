// LINE Login endpoints (JWKS, ID token verification, discovery) and the sandbox's ID-token issuer, which
// stands in for the LINE app handing a token to LIFF. The LIFF app in mock mode fetches tokens from
// another origin, hence CORS on /oauth2/* and /__sandbox/* (set in server.ts).
import { Hono } from "hono";
import { z } from "zod";
import { controlError, parseControlBody } from "../control/validation.ts";
import { lineEndpoint } from "../http/endpoint.ts";
import type { SandboxEnv } from "../http/env.ts";
import { loginError } from "../http/errors.ts";
import type { SandboxState } from "../state.ts";
import { issueIdToken, type LoginKeys, verifyIdToken } from "./id-token.ts";

const IdTokenInputSchema = z.object({
  userId: z.string().min(1),
  expiresInSeconds: z.number().int().optional(),
  audience: z.string().min(1).optional(),
  nonce: z.string().min(1).optional(),
});

export function loginRoutes(state: SandboxState, keys: LoginKeys) {
  return new Hono<SandboxEnv>()
    .get("/oauth2/v2.1/certs", lineEndpoint(state, "loginCerts", { auth: false }), (c) => c.json({ keys: [keys.publicJwk] }))
    .post("/oauth2/v2.1/verify", lineEndpoint(state, "loginVerify", { auth: false, body: "form" }), async (c) => {
      const form = c.get("body") as Record<string, string>;
      if (!form.id_token) throw loginError("id_token is required");
      if (!form.client_id) throw loginError("client_id is required");
      const payload = await verifyIdToken(state, keys, {
        idToken: form.id_token,
        clientId: form.client_id,
        nonce: form.nonce,
        userId: form.user_id,
      });
      return c.json(payload);
    })
    .get("/.well-known/openid-configuration", (c) =>
      c.json({
        issuer: state.origin,
        jwks_uri: `${state.origin}/oauth2/v2.1/certs`,
        id_token_signing_alg_values_supported: ["ES256"],
        response_types_supported: ["code"],
        subject_types_supported: ["pairwise"],
      }),
    )
    .post("/__sandbox/login/id-token", async (c) => {
      const input = await parseControlBody(c, IdTokenInputSchema);
      if (!state.users.has(input.userId)) throw controlError(404, `Unknown user ${input.userId}: create it first`);
      return c.json({ idToken: await issueIdToken(state, keys, input) });
    });
}
