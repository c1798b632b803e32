import { beforeAll, describe, expect, it } from "vitest";
import { callAs, callAsAdmin, createLineUser, expectJson, registerAdmin, testEnv } from "./helpers.ts";

const as = callAs;
const admin = callAsAdmin;

const DAY = 86_400_000;
const group = (...conditions: object[]) => ({ kind: "group", match: "all", conditions });

interface Preview {
  count: number;
  members: { userId: string; displayName: string | null }[];
}

describe("segments", () => {
  const ids: string[] = [];

  beforeAll(async () => {
    await registerAdmin();
    await testEnv.DB.prepare(
      "INSERT INTO tags (id, name, created_at) VALUES ('seg-vip', 'セグメントVIP', 0), ('seg-new', 'セグメント新規', 0)",
    ).run();
    const now = Date.now();
    const friends: [string, number | null, string[]][] = [
      ["常連さん", now - 1 * DAY, ["seg-vip"]],
      ["新規さん", now - 2 * DAY, ["seg-new"]],
      ["休眠さん", now - 200 * DAY, ["seg-vip"]],
      ["無名", null, []],
    ];
    for (const [name, activeAt, tags] of friends) {
      const userId = `U${"5e9".padEnd(28, "0")}${ids.length.toString(16).padStart(4, "0")}`;
      ids.push(userId);
      await testEnv.DB.prepare(
        "INSERT INTO friends (line_user_id, display_name, status, last_active_at, created_at, updated_at) VALUES (?, ?, 'following', ?, 0, 0)",
      )
        .bind(userId, name, activeAt)
        .run();
      for (const tag of tags)
        await testEnv.DB.prepare("INSERT INTO friend_tags (line_user_id, tag_id, source, created_at) VALUES (?, ?, 'staff', 0)")
          .bind(userId, tag)
          .run();
    }
  });

  it("counts and previews an unsaved filter live, most recently active first", async () => {
    const preview = await expectJson<Preview>(
      await admin("/api/admin/segments/preview", {
        body: {
          filter: group(
            { kind: "tags", match: "any", tagIds: ["seg-vip", "seg-new"] },
            { kind: "lastActive", range: { op: "withinDays", days: 30 } },
          ),
        },
      }),
      200,
    );
    expect(preview.count).toBe(2);
    expect(preview.members.map((m) => m.displayName)).toEqual(["常連さん", "新規さん"]);
  });

  it("saves, edits and lists a segment, and refuses to delete it while a broadcast uses it", async () => {
    const created = await expectJson<{ id: string; name: string }>(
      await admin("/api/admin/segments", { body: { name: "休眠VIP", filter: group({ kind: "tags", match: "all", tagIds: ["seg-vip"] }) } }),
      201,
    );
    const edited = await expectJson<{ filter: { conditions: unknown[] } }>(
      await admin(`/api/admin/segments/${created.id}`, {
        method: "PUT",
        body: {
          name: "休眠VIP",
          filter: group(
            { kind: "tags", match: "all", tagIds: ["seg-vip"] },
            { kind: "lastActive", range: { op: "moreThanDaysAgo", days: 90 } },
          ),
        },
      }),
      200,
    );
    expect(edited.filter.conditions).toHaveLength(2);
    const { segments } = await expectJson<{ segments: { id: string }[] }>(await admin("/api/admin/segments"), 200);
    expect(segments.map((s) => s.id)).toContain(created.id);

    await testEnv.DB.prepare(
      "INSERT INTO broadcasts (id, name, segment_id, messages, status, scheduled_at, aggregation_unit, created_at, updated_at) VALUES ('bc-seg', 'x', ?, '[]', 'completed', 0, 'bc_x', 0, 0)",
    )
      .bind(created.id)
      .run();
    const refused = await expectJson<{ error: { code: string } }>(
      await admin(`/api/admin/segments/${created.id}`, { method: "DELETE" }),
      409,
    );
    expect(refused.error.code).toBe("conflict");
  });

  it("says which tag does not exist, and refuses filters D1 could not bind", async () => {
    const unknown = await expectJson<{ error: { code: string; message: string } }>(
      await admin("/api/admin/segments", { body: { name: "x", filter: group({ kind: "tags", match: "any", tagIds: ["no-such-tag"] }) } }),
      400,
    );
    expect(unknown.error).toMatchObject({ code: "validation_failed", message: expect.stringContaining("no-such-tag") });
    const many = (k: number) => ({ kind: "store", storeIds: Array.from({ length: 30 }, (_, i) => `s${k}-${i}`) });
    const tooBig = await expectJson<{ error: { code: string } }>(
      await admin("/api/admin/segments/preview", { body: { filter: group(many(1), many(2), many(3), many(4)) } }),
      400,
    );
    expect(tooBig.error.code).toBe("validation_failed");
    const badShape = await expectJson<{ error: { code: string } }>(
      await admin("/api/admin/segments/preview", { body: { filter: group({ kind: "tags", match: "some", tagIds: [] }) } }),
      400,
    );
    expect(badShape.error.code).toBe("validation_failed");
  });

  it("offers the editor's pickers everything a condition can name, tracked links included", async () => {
    await expectJson(
      await admin("/api/admin/links", { body: { name: "秋の新作", destination: "https://shop.example/autumn", code: "autumn26" } }),
      201,
    );
    const options = await expectJson<{ tags: { id: string }[]; links: { id: string; name: string; code: string }[] }>(
      await admin("/api/admin/segments/options"),
      200,
    );
    expect(options.tags.map((t) => t.id)).toEqual(expect.arrayContaining(["seg-vip", "seg-new"]));
    expect(options.links).toContainEqual({ id: expect.any(String), name: "秋の新作", code: "autumn26" });
  });

  it("is for admins only", async () => {
    const customer = await createLineUser("お客様");
    const refused = await expectJson<{ error: { code: string } }>(await as(customer, "/api/admin/segments"), 403);
    expect(refused.error.code).toBe("forbidden");
  });
});
