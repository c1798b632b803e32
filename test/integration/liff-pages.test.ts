/**
 * The LIFF app is two builds of one source tree (decision 021): the customer mini-app at `/` and the
 * staff/admin console in dist/console/. The Worker serves the console page for /staff and /admin.
 */
import { describe, expect, it } from "vitest";
import { callWorker } from "./helpers.ts";

async function page(path: string): Promise<{ status: number; type: string | null; html: string }> {
  const res = await callWorker(path, { headers: { accept: "text/html" } });
  return { status: res.status, type: res.headers.get("content-type"), html: await res.text() };
}

describe("LIFF app pages", () => {
  it.each(["/staff", "/staff/scan", "/staff/inbox/U0000000000000000000000000000abc", "/admin", "/admin/coupons/new"])(
    "serves the console build for %s",
    async (path) => {
      const { status, type, html } = await page(path);
      expect(status).toBe(200);
      expect(type).toMatch(/^text\/html/);
      // The console build's scripts live under /console/assets/; the customer build's under /assets/.
      expect(html).toMatch(/<script type="module"[^>]* src="\/console\/assets\/index-[^"]+\.js"/);
      expect(html).toContain('<div id="root">');
    },
  );

  it("does not take over API paths that merely start with staff or admin", async () => {
    const res = await callWorker("/staffroom");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
