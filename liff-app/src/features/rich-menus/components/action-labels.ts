import type { RichMenuAction, RichMenuActionType } from "@enishi/shared";

/** How each action type is named to operators. */
export const ACTION_TYPES: Record<RichMenuActionType, [ja: string, en: string]> = {
  uri: ["リンクを開く", "Open a link"],
  postback: ["ボットへの合図（ポストバック）", "Postback to the bot"],
  message: ["メッセージを送る", "Send a message"],
  richmenuswitch: ["タブを切り替える", "Switch tab"],
};

/** The bot's postback actions (shared/src/postback.ts) offered as presets. */
export const POSTBACK_PRESETS: { data: string; ja: string; en: string }[] = [
  { data: "action=open-card", ja: "会員証を案内", en: "Open the member card" },
  { data: "action=contact-staff", ja: "スタッフに相談", en: "Contact staff" },
  { data: "action=link-account", ja: "会員連携を始める", en: "Start account linking" },
];

export function actionSummary(action: RichMenuAction): string {
  switch (action.type) {
    case "uri":
      return action.uri;
    case "postback":
      return POSTBACK_PRESETS.find((p) => p.data === action.data)?.ja ?? action.data;
    case "message":
      return action.text;
    case "richmenuswitch":
      return `→ ${action.richMenuAliasId}`;
  }
}

export function defaultAction(type: RichMenuActionType, label?: string): RichMenuAction {
  switch (type) {
    case "uri":
      return { type, label, uri: "/coupons" };
    case "postback":
      return { type, label, data: "action=contact-staff", displayText: label };
    case "message":
      return { type, label, text: label ?? "メニュー" };
    case "richmenuswitch":
      return { type, label, richMenuAliasId: "main", data: "action=switch-menu" };
  }
}
