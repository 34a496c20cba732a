import type { Ports } from "@owners/app";
import type { BatchStoresWithAnalytics, UseCaseSettings, UseCases } from "../use-cases.ts";

/** Builds one use-case group from the ports (what the container's binding of the group calls once). */
export type UseCaseFactory<K extends keyof UseCases> = (
  ports: Ports,
  settings: UseCaseSettings,
  stores: BatchStoresWithAnalytics,
) => UseCases[K];
