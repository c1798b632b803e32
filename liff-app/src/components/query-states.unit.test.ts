import { createElement, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../lib/api.ts";
import { type QueryResultLike, QueryStates } from "./states.tsx";

// lib/api.ts makes its client at import from the page's origin, and the LIFF SDK reads the browser's user
// agent: Node has neither, and these states need neither.
vi.hoisted(() => {
  Object.assign(globalThis, { window: { location: { origin: "http://liff.test" } } });
});
vi.mock("../lib/liff.ts", () => ({ LiffSetupError: class LiffSetupError extends Error {}, getIdToken: () => undefined }));

interface Items {
  items: string[];
}

function query(state: Partial<QueryResultLike<Items>>): QueryResultLike<Items> {
  return { isPending: false, isError: false, error: null, data: undefined, refetch: () => undefined, ...state };
}

function render(q: QueryResultLike<Items>, extra: { loading?: ReactNode } = {}): string {
  // QueryStates uses no hooks: called as a function, its children stay a render function.
  const node = QueryStates<Items>({
    query: q,
    ...extra,
    empty: { when: (data) => data.items.length === 0, ja: "まだありません。", en: "Nothing yet." },
    children: (data) => createElement("ul", null, data.items.join(",")),
  });
  return renderToStaticMarkup(createElement(Fragment, null, node));
}

describe("QueryStates", () => {
  it("says it is loading (a polite status) while the query is pending, in the screen's words when given", () => {
    const html = render(query({ isPending: true }));
    expect(html).toContain('role="status"');
    expect(html).toContain("読み込み中…");
    expect(render(query({ isPending: true }), { loading: createElement("p", null, "集計中…") })).toBe("<p>集計中…</p>");
  });

  it("tells a failure in Japanese then English, with the server's message and a retry button when retrying can help", () => {
    const html = render(query({ isError: true, error: new ApiError(503, "upstream_unavailable", "LINE timed out", "req-1") }));
    expect(html).toContain('role="alert"');
    expect(html.indexOf("LINE と通信できませんでした")).toBeLessThan(html.indexOf("LINE could not be reached"));
    expect(html).toContain("LINE timed out");
    expect(html).toContain("req-1");
    expect(html).toContain("もう一度試す");
    expect(render(query({ isError: true, error: new ApiError(403, "forbidden", "no") }))).not.toContain("もう一度試す");
  });

  it("shows the empty state when the data has nothing, otherwise the data", () => {
    expect(render(query({ data: { items: [] } }))).toContain("まだありません。");
    expect(render(query({ data: { items: ["a", "b"] } }))).toBe("<ul>a,b</ul>");
  });

  it("keeps the data it has beneath the failure of a refetch", () => {
    const html = render(query({ isError: true, error: new ApiError(500, "internal", "boom"), data: { items: ["a"] } }));
    expect(html).toContain('role="alert"');
    expect(html).toContain("<ul>a</ul>");
  });
});
