import { describe, expect, it } from "vitest";
import { LinkMemberInputSchema, normalizeBirthday, normalizeDigits } from "./account-link.schema.ts";

describe("link input as customers type it", () => {
  it("reads full-width digits, spaces and hyphens in member and phone numbers", () => {
    expect(normalizeDigits("１０００ ０３")).toBe("100003");
    expect(normalizeDigits("12-34")).toBe("1234");
    expect(normalizeDigits("２ー４６８")).toBe("2468");
  });

  it("reads birthdays written with slashes, kanji, no separators or full-width digits", () => {
    for (const typed of ["1998-07-21", "1998/7/21", "1998年7月21日", "19980721", "１９９８／０７／２１", " 1998.07.21 "]) {
      expect(normalizeBirthday(typed), typed).toBe("1998-07-21");
    }
  });

  it("accepts a member number with a birthday or with the phone's last 4 digits", () => {
    expect(LinkMemberInputSchema.parse({ method: "birthday", memberNumber: "１００００３", birthday: "1998/7/21" })).toEqual({
      method: "birthday",
      memberNumber: "100003",
      birthday: "1998-07-21",
    });
    expect(LinkMemberInputSchema.parse({ method: "phone", memberNumber: "100003", phoneLast4: "２４６８" })).toEqual({
      method: "phone",
      memberNumber: "100003",
      phoneLast4: "2468",
    });
  });

  it("refuses dates that do not exist, phone digits that are not four, and empty member numbers", () => {
    expect(LinkMemberInputSchema.safeParse({ method: "birthday", memberNumber: "100003", birthday: "1998-02-30" }).success).toBe(false);
    expect(LinkMemberInputSchema.safeParse({ method: "phone", memberNumber: "100003", phoneLast4: "123" }).success).toBe(false);
    expect(LinkMemberInputSchema.safeParse({ method: "phone", memberNumber: "100003", phoneLast4: "12a4" }).success).toBe(false);
    const empty = LinkMemberInputSchema.safeParse({ method: "birthday", memberNumber: "  ", birthday: "1998-07-21" });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toContain("会員番号を入力してください");
  });
});
