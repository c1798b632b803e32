/**
 * Why the scanner refused, as `details.reason` of the error body: the staff screen switches on these and
 * shows the text; the server puts the same text in `message` for logs and other clients.
 */
export const SCAN_REFUSAL_TEXT = {
  not_a_card_code: {
    ja: "会員証のコードではありません。会員証のQRコードを読み取ってください。",
    en: "This is not a member-card code. Scan the QR code on the member card.",
  },
  invalid: {
    ja: "このコードは無効です（改ざんまたは別のお店のコード）。",
    en: "This code is not valid (altered, or from another shop).",
  },
  expired: {
    ja: "コードの有効期限が切れています。お客さまに会員証を開き直してもらってください（スクリーンショットは使えません）。",
    en: "The code has expired. Ask the customer to reopen their card (screenshots do not work).",
  },
  already_used: {
    ja: "このコードはすでに読み取り済みです。新しいコードが表示されるまでお待ちください。",
    en: "This code has already been used. Wait for the card to show a new code.",
  },
  unknown_member: { ja: "この会員は見つかりません。", en: "No such member." },
  scan_expired: {
    ja: "読み取りから時間が経ちすぎました。もう一度読み取ってください。",
    en: "This scan is too old. Please scan the card again.",
  },
  scan_not_yours: {
    ja: "別のスタッフの読み取りです。もう一度読み取ってください。",
    en: "Another member of staff made this scan. Scan again.",
  },
  no_points: { ja: "この金額ではポイントが付きません。", en: "This amount earns no points." },
  already_awarded: {
    ja: "この読み取りではすでにポイントを付与しました。別のお会計はもう一度読み取ってください。",
    en: "Points were already awarded for this scan. Scan again for another purchase.",
  },
  insufficient_points: { ja: "ポイントが足りません。", en: "Not enough points." },
  unknown_store: { ja: "店舗が見つかりません。店舗を選び直してください。", en: "Unknown store. Choose the store again." },
} as const satisfies Record<string, { ja: string; en: string }>;

export type ScanRefusal = keyof typeof SCAN_REFUSAL_TEXT;

export function scanRefusalMessage(reason: ScanRefusal): string {
  const text = SCAN_REFUSAL_TEXT[reason];
  return `${text.ja} / ${text.en}`;
}

export function isScanRefusal(value: unknown): value is ScanRefusal {
  return typeof value === "string" && value in SCAN_REFUSAL_TEXT;
}
