import { describe, expect, it } from "vitest";
import type { Deps } from "../../deps.ts";
import type { AppError } from "../../errors.ts";
import { assertLinksSendable } from "./broadcast-messages.ts";

/**
 * The configuration checks of `{link:CODE}` happen before any database lookup, so they are shown here with
 * a deployment missing a setting (integration tests run with both set; link existence is tested there).
 */
function deployment(appBaseUrl: string, secret: string | undefined): Deps {
  const db = new Proxy(
    {},
    {
      get: () => {
        throw new Error("the database must not be asked");
      },
    },
  );
  return { config: { appBaseUrl }, env: { CARD_CODE_SECRET: secret }, db } as unknown as Deps;
}

async function refusal(deps: Deps, text: string): Promise<AppError | null> {
  return assertLinksSendable(deps, [
    { type: "text", text: "こんにちは" },
    { type: "text", text },
  ]).then(
    () => null,
    (error: AppError) => error,
  );
}

describe("tracked links in messages", () => {
  it("refuses {link:CODE} without APP_BASE_URL, saying so in Japanese first", async () => {
    const error = await refusal(deployment("", "a-secret-of-at-least-16"), "詳しくは {link:spring26}");
    expect(error).toMatchObject({ status: 400, code: "validation_failed", details: [{ path: "messages.1" }] });
    expect(error?.message).toMatch(/^トラッキングリンク .*APP_BASE_URL.* \/ Tracked links .*APP_BASE_URL/);
  });

  it("refuses {link:CODE} without a signing secret", async () => {
    const error = await refusal(deployment("https://app.example", undefined), "{link:spring26}");
    expect(error).toMatchObject({ status: 400, code: "validation_failed" });
    expect(error?.message).toContain("CARD_CODE_SECRET");
  });

  it("asks nothing of messages without tracked links, whatever the configuration", async () => {
    expect(await refusal(deployment("", undefined), "{name}さん、こんにちは https://app.example/r/spring26")).toBeNull();
  });
});
