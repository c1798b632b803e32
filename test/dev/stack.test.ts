import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { E2E_PORTS, REPO_ROOT, stackUrls, writeWorkerEnv } from "./stack.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("stack settings", () => {
  it("points the simulator at the Worker that serves the LIFF app", () => {
    expect(stackUrls(E2E_PORTS)).toEqual({
      worker: "http://127.0.0.1:8797",
      sandbox: "http://127.0.0.1:8792",
      webhook: "http://127.0.0.1:8797/webhook",
      simulator: "http://127.0.0.1:8792/?app=http://127.0.0.1:8797",
    });
  });

  it("writes Worker settings whose LINE URLs are this stack's sandbox, keeping the demo secrets", () => {
    dir = mkdtempSync(join(tmpdir(), "enishi-env-"));
    const file = join(dir, "worker.env");
    writeWorkerEnv(REPO_ROOT, file, stackUrls(E2E_PORTS));
    const vars = Object.fromEntries(
      readFileSync(file, "utf8")
        .trim()
        .split("\n")
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    expect(vars).toMatchObject({
      LINE_API_BASE_URL: "http://127.0.0.1:8792",
      LINE_API_DATA_BASE_URL: "http://127.0.0.1:8792",
      LINE_ACCESS_BASE_URL: "http://127.0.0.1:8792",
      APP_BASE_URL: "http://127.0.0.1:8797",
      LINE_CHANNEL_SECRET: "sandbox-channel-secret",
      LINE_LOGIN_CHANNEL_ID: "1234567890",
    });
    expect(Object.keys(vars).every((key) => /^[A-Z0-9_]+$/.test(key))).toBe(true);
  });
});
