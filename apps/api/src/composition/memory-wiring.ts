import { makeMemoryPorts } from "@owners/adapter-memory";
import type { WireStore } from "./container-core.ts";

/** Every port in memory (`pnpm start --memory`, tests): the AWS compositions refuse it. */
export const wireMemoryStore: WireStore = (config, clock, ids) =>
  makeMemoryPorts({ cursorSecret: config.OWNERS_CURSOR_SECRET, clock, ids });
