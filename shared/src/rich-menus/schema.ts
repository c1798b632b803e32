import { z } from "zod";

/**
 * The rich menu as operators edit it, in LINE's own shape (size, areas with bounds and actions), so the
 * object sent to `POST /v2/bot/richmenu` is built without translation.
 * https://developers.line.biz/en/reference/messaging-api/#rich-menu-object
 */
export const RICH_MENU_LIMITS = {
  maxAreas: 20,
  nameMax: 300,
  chatBarTextMax: 14,
  labelMax: 20,
  dataMax: 300,
  textMax: 300,
  uriMax: 1000,
} as const;

/** LINE's alias ID rule; aliases name the tabs `richmenuswitch` actions jump to. */
export const RICH_MENU_ALIAS_ID = /^[a-z0-9_-]{1,32}$/;

export const RichMenuAliasIdSchema = z
  .string()
  .regex(RICH_MENU_ALIAS_ID, "Use 1–32 lowercase letters, digits, - or _ / 半角小文字・数字・-・_ で1〜32文字にしてください");

const label = z.string().trim().min(1).max(RICH_MENU_LIMITS.labelMax, "Up to 20 characters / 20文字までです").optional();

/**
 * URIs LINE opens from a menu: web pages, tel:, line:// links, and — our own shorthand — a path of the LIFF
 * app ("/coupons"), turned into the LIFF URL when published so menus need not know the LIFF ID.
 */
const uri = z
  .string()
  .trim()
  .max(RICH_MENU_LIMITS.uriMax)
  .regex(
    /^(https?:\/\/\S+|tel:\S+|line:\/\/\S+|\/\S*)$/,
    "Use https://…, tel:…, line://… or an app page like /coupons / https:// などのURLかアプリのページ（/coupons）にしてください",
  );

/** Whether a `uri` action is an app page path (resolved to the LIFF URL at publish time). */
export function isAppPath(uri: string): boolean {
  return uri.startsWith("/");
}

export const RichMenuActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("uri"), label, uri }),
  z.object({
    type: z.literal("postback"),
    label,
    data: z.string().min(1, "Postback data is empty / データが空です").max(RICH_MENU_LIMITS.dataMax),
    displayText: z.string().min(1).max(RICH_MENU_LIMITS.textMax).optional(),
  }),
  z.object({
    type: z.literal("message"),
    label,
    text: z.string().trim().min(1, "Message is empty / メッセージが空です").max(RICH_MENU_LIMITS.textMax),
  }),
  z.object({
    type: z.literal("richmenuswitch"),
    label,
    richMenuAliasId: RichMenuAliasIdSchema,
    data: z.string().min(1).max(RICH_MENU_LIMITS.dataMax),
  }),
]);
export type RichMenuAction = z.infer<typeof RichMenuActionSchema>;
export type RichMenuActionType = RichMenuAction["type"];

export const RichMenuBoundsSchema = z.object({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});
export type RichMenuBounds = z.infer<typeof RichMenuBoundsSchema>;

export const RichMenuAreaSchema = z.object({ bounds: RichMenuBoundsSchema, action: RichMenuActionSchema });
export type RichMenuArea = z.infer<typeof RichMenuAreaSchema>;

export const RichMenuSizeSchema = z.object({ width: z.number().int(), height: z.number().int() });
export type RichMenuSize = z.infer<typeof RichMenuSizeSchema>;

/** What the editor saves. The size is not here: it is the uploaded image's size. */
export const RichMenuInputSchema = z.object({
  name: z.string().trim().min(1, "Name is empty / 名前を入力してください").max(RICH_MENU_LIMITS.nameMax),
  chatBarText: z
    .string()
    .trim()
    .min(1, "Chat bar text is empty / メニューバーの文言を入力してください")
    .max(RICH_MENU_LIMITS.chatBarTextMax, "Up to 14 characters / 14文字までです"),
  /** Whether the menu opens expanded when the chat is opened. */
  selected: z.boolean().default(false),
  /** Alias for tabbed menus: other menus' `richmenuswitch` areas point here. */
  aliasId: RichMenuAliasIdSchema.nullable().default(null),
  areas: z.array(RichMenuAreaSchema).max(RICH_MENU_LIMITS.maxAreas, "Up to 20 areas / タップ領域は20個までです"),
});
export type RichMenuInput = z.infer<typeof RichMenuInputSchema>;

export interface AreaIssue {
  path: string;
  message: string;
}

/** Areas must lie inside the image (LINE rejects the menu otherwise); overlapping areas are ambiguous taps. */
export function richMenuAreaIssues(size: RichMenuSize, areas: readonly RichMenuArea[]): AreaIssue[] {
  const issues: AreaIssue[] = [];
  areas.forEach((area, i) => {
    const b = area.bounds;
    if (b.x + b.width > size.width || b.y + b.height > size.height) {
      issues.push({
        path: `areas.${i}.bounds`,
        message: `Area ${i + 1} is outside the ${size.width}×${size.height} image / 領域${i + 1}が画像の外にはみ出しています`,
      });
    }
    for (let j = 0; j < i; j++) {
      const other = areas[j]?.bounds;
      if (other && overlaps(b, other)) {
        issues.push({
          path: `areas.${i}.bounds`,
          message: `Area ${i + 1} overlaps area ${j + 1} / 領域${i + 1}が領域${j + 1}と重なっています`,
        });
      }
    }
  });
  return issues;
}

function overlaps(a: RichMenuBounds, b: RichMenuBounds): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The request body of LINE's create-rich-menu call; app page paths become full URLs via `appUrl`. */
export function toLineRichMenu(
  menu: { name: string; chatBarText: string; selected: boolean; size: RichMenuSize; areas: RichMenuArea[] },
  appUrl: (path: string) => string,
) {
  const areas = menu.areas.map((area) =>
    area.action.type === "uri" && isAppPath(area.action.uri) ? { ...area, action: { ...area.action, uri: appUrl(area.action.uri) } } : area,
  );
  return { size: menu.size, selected: menu.selected, name: menu.name, chatBarText: menu.chatBarText, areas };
}
