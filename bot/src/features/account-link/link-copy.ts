/** What the bot says about linking, Japanese first, English second. Every confirmation says how to unlink. */
const howToUnlink =
  "連携はアプリの「会員連携」画面（下のボタン）からいつでも解除できます。\nYou can unlink at any time on the app's “Link membership” screen (button below).";

export const linkCopy = {
  /** Buttons-template text: at most 160 characters (LINE's limit without a title or image). */
  chooseWay: "会員連携の方法を選んでください（ログインのリンクは10分間有効）。\nLink by shop login (valid 10 min) or by member number.",
  chooseWayAlt:
    "会員連携：ショップのアカウントにログインするか、会員番号と生年月日（または電話番号の下4桁）で連携できます。\nLink your membership by logging in to your shop account, or with your member number and birthday (or phone digits).",
  loginLabel: "ログインして連携",
  numberLabel: "会員番号で連携",
  /** The button under every link confirmation: the LIFF screen that shows the link and unlinks it. */
  manage: "連携の確認・解除はこちらから。\nSee or undo the link here:",
  manageLabel: "連携の確認・解除",
  linked: (memberNumber: string, name: string) =>
    `${name}様、会員番号 ${memberNumber} と LINE アカウントを連携しました。会員証にポイントとランクが表示されます。\n\nYour membership ${memberNumber} is now linked: your card shows your points and rank.\n\n${howToUnlink}`,
  alreadyLinked: (memberNumber: string) =>
    `この LINE アカウントはすでに会員番号 ${memberNumber} と連携しています。\nThis LINE account is already linked to membership ${memberNumber}.\n\n${howToUnlink}`,
  memberTaken:
    "この会員アカウントは別の LINE アカウントと連携済みのため、連携できませんでした。お心当たりがない場合は店舗にお問い合わせください。\nThis membership is already linked to another LINE account. If that was not you, please contact the shop.",
  friendHasOther: (memberNumber: string) =>
    `この LINE アカウントは会員番号 ${memberNumber} と連携済みです。切り替えるには先に連携を解除してください。\nThis LINE account is linked to membership ${memberNumber}; unlink it first to switch.\n\n${howToUnlink}`,
  nonceInvalid:
    "連携の有効期限が切れたか、すでに使われています。お手数ですが、メニューの「会員連携」からもう一度お試しください。\nThis link has expired or was already used. Please start again from “Link membership” in the menu.",
  unavailable:
    "ただいま会員連携を開始できません。しばらくしてからもう一度お試しください。\nAccount linking cannot be started right now. Please try again shortly.",
} as const;
