import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { getIdToken } from "../../../lib/liff.ts";
import { inboxKeys } from "../api/keys.ts";

export type LiveStatus = "connecting" | "live" | "reconnecting";

export type InboxEventType = "message" | "handover" | "takeover" | "note" | "read";

export interface InboxEvent {
  type: InboxEventType;
  userId: string;
  messageId: number | null;
}

const EVENT_TYPES: ReadonlySet<string> = new Set<InboxEventType>(["message", "handover", "takeover", "note", "read"]);

const MAX_BACKOFF_MS = 30_000;
/** Keeps idle sockets from being closed by proxies (Cloudflare drops silent ones after ~100 s). */
const PING_INTERVAL_MS = 45_000;

function parseEvent(data: unknown): InboxEvent | { type: "hello" } | undefined {
  if (typeof data !== "string") return undefined;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== "object" || value === null || !("type" in value)) return undefined;
    if (value.type === "hello") return { type: "hello" };
    if (typeof value.type === "string" && EVENT_TYPES.has(value.type) && "userId" in value && typeof value.userId === "string") {
      const messageId = "messageId" in value && typeof value.messageId === "number" ? value.messageId : null;
      return { type: value.type as InboxEventType, userId: value.userId, messageId };
    }
  } catch {
    // Not JSON (e.g. "pong"): nothing to do.
  }
  return undefined;
}

function liveUrl(token: string): string {
  const url = new URL("/api/staff/inbox/live", window.location.origin);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  // Browsers cannot set headers on a WebSocket: the server verifies the ID token from the query.
  url.searchParams.set("token", token);
  return url.toString();
}

/**
 * Holds the staff inbox WebSocket: each event refetches the conversation list and that person's timeline.
 * Reconnects with exponential backoff (with jitter) when it drops, at once when the device comes back
 * online or the page becomes visible, and refetches everything after a reconnect, since events may have
 * been missed meanwhile. `onEvent` hears every change (for announcements).
 */
export function useInboxLive(onEvent?: (event: InboxEvent) => void): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const listener = useRef(onEvent);
  listener.current = onEvent;

  useEffect(() => {
    let socket: WebSocket | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let pingTimer: ReturnType<typeof setInterval> | undefined;
    let failures = 0;
    let everConnected = false;
    let connecting = false;
    let stopped = false;

    function scheduleReconnect() {
      if (stopped || retryTimer !== undefined) return;
      setStatus("reconnecting");
      const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures);
      failures += 1;
      retryTimer = setTimeout(connect, base / 2 + Math.random() * (base / 2));
    }

    async function connect() {
      retryTimer = undefined;
      if (stopped || connecting) return;
      connecting = true;
      let token: string;
      try {
        // Asked for on every attempt: a console left open outlives the hour an ID token lasts, and
        // getIdToken renews one that is about to expire.
        token = await getIdToken();
      } catch {
        connecting = false;
        scheduleReconnect();
        return;
      }
      connecting = false;
      if (stopped) return;
      const ws = new WebSocket(liveUrl(token));
      socket = ws;
      ws.addEventListener("message", (message) => {
        const event = parseEvent(message.data);
        if (!event) return;
        if (event.type === "hello") {
          failures = 0;
          setStatus("live");
          if (everConnected) void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
          everConnected = true;
          return;
        }
        if (event.type === "note") {
          void queryClient.invalidateQueries({ queryKey: inboxKeys.profile(event.userId) });
        } else {
          void queryClient.invalidateQueries({ queryKey: inboxKeys.conversations() });
          if (event.type !== "read") void queryClient.invalidateQueries({ queryKey: inboxKeys.timeline(event.userId) });
        }
        listener.current?.(event);
      });
      ws.addEventListener("close", () => {
        if (socket === ws) socket = undefined;
        scheduleReconnect();
      });
      clearInterval(pingTimer);
      pingTimer = setInterval(() => {
        if (ws.readyState === WebSocket.OPEN) ws.send("ping");
      }, PING_INTERVAL_MS);
    }

    function reconnectNow() {
      if (stopped || socket) return;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      void connect();
    }
    const onVisible = () => {
      if (document.visibilityState === "visible") reconnectNow();
    };

    void connect();
    window.addEventListener("online", reconnectNow);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      window.removeEventListener("online", reconnectNow);
      document.removeEventListener("visibilitychange", onVisible);
      socket?.close(1000, "leaving");
    };
  }, [queryClient]);

  return status;
}
