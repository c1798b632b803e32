import { Kysely } from "kysely";
import { D1Dialect } from "kysely-d1";
import type { Database } from "./database.ts";

/** Structural type of the D1 binding, so this package does not depend on the Worker's generated types. */
export type D1Like = ConstructorParameters<typeof D1Dialect>[0]["database"];

export function createDb(database: D1Like): Kysely<Database> {
  return new Kysely<Database>({ dialect: new D1Dialect({ database }) });
}
