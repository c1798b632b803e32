import { useMutation, useQueryClient } from "@tanstack/react-query";
import { client, readJson, settle } from "../../../lib/api.ts";
import { inboxKeys } from "./keys.ts";

export interface ReplyInput {
  text: string;
  /** Idempotency key: the same key for a retried send makes it one message. */
  clientKey: string;
  /** answer although another member of staff holds the chat (taking it over) */
  force?: boolean;
}

/**
 * POST /api/staff/conversations/:userId/messages. The server answers 502 with `{ delivered: false }` when
 * LINE refused or could not be reached (the message is then in the timeline as failed), and 409 with
 * who holds the chat when someone else does.
 */
export function useSendReply(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ReplyInput) => {
      const response = await settle(
        client.api.staff.conversations[":userId"].messages.$post({ param: { userId }, json: { ...input, force: input.force ?? false } }),
      );
      if (response.status === 502) {
        const body = await response.json().catch(() => undefined);
        if (body && typeof body.delivered === "boolean") return body;
      }
      return readJson(Promise.resolve(response));
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: inboxKeys.timeline(userId) }),
        queryClient.invalidateQueries({ queryKey: inboxKeys.conversations() }),
      ]),
  });
}
