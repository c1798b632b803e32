import { describe, expect, it } from "vitest";
import { readMemberCsv } from "./member-csv.ts";

const options = { storeIds: new Set(["s1"]), today: "2026-01-15" };

function read(text: string) {
  const result = readMemberCsv(text, options);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe("readMemberCsv", () => {
  it("normalises what people type: full-width digits, 1998/7/21 dates, an export's ' before formula-like text", () => {
    const result = read("member_number,name,birthday,phone_last4,store_id\n１２３,'-田中,1998/7/21,０１２３,s1\n");
    expect(result.problems).toEqual([]);
    expect(result.columns).toEqual(["member_number", "name", "birthday", "phone_last4", "store_id"]);
    expect(result.rows).toEqual([
      { line: 2, memberNumber: "123", name: "-田中", nameKana: null, birthday: "1998-07-21", phoneLast4: "0123", storeId: "s1" },
    ]);
  });

  it("refuses dates that do not exist or are in the future, and unknown stores, naming the column", () => {
    const result = read("member_number,name,birthday,store_id\n1,a,2023-02-29,\n2,b,2026-01-16,\n3,c,,s2\n");
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [2, "birthday"],
      [3, "birthday"],
      [4, "store_id"],
    ]);
    expect(result.rows).toEqual([]);
  });

  it("needs member_number and name in the header and refuses unknown or repeated columns", () => {
    expect(readMemberCsv("number,name\n1,a\n", options)).toMatchObject({ ok: false, line: 1 });
    expect(readMemberCsv("member_number,name,mail\n1,a,x\n", options)).toMatchObject({ ok: false });
    expect(readMemberCsv("member_number,name,name\n1,a,b\n", options)).toMatchObject({ ok: false });
    expect(readMemberCsv("", options)).toMatchObject({ ok: false });
  });

  it("ignores an export's read-only columns and skips its LINE-only cards", () => {
    const result = read("member_number,name,rank,points,origin\n1,a,ゴールド,100,import\n80000001,LINE会員,レギュラー,0,line\n");
    expect(result.rows.map((r) => r.memberNumber)).toEqual(["1"]);
    expect(result).toMatchObject({ skipped: 1, total: 2, columns: ["member_number", "name"] });
  });
});
