import type { NavItem } from "../components/app-shell.tsx";

/** One area of the admin console: the sub-navigation's item and the admin home's card. */
export interface AdminSection extends NavItem {
  /** what the operator does there, for the admin home */
  about: { ja: string; en: string };
  group: AdminGroup;
}

export type AdminGroup = "customers" | "messaging" | "perks" | "bot";

export const ADMIN_GROUPS: Record<AdminGroup, { ja: string; en: string }> = {
  customers: { ja: "お客さま", en: "Customers" },
  messaging: { ja: "配信とメニュー", en: "Messaging & menus" },
  perks: { ja: "特典とアンケート", en: "Perks & surveys" },
  bot: { ja: "チャットボット", en: "Chatbot" },
};

/** Every admin area, in the order the sub-navigation shows them. */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  {
    href: "/admin/kpis",
    ja: "KPI",
    en: "KPIs",
    group: "customers",
    about: { ja: "友だち・ブロック率・各種利用率のグラフとCSV", en: "Friends, block rate and other rates as charts, with CSV" },
  },
  {
    href: "/admin/tags",
    ja: "タグ",
    en: "Tags",
    group: "customers",
    about: { ja: "お客さまを分類するタグとグループ", en: "Tags and groups that sort customers" },
  },
  {
    href: "/admin/segments",
    ja: "セグメント",
    en: "Segments",
    group: "customers",
    about: { ja: "条件で絞り込んだ配信対象", en: "Audiences defined by conditions" },
  },
  {
    href: "/admin/points",
    ja: "ポイント・ランク",
    en: "Points & ranks",
    group: "customers",
    about: { ja: "還元率、店舗、会員ランク、ポイント調整", en: "Point rates, stores, ranks, adjustments" },
  },
  {
    href: "/admin/member-data",
    ja: "会員データ",
    en: "Member data",
    group: "customers",
    about: { ja: "会員の CSV 書き出しと取り込み", en: "Export and import members as CSV" },
  },
  {
    href: "/admin/personal-data",
    ja: "個人データ",
    en: "Personal data",
    group: "customers",
    about: { ja: "お客さまのデータの書き出しと削除（開示・削除請求）", en: "Export or erase a customer's data (APPI requests)" },
  },
  {
    href: "/admin/broadcasts",
    ja: "配信",
    en: "Broadcasts",
    group: "messaging",
    about: { ja: "セグメントへの一斉配信（予約可）", en: "Messages to a segment, now or scheduled" },
  },
  {
    href: "/admin/scenarios",
    ja: "ステップ配信",
    en: "Scenarios",
    group: "messaging",
    about: { ja: "友だち追加などを起点にしたシナリオ", en: "Timed messages started by an event" },
  },
  {
    href: "/admin/rich-menus",
    ja: "リッチメニュー",
    en: "Rich menus",
    group: "messaging",
    about: { ja: "メニュー画像・タップ領域と表示ルール", en: "Menu images, tap areas and who sees which" },
  },
  {
    href: "/admin/links",
    ja: "計測リンク",
    en: "Tracked links",
    group: "messaging",
    about: { ja: "クリック計測とクリック時のタグ付け", en: "Click tracking and tags on click" },
  },
  {
    href: "/admin/coupons",
    ja: "クーポン",
    en: "Coupons",
    group: "perks",
    about: { ja: "クーポンの作成・配布・利用状況", en: "Create, send and follow coupons" },
  },
  {
    href: "/admin/surveys",
    ja: "アンケート",
    en: "Surveys",
    group: "perks",
    about: { ja: "アンケートの作成と回答の集計", en: "Build surveys and read the answers" },
  },
  {
    href: "/admin/faq",
    ja: "FAQ・ボット",
    en: "FAQ & bot",
    group: "bot",
    about: { ja: "FAQ、学習した言い回し、定型文、営業時間", en: "FAQ, learned phrasings, canned replies, hours" },
  },
];
