import type { Actor } from "@owners/app";
import type { Context } from "hono";
import type { ApiEnv } from "./env.ts";

/**
 * Who reads a public page without signing in. The browsing use cases take an actor; this one has
 * no id any token can carry and the least-privileged role, so it sees what everyone sees.
 */
export const VISITOR: Actor = { id: "", role: "owner", name: "visitor" };

/** The caller, or the visitor for public reads. */
export const readerOf = (c: Context<ApiEnv>): Actor => c.get("actor") ?? VISITOR;
