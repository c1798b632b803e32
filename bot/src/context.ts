import type { Database } from "@enishi/db";
import type { Role } from "@enishi/shared";
import type { Kysely } from "kysely";
import type { Config } from "./config.ts";
import type { Deps } from "./deps.ts";
import type { LineClients } from "./line/client.ts";

export interface AuthUser {
  userId: string;
  name: string | null;
  picture: string | null;
  roles: Role[];
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    /** Everything services need, built once per request by the app's first middleware. */
    deps: Deps;
    config: Config;
    db: Kysely<Database>;
    line: LineClients;
    user?: AuthUser;
  };
}
