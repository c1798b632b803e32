import type { Database } from "@enishi/db";
import { createDb } from "@enishi/db";
import type { Kysely } from "kysely";
import { Afterwards } from "./afterwards.ts";
import type { Config } from "./config.ts";
import { readConfig } from "./config.ts";
import type { LineClients } from "./line/client.ts";
import { lineClients } from "./line/client.ts";

/** What services need, built once per request or queue batch from the Worker's bindings. */
export interface Deps {
  env: Env;
  config: Config;
  db: Kysely<Database>;
  line: LineClients;
  /** work to do once the reply or response is out (see afterwards.ts) */
  afterwards: Afterwards;
}

export function makeDeps(env: Env): Deps {
  const config = readConfig(env);
  return { env, config, db: createDb(env.DB), line: lineClients(config), afterwards: new Afterwards() };
}
