import type { Database } from "@enishi/db";
import type { Role } from "@enishi/shared";
import type { Kysely } from "kysely";
import type { Config } from "./config.ts";
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
    config: Config;
    db: Kysely<Database>;
    line: LineClients;
    user?: AuthUser;
  };
}
