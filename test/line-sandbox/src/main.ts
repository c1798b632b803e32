// CLI: node --experimental-strip-types test/line-sandbox/src/main.ts --port 8790 --webhook http://127.0.0.1:8787/webhook
// Defaults are the demo identities of docs/dev-contracts.md, which .dev.vars.example also uses.
import { parseArgs } from "node:util";
import { startSandbox } from "./server.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8790" },
    host: { type: "string", default: "127.0.0.1" },
    webhook: { type: "string" },
    "channel-secret": { type: "string", default: "sandbox-channel-secret" },
    "channel-access-token": { type: "string", default: "sandbox-channel-access-token" },
    "login-channel-id": { type: "string", default: "1234567890" },
    "public-url": { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(`LINE sandbox: Messaging API, LINE Login and webhook sender for local development.
  --port N                  port (default 8790; 0 = any free port)
  --host H                  interface (default 127.0.0.1)
  --webhook URL             where webhooks go (also PUT /__sandbox/config)
  --channel-secret S        default sandbox-channel-secret
  --channel-access-token T  default sandbox-channel-access-token
  --login-channel-id ID     default 1234567890
  --public-url URL          origin clients use, if not http://host:port (ID token issuer)`);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`Invalid --port ${values.port}`);
  process.exit(2);
}

const sandbox = await startSandbox({
  port,
  host: values.host,
  channelSecret: values["channel-secret"],
  channelAccessToken: values["channel-access-token"],
  loginChannelId: values["login-channel-id"],
  ...(values.webhook ? { webhookUrl: values.webhook } : {}),
  ...(values["public-url"] ? { publicUrl: values["public-url"] } : {}),
});
console.log(`LINE sandbox listening on ${sandbox.url}`);
console.log(`  webhook → ${sandbox.state.config.webhookUrl ?? "(none yet: PUT /__sandbox/config)"}`);

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  console.log(`LINE sandbox: ${signal}, closing`);
  await sandbox.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
