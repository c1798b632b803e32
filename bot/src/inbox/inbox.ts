import { DurableObject } from "cloudflare:workers";

/**
 * What staff consoles hear. `message`: a new timeline row; `handover`: the bot handed a chat to staff;
 * `takeover`: someone took, was assigned or resolved a chat (state and holder included, so every console
 * shows who has it at once); `note`: an internal note changed; `read`: staff opened the chat.
 */
export interface InboxEvent {
  type: "message" | "handover" | "takeover" | "note" | "read";
  userId: string;
  messageId: number | null;
  state?: "bot" | "waiting" | "staff";
  assignee?: { userId: string; name: string | null } | null;
}

/**
 * One per shop: staff consoles hold a WebSocket here and hear about new messages at once. Uses the
 * hibernation API so idle consoles cost nothing. Authentication happens in the Worker before the upgrade.
 */
export class Inbox extends DurableObject<Env> {
  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/notify" && request.method === "POST") {
      const event = (await request.json()) as InboxEvent;
      const data = JSON.stringify(event);
      for (const socket of this.ctx.getWebSockets()) {
        try {
          socket.send(data);
        } catch {
          // A socket closing while we send: it will be gone on the next event.
        }
      }
      return new Response(null, { status: 204 });
    }
    if (request.headers.get("upgrade")?.toLowerCase() === "websocket") {
      const pair = new WebSocketPair();
      this.ctx.acceptWebSocket(pair[1]);
      pair[1].send(JSON.stringify({ type: "hello" }));
      return new Response(null, { status: 101, webSocket: pair[0] });
    }
    return new Response("not found", { status: 404 });
  }

  override async webSocketMessage(socket: WebSocket, message: string | ArrayBuffer): Promise<void> {
    if (message === "ping") socket.send("pong");
  }

  override async webSocketClose(socket: WebSocket, code: number): Promise<void> {
    // 1005 ("no status") cannot be sent back: answer with a normal closure.
    socket.close(code === 1005 ? 1000 : code, "bye");
  }
}
