import { deriveLinkKey, verifyLinkUser } from "@enishi/shared/links/index";
import { beforeAll, describe, expect, it } from "vitest";
import {
  callAsAdmin,
  callWorker,
  chatOf,
  createLineUser,
  expectJson,
  newUserId,
  registerAdmin,
  runCron,
  testEnv,
  waitFor,
} from "./helpers.ts";

/**
 * `{link:CODE}` in broadcasts and scenario steps (decision 020): each friend receives their own signed
 * URL, so following it attributes the click (and the link's tag) to them and "clicked link" segments work.
 */

const admin = callAsAdmin;

interface Message {
  type: string;
  text?: string;
  altText?: string;
  contents?: { footer?: { contents?: { action?: { uri?: string } }[] } };
}

async function botMessages(userId: string): Promise<Message[]> {
  return (await chatOf(userId)).filter((i) => i.from === "bot").map((i) => i.message as Message);
}

/** Following friends in D1 and the sandbox, all with a tag unique to the test (the audience). */
async function audience(names: string[]): Promise<{ tagId: string; userIds: string[] }> {
  const tagId = `tag-${newUserId().slice(1, 12)}`;
  await testEnv.DB.prepare("INSERT INTO tags (id, name, created_at) VALUES (?, ?, 0)").bind(tagId, `リンク配信${tagId}`).run();
  const userIds: string[] = [];
  for (const name of names) {
    const userId = await createLineUser(name);
    await testEnv.DB.prepare(
      "INSERT INTO friends (line_user_id, display_name, status, created_at, updated_at) VALUES (?, ?, 'following', 0, 0)",
    )
      .bind(userId, name)
      .run();
    await testEnv.DB.prepare("INSERT INTO friend_tags (line_user_id, tag_id, source, created_at) VALUES (?, ?, 'import', 0)")
      .bind(userId, tagId)
      .run();
    userIds.push(userId);
  }
  return { tagId, userIds };
}

const inAudience = (tagId: string) => ({ kind: "tags", match: "any", tagIds: [tagId] });

async function segmentMembers(conditions: object[]): Promise<string[]> {
  const { members } = await expectJson<{ members: { userId: string }[] }>(
    await admin("/api/admin/segments/preview", { body: { filter: { kind: "group", match: "all", conditions }, limit: 50 } }),
    200,
  );
  return members.map((m) => m.userId).sort();
}

async function broadcastStatus(id: string): Promise<string> {
  return (await expectJson<{ status: string }>(await admin(`/api/admin/broadcasts/${id}`), 200)).status;
}

const URL_IN_TEXT = /http:\/\/app\.test\/r\/[^\s]+/;

describe("tracked links in broadcasts and scenarios", () => {
  const key = deriveLinkKey("integration-card-code-secret");
  let linkId: string;

  beforeAll(async () => {
    await registerAdmin();
    await testEnv.DB.prepare("INSERT INTO tags (id, name, created_at) VALUES ('lp-autumn', '秋の新作クリック', 0)").run();
    linkId = (
      await expectJson<{ id: string }>(
        await admin("/api/admin/links", {
          body: { name: "秋の新作", destination: "https://shop.example/autumn", code: "autumn-26", tagId: "lp-autumn" },
        }),
        201,
      )
    ).id;
  });

  it("sends each friend their own signed URL; one friend's click is theirs, tags them and puts them in the clicked-link segment", async () => {
    const { tagId, userIds } = await audience(["秋子", "冬美"]);
    const [akiko = "", fuyumi = ""] = userIds;
    const segmentId = (
      await expectJson<{ id: string }>(
        await admin("/api/admin/segments", {
          body: { name: `links ${tagId}`, filter: { kind: "group", match: "all", conditions: [inAudience(tagId)] } },
        }),
        201,
      )
    ).id;
    const created = await expectJson<{ id: string; personalised: boolean }>(
      await admin("/api/admin/broadcasts", {
        body: {
          name: "秋の新作のお知らせ",
          audience: { type: "segment", segmentId },
          messages: [
            { type: "text", text: "{name}さん、秋の新作です 👉 {link:autumn-26}" },
            {
              type: "flex",
              altText: "秋の新作 {link:autumn-26}",
              contents: {
                type: "bubble",
                body: { type: "box", layout: "vertical", contents: [{ type: "text", text: "秋の新作" }] },
                footer: {
                  type: "box",
                  layout: "vertical",
                  contents: [{ type: "button", action: { type: "uri", label: "見る", uri: "{link:autumn-26}" } }],
                },
              },
            },
          ],
          schedule: { type: "now" },
        },
      }),
      201,
    );
    expect(created.personalised).toBe(true);
    await waitFor(async () => (await broadcastStatus(created.id)) === "completed", "broadcast completed", 15_000);

    const urls = new Map<string, string>();
    for (const userId of userIds) {
      const [text, flex] = await botMessages(userId);
      const url = text?.text?.match(URL_IN_TEXT)?.[0] ?? "";
      expect(text?.text).toBe(`${userId === akiko ? "秋子" : "冬美"}さん、秋の新作です 👉 ${url}`);
      // The same signed URL in the notification text and behind the Flex button.
      expect(flex?.altText).toBe(`秋の新作 ${url}`);
      expect(flex?.contents?.footer?.contents?.[0]?.action?.uri).toBe(url);
      const parsed = new URL(url);
      expect(parsed.pathname).toBe("/r/autumn-26");
      expect(await verifyLinkUser(await key, "autumn-26", parsed.searchParams.get("u"))).toBe(userId);
      urls.set(userId, url);
    }
    expect(urls.get(akiko)).not.toBe(urls.get(fuyumi));

    // Akiko follows her URL (LINE's in-app browser asks the Worker at APP_BASE_URL).
    const response = await callWorker((urls.get(akiko) ?? "").replace("http://app.test", ""), { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://shop.example/autumn");
    const { results: clicks } = await testEnv.DB.prepare("SELECT line_user_id FROM link_clicks WHERE link_id = ?").bind(linkId).all();
    expect(clicks).toContainEqual({ line_user_id: akiko });
    expect(clicks).not.toContainEqual({ line_user_id: fuyumi });
    const tagged = await testEnv.DB.prepare(
      "SELECT line_user_id, source FROM friend_tags WHERE tag_id = 'lp-autumn' AND line_user_id IN (?, ?)",
    )
      .bind(akiko, fuyumi)
      .all();
    expect(tagged.results).toEqual([{ line_user_id: akiko, source: "link" }]);
    expect(await segmentMembers([inAudience(tagId), { kind: "clickedLink", linkId }])).toEqual([akiko]);
  });

  it("refuses an unknown or malformed link code with a Japanese-first 400 and saves nothing", async () => {
    const before = (await expectJson<{ broadcasts: unknown[] }>(await admin("/api/admin/broadcasts"), 200)).broadcasts.length;
    for (const text of ["こちら {link:no-such-link}", "こちら {link:a/b}"]) {
      const error = await expectJson<{ error: { code: string; message: string; details: { path: string }[] } }>(
        await admin("/api/admin/broadcasts", {
          body: { name: "存在しないリンク", audience: { type: "everyone" }, messages: [{ type: "text", text }], schedule: { type: "now" } },
        }),
        400,
      );
      expect(error.error.code).toBe("validation_failed");
      expect(error.error.message).toMatch(/^トラッキングリンク「.+」が見つかりません.* \/ Unknown tracked link/);
      expect(error.error.details[0]?.path).toBe("messages.0");
    }
    expect((await expectJson<{ broadcasts: unknown[] }>(await admin("/api/admin/broadcasts"), 200)).broadcasts).toHaveLength(before);

    const scenario = {
      name: "存在しないリンクのシナリオ",
      trigger: { type: "purchase" },
      steps: [
        {
          id: "s1",
          delay: { type: "after", minutes: 0 },
          actions: [{ type: "message", messages: [{ type: "text", text: "{link:no-such-link}" }] }],
        },
      ],
    };
    const refused = await expectJson<{ error: { message: string; details: { path: string }[] } }>(
      await admin("/api/admin/scenarios", { body: scenario }),
      400,
    );
    expect(refused.error.message).toContain("トラッキングリンク「no-such-link」が見つかりません");
    expect(refused.error.details[0]?.path).toBe("steps.0.actions.0.messages.0");
    const { count } = (await testEnv.DB.prepare("SELECT COUNT(*) AS count FROM scenarios WHERE name = ?").bind(scenario.name).first<{
      count: number;
    }>()) ?? { count: -1 };
    expect(count).toBe(0);
  });

  it("sends a scenario step's {link:CODE} signed for the friend it runs for", async () => {
    const { id: scenarioId } = await expectJson<{ id: string }>(
      await admin("/api/admin/scenarios", {
        body: {
          name: "購入後の秋の新作",
          trigger: { type: "purchase" },
          steps: [
            {
              id: "autumn",
              delay: { type: "after", minutes: 0 },
              actions: [{ type: "message", messages: [{ type: "text", text: "{name}さん、次はこちら {link:autumn-26}" }] }],
            },
          ],
        },
      }),
      201,
    );
    await expectJson(await admin(`/api/admin/scenarios/${scenarioId}/status`, { body: { status: "active" } }), 200);
    const { userIds } = await audience(["購入者"]);
    const [buyer = ""] = userIds;
    await expectJson(await admin("/api/admin/events", { body: { type: "purchase", userId: buyer } }), 200);
    // The step is due at once; a cron tick runs it if the enrolment did not.
    await runCron(Date.now() + 60_000);
    const [message] = await waitFor(async () => {
      const messages = await botMessages(buyer);
      return messages.length > 0 ? messages : undefined;
    }, "scenario message");
    const url = message?.text?.match(URL_IN_TEXT)?.[0] ?? "";
    expect(message?.text).toBe(`購入者さん、次はこちら ${url}`);
    expect(await verifyLinkUser(await key, "autumn-26", new URL(url).searchParams.get("u"))).toBe(buyer);

    expect((await callWorker(url.replace("http://app.test", ""), { redirect: "manual" })).status).toBe(302);
    const click = await testEnv.DB.prepare("SELECT line_user_id FROM link_clicks WHERE link_id = ? AND line_user_id = ?")
      .bind(linkId, buyer)
      .first();
    expect(click).toEqual({ line_user_id: buyer });
  });
});
