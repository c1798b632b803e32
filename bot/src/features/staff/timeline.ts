import type { MessageRow } from "@enishi/db";

export interface TimelineItem {
  id: number;
  direction: "in" | "out";
  sender: string;
  kind: string;
  text: string | null;
  message: unknown;
  delivery: string;
  method: string | null;
  error: string | null;
  at: number;
}

export function toTimelineItem(row: MessageRow): TimelineItem {
  let message: unknown = null;
  try {
    message = JSON.parse(row.payload);
  } catch {
    message = null;
  }
  return {
    id: row.id,
    direction: row.direction,
    sender: row.sender,
    kind: row.kind,
    text: row.text,
    message,
    delivery: row.delivery,
    method: row.method,
    error: row.error,
    at: row.sent_at ?? row.created_at,
  };
}
