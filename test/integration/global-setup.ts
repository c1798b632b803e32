import type { TestProject } from "vitest/node";
import { startSandbox } from "../line-sandbox/src/server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    sandboxUrl: string;
  }
}

/** One LINE sandbox on Node for the whole integration run; the Worker under test calls it over HTTP. */
export default async function setup(project: TestProject) {
  const sandbox = await startSandbox({
    port: 0,
    host: "127.0.0.1",
    channelSecret: "integration-channel-secret",
    channelAccessToken: "integration-channel-access-token",
    loginChannelId: "1234567890",
  });
  project.provide("sandboxUrl", sandbox.url);
  return async () => {
    await sandbox.close();
  };
}
