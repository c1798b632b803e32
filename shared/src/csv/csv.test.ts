import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse.ts";
import { CSV_BOM, toCsv } from "./write.ts";

function records(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result.problem)}`);
  return result.records;
}

describe("parseCsv", () => {
  it("reads plain records with CRLF, LF or CR line ends and skips a BOM", () => {
    expect(records(`${CSV_BOM}a,b\r\n1,2\n3,4\r5,6`)).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 3, fields: ["3", "4"] },
      { line: 4, fields: ["5", "6"] },
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, keeping each record's first line", () => {
    const text = 'id,name\r\n1,"山田, ""太郎"""\r\n2,"line one\r\nline two"\r\n3,end\r\n';
    expect(records(text)).toEqual([
      { line: 1, fields: ["id", "name"] },
      { line: 2, fields: ["1", '山田, "太郎"'] },
      { line: 3, fields: ["2", "line one\nline two"] },
      { line: 5, fields: ["3", "end"] },
    ]);
  });

  it("keeps empty fields, an empty quoted field and trailing commas; skips blank lines", () => {
    expect(records('a,,""\n\n,\n\r\n')).toEqual([
      { line: 1, fields: ["a", "", ""] },
      { line: 3, fields: ["", ""] },
    ]);
    expect(records('""\n')).toEqual([{ line: 1, fields: [""] }]);
    expect(records("")).toEqual([]);
  });

  it("reads what toCsv writes", () => {
    const rows = [
      ["番号", "名前"],
      ["1", 'a "quoted", name'],
      ["2", "two\nlines"],
    ];
    expect(records(toCsv(rows)).map((r) => r.fields)).toEqual(rows);
  });

  it("reports broken quoting with the line it is on instead of guessing", () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({ ok: false, problem: { kind: "unclosed_quote", line: 2 } });
    expect(parseCsv('a,b\n1,"closed"x\n')).toEqual({ ok: false, problem: { kind: "stray_quote", line: 2 } });
    expect(parseCsv('a,b\n1,2\n3,in"side\n')).toEqual({ ok: false, problem: { kind: "stray_quote", line: 3 } });
  });
});
