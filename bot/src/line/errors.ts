/** What went wrong talking to LINE, classified for the caller's next step. */
export class LineApiError extends Error {
  readonly endpoint: string;
  readonly status: number | null;
  readonly requestId: string | null;
  /** LINE refused the request as such (4xx): retrying the same request cannot succeed. */
  readonly permanent: boolean;
  /** 429 because the monthly message quota is used up (not just a burst): wait for next month or a plan change. */
  readonly quotaExhausted: boolean;
  readonly rateLimited: boolean;
  readonly body: string;

  constructor(
    endpoint: string,
    message: string,
    fields: {
      status: number | null;
      requestId: string | null;
      body: string;
      permanent: boolean;
      rateLimited?: boolean;
      quotaExhausted?: boolean;
    },
  ) {
    super(message);
    this.name = "LineApiError";
    this.endpoint = endpoint;
    this.status = fields.status;
    this.requestId = fields.requestId;
    this.body = fields.body;
    this.permanent = fields.permanent;
    this.rateLimited = fields.rateLimited ?? false;
    this.quotaExhausted = fields.quotaExhausted ?? false;
  }

  /** LINE's answer when a reply token was already used or has expired: fall back to push. */
  get isInvalidReplyToken(): boolean {
    return this.status === 400 && /invalid reply token/i.test(this.body);
  }
}
