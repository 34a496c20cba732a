import { makeDynamoBatchStores } from "@owners/adapter-dynamodb";
import {
  type AnalyticsExportPorts,
  type BatchStores,
  type MemoryPortsOptions,
  makeMemoryBatchStores,
  makeMemoryPorts,
  PORT_TOKENS,
  type Ports,
  USE_CASE_TOKENS,
} from "@owners/app";
import { createLogger, type Logger } from "@owners/logging";
import { Container } from "inversify";
import type { ApiApp } from "../app.ts";
import type { ApiConfig } from "../config.ts";
import { createApp } from "../create-app.ts";
import { makeTokenVerifier, type TokenVerification } from "../http/auth.ts";
import {
  type DynamoPortsOptions,
  dynamoPortsOptionsFromConfig,
  makeDynamoPorts,
} from "./dynamo-ports.ts";
import {
  type BatchStoresWithAnalytics,
  defaultUseCaseSettings,
  type UseCaseSettings,
  type UseCases,
  useCaseFactories,
} from "./use-cases.ts";

/** What a caller may replace in the wiring: tests and `pnpm start` hand in their own pieces. */
export interface ContainerOverrides {
  /** Individual ports instead of the configured ones (a manual clock, a file notifier...). */
  readonly ports?: Partial<Ports>;
  /** Options for the in-memory adapters (memory store only). */
  readonly memory?: MemoryPortsOptions;
  /** Ready clients for the DynamoDB/S3 store (dynamodb store only). */
  readonly dynamo?: Partial<DynamoPortsOptions>;
  /** Where batch runs keep checkpoints and leases (the store's own by default). */
  readonly batchStores?: BatchStores;
  /**
   * export-analytics' source and bucket, for POST /admin/batches and the local scheduler (`pnpm
   * start` hands them in). Without them that batch answers STORE.UNAVAILABLE: in AWS it runs from
   * its own schedule in the batch Lambda, which alone may scan the table.
   */
  readonly analytics?: AnalyticsExportPorts;
  readonly settings?: Partial<UseCaseSettings>;
  readonly logger?: Logger;
}

/** Tokens of what the API binds besides ports and use cases. */
export const API_TOKENS = {
  config: Symbol.for("owners.api.Config"),
  settings: Symbol.for("owners.api.UseCaseSettings"),
  logger: Symbol.for("owners.api.Logger"),
  batchStores: Symbol.for("owners.api.BatchStores"),
  app: Symbol.for("owners.api.App"),
} as const;

const USE_CASE_GROUPS = Object.keys(useCaseFactories) as (keyof UseCases)[];
const PORT_NAMES = Object.keys(PORT_TOKENS) as (keyof Ports)[];

/** The configured ports and batch stores: in-memory, or DynamoDB + S3 (config.OWNERS_STORE). */
const buildStores = (
  config: ApiConfig,
  overrides: ContainerOverrides,
): { ports: Ports; batchStores: BatchStores } => {
  const given = overrides.ports ?? {};
  if (config.OWNERS_STORE === "memory") {
    const memory = makeMemoryPorts({
      cursorSecret: config.OWNERS_CURSOR_SECRET,
      ...(given.clock !== undefined ? { clock: given.clock } : {}),
      ...(given.ids !== undefined ? { ids: given.ids } : {}),
      ...overrides.memory,
    });
    return {
      ports: { ...memory, ...given },
      batchStores: overrides.batchStores ?? makeMemoryBatchStores(),
    };
  }
  const { platform, ...dynamo } = overrides.dynamo ?? {};
  const options: DynamoPortsOptions = {
    ...dynamoPortsOptionsFromConfig(config),
    ...dynamo,
    platform: { ...platform, ...given },
    ...(given.cursors !== undefined ? { cursors: given.cursors } : {}),
  };
  return {
    ports: makeDynamoPorts(options),
    batchStores: overrides.batchStores ?? makeDynamoBatchStores(options),
  };
};

export const tokenVerificationFromConfig = (config: ApiConfig): TokenVerification =>
  config.OWNERS_JWKS_URL !== undefined
    ? {
        kind: "jwks",
        issuer: config.OWNERS_JWT_ISSUER,
        jwks: config.OWNERS_JWKS_URL,
        ...(config.OWNERS_JWT_AUDIENCE !== undefined
          ? { audience: config.OWNERS_JWT_AUDIENCE }
          : {}),
      }
    : { kind: "hs256", secret: config.OWNERS_JWT_SECRET ?? "", issuer: config.OWNERS_JWT_ISSUER };

/**
 * The API's composition root: every port bound to its token (PORT_TOKENS), every use-case group
 * to USE_CASE_TOKENS, and the Hono app to API_TOKENS.app. Only constant and dynamic-value
 * bindings in singleton scope: no decorator metadata is needed (esbuild emits none), and each
 * piece is built once per container, which entry points build once per process.
 */
export const buildContainer = (
  config: ApiConfig,
  overrides: ContainerOverrides = {},
): Container => {
  const container = new Container({ defaultScope: "Singleton" });
  const { ports, batchStores } = buildStores(config, overrides);
  const defaults = defaultUseCaseSettings(config.OWNERS_PLATFORM_FEE_BPS);
  const settings: UseCaseSettings = { ...defaults, ...overrides.settings };
  const logger =
    overrides.logger ?? createLogger({ service: "owners-api", level: config.OWNERS_LOG_LEVEL });

  container.bind(API_TOKENS.config).toConstantValue(config);
  container.bind(API_TOKENS.settings).toConstantValue(settings);
  container.bind(API_TOKENS.logger).toConstantValue(logger);
  const stores: BatchStoresWithAnalytics =
    overrides.analytics === undefined
      ? batchStores
      : { ...batchStores, analytics: overrides.analytics };
  container.bind(API_TOKENS.batchStores).toConstantValue(stores);
  for (const name of PORT_NAMES) container.bind(PORT_TOKENS[name]).toConstantValue(ports[name]);

  // Each group is built from the bound ports, so a rebinding of a port reaches the use cases.
  const boundPorts = (get: <T>(token: symbol) => T): Ports =>
    Object.fromEntries(
      PORT_NAMES.map((name) => [name, get(PORT_TOKENS[name])]),
    ) as unknown as Ports;
  for (const group of USE_CASE_GROUPS) {
    container.bind(USE_CASE_TOKENS[group]).toDynamicValue((ctx) =>
      useCaseFactories[group](
        boundPorts((token) => ctx.get(token)),
        ctx.get<UseCaseSettings>(API_TOKENS.settings),
        ctx.get<BatchStoresWithAnalytics>(API_TOKENS.batchStores),
      ),
    );
  }
  container.bind(API_TOKENS.app).toDynamicValue((ctx) => {
    const cfg = ctx.get<ApiConfig>(API_TOKENS.config);
    return createApp({
      store: cfg.OWNERS_STORE,
      verifyToken: makeTokenVerifier(tokenVerificationFromConfig(cfg)),
      logger: ctx.get<Logger>(API_TOKENS.logger),
      maxBodyBytes: cfg.OWNERS_MAX_BODY_BYTES,
      devLogin: {
        enabled: cfg.OWNERS_DEV_LOGIN === "on" && cfg.OWNERS_JWT_SECRET !== undefined,
        secret: cfg.OWNERS_JWT_SECRET ?? "",
        issuer: cfg.OWNERS_JWT_ISSUER,
      },
      useCases: Object.fromEntries(
        USE_CASE_GROUPS.map((group) => [group, ctx.get(USE_CASE_TOKENS[group])]),
      ) as unknown as UseCases,
    });
  });
  return container;
};

/** Every use-case group bound in the container. */
export const useCasesOf = (container: Container): UseCases =>
  Object.fromEntries(
    USE_CASE_GROUPS.map((group) => [group, container.get(USE_CASE_TOKENS[group])]),
  ) as unknown as UseCases;

/** Every port bound in the container (tests inspect the memory adapters through it). */
export const portsOf = (container: Container): Ports =>
  Object.fromEntries(
    PORT_NAMES.map((name) => [name, container.get(PORT_TOKENS[name])]),
  ) as unknown as Ports;

export interface Api {
  readonly app: ApiApp;
  readonly container: Container;
  readonly ports: Ports;
  readonly useCases: UseCases;
}

/** The container and what an entry point or a test needs from it. */
export const createApi = (config: ApiConfig, overrides: ContainerOverrides = {}): Api => {
  const container = buildContainer(config, overrides);
  return {
    app: container.get<ApiApp>(API_TOKENS.app),
    container,
    ports: portsOf(container),
    useCases: useCasesOf(container),
  };
};

/** The Hono app for a configuration: what lambda.ts and server.ts build once per process. */
export const createApiFromConfig = (
  config: ApiConfig,
  overrides: ContainerOverrides = {},
): ApiApp => createApi(config, overrides).app;
