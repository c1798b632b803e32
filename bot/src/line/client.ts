import { messagingApi } from "@line/bot-sdk";
import type { Config } from "../config.ts";

export interface LineClients {
  api: messagingApi.MessagingApiClient;
  blob: messagingApi.MessagingApiBlobClient;
  timeoutMs: number;
  backoffMs: number;
}

const cache = new WeakMap<Config, LineClients>();

/** The SDK clients with base URLs from configuration, so the local sandbox can stand in for LINE. */
export function lineClients(config: Config): LineClients {
  let clients = cache.get(config);
  if (!clients) {
    clients = {
      api: new messagingApi.MessagingApiClient({ channelAccessToken: config.channelAccessToken, baseURL: config.apiBaseUrl }),
      blob: new messagingApi.MessagingApiBlobClient({ channelAccessToken: config.channelAccessToken, baseURL: config.apiDataBaseUrl }),
      timeoutMs: config.lineTimeoutMs,
      backoffMs: config.lineBackoffMs,
    };
    cache.set(config, clients);
  }
  return clients;
}
