import { storePersonalDataHolders } from "@owners/app";
import type { ApiApp } from "../app.ts";
import type { ApiConfig } from "../config.ts";
import {
  type Api,
  buildContainerFrom,
  type CompositionParts,
  type ContainerOverrides,
  createApiFrom,
} from "./container-core.ts";
import { wireDynamoStore } from "./dynamo-wiring.ts";
import { wireMemoryStore } from "./memory-wiring.ts";
import { useCaseFactories } from "./use-case-factories.ts";
import { factoriesAtHand } from "./use-case-source.ts";

export * from "./container-core.ts";

/** Node's parts (`pnpm start`, tests, scripts): both stores and every use-case group at hand. */
export const NODE_PARTS: CompositionParts = {
  wireStore: (config, clock, ids, configureDynamo) =>
    config.OWNERS_STORE === "memory"
      ? wireMemoryStore(config, clock, ids)
      : wireDynamoStore(config, clock, ids, configureDynamo),
  useCases: factoriesAtHand(useCaseFactories),
  personalDataHolders: storePersonalDataHolders,
};

/** The API's container in Node (see buildContainerFrom). */
export const buildContainer = (config: ApiConfig, overrides: ContainerOverrides = {}) =>
  buildContainerFrom(NODE_PARTS, config, overrides);

/** The API in Node (see createApiFrom). */
export const createApi = (config: ApiConfig, overrides: ContainerOverrides = {}): Api =>
  createApiFrom(NODE_PARTS, config, overrides);

/** The Hono app for a configuration: what server.ts builds once per process. */
export const createApiFromConfig = (
  config: ApiConfig,
  overrides: ContainerOverrides = {},
): ApiApp => createApi(config, overrides).app;
