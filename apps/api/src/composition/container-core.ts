import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { makeIdGenerator, systemClock } from "@owners/adapter-local";
import { isLocalIdentityDirectory } from "@owners/adapter-memory";
import {
  type AnalyticsExportPorts,
  type BatchStores,
  type Clock,
  devOnlyKind,
  type IdGenerator,
  notificationLinksFrom,
  PORT_TOKENS,
  type PortLookup,
  type Ports,
  readHolderPorts,
  readPorts,
  refuseDevOnlyPorts,
  USE_CASE_TOKENS,
  withAccountsOnFirstUse,
} from "@owners/app";
import type { Logger } from "@owners/logging";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { Container } from "inversify";
import type { ApiApp } from "../app.ts";
import type { ApiConfig } from "../config.ts";
import { createApp } from "../create-app.ts";
import { makeTokenVerifier, roleFromGroups, type TokenVerification } from "../http/auth.ts";
import { type DeferredLogger, deferredLogger } from "../http/deferred-logger.ts";
import type { BuildHolders } from "./lazy-holders.ts";
import type { UseCaseSource } from "./use-case-source.ts";
import {
  type BatchStoresWithAnalytics,
  defaultUseCaseSettings,
  readUseCases,
  USE_CASE_GROUPS,
  type UseCaseSettings,
  type UseCases,
} from "./use-cases.ts";

/** What a caller may replace in the wiring: tests and `pnpm start` hand in their own pieces. */
export interface ContainerOverrides {
  /** Ports bound instead of the configured ones (a manual clock, a file notifier...). */
  readonly ports?: Partial<Ports>;
  /**
   * export-analytics' source and bucket, for POST /admin/batches and the local scheduler (`pnpm
   * start` hands them in). Without them that batch answers STORE.UNAVAILABLE: in AWS it runs from
   * its own schedule in the batch Lambda, which alone may scan the table.
   */
  readonly analytics?: AnalyticsExportPorts;
  readonly logger?: Logger;
  /**
   * Serve the Swagger UI page at /docs (default). It loads its script from a public CDN, so the
   * Lambda entry turns it off: on the site's origin that script could read the signed-in token.
   */
  readonly docs?: boolean;
  /**
   * Extra middleware on the DynamoDB client (dynamodb store only): the hot-plan bench's per-item
   * write-unit limits. Never set by a deployed entry point.
   */
  readonly configureDynamo?: (doc: DynamoDBDocumentClient) => void;
}

/** Tokens of what the API binds besides ports and use cases. */
export const API_TOKENS = {
  config: Symbol.for("owners.api.Config"),
  settings: Symbol.for("owners.api.UseCaseSettings"),
  logger: Symbol.for("owners.api.Logger"),
  /** Everything the configured store's wiring builds (each port is bound from it). */
  storeWiring: Symbol.for("owners.api.StoreWiring"),
  batchStores: Symbol.for("owners.api.BatchStores"),
  app: Symbol.for("owners.api.App"),
} as const;

/**
 * What a store's wiring builds: every port but the clock and ids, and the batch stores. The
 * personal-data holders are built by the container over the ports as bound (replacements too).
 */
export type StoreWiring = Omit<Ports, "personalDataHolders"> & BatchStores;

/** The ports a store's wiring builds; the clock and ids are bound on their own (see below). */
const WIRED_PORTS = (Object.keys(PORT_TOKENS) as (keyof Ports)[]).filter(
  (name) => name !== "clock" && name !== "ids",
);

/** Builds the configured store's ports on the clock and ids bound in the container. */
export type WireStore = (
  config: ApiConfig,
  clock: Clock,
  ids: IdGenerator,
  configureDynamo?: (doc: DynamoDBDocumentClient) => void,
) => StoreWiring;

/**
 * What an entry point composes the API from: the store's wiring and the use-case factories. Node
 * (`pnpm start`, tests) has both at hand (container.ts); the Lambda imports the memory store and
 * each use-case group only when used (deployed-api.ts), so its cold start reads neither.
 */
export interface CompositionParts {
  readonly wireStore: WireStore;
  readonly useCases: UseCaseSource;
  /**
   * Every store's personal-data holder over the ports as bound (storePersonalDataHolders): at
   * hand in Node, imported on first use in the Lambda (lazyPersonalDataHolders).
   */
  readonly personalDataHolders: BuildHolders;
}

export const tokenVerificationFromConfig = (config: ApiConfig): TokenVerification =>
  config.OWNERS_JWKS_URL !== undefined
    ? {
        kind: "jwks",
        issuer: config.OWNERS_JWT_ISSUER,
        jwks: config.OWNERS_JWKS_URL,
        ...(config.OWNERS_JWT_AUDIENCE !== undefined
          ? { audience: config.OWNERS_JWT_AUDIENCE }
          : {}),
        ...(config.OWNERS_ADMIN_JWT_ISSUER !== undefined &&
        config.OWNERS_ADMIN_JWKS_URL !== undefined
          ? {
              admin: {
                issuer: config.OWNERS_ADMIN_JWT_ISSUER,
                jwks: config.OWNERS_ADMIN_JWKS_URL,
                ...(config.OWNERS_ADMIN_JWT_AUDIENCE !== undefined
                  ? { audience: config.OWNERS_ADMIN_JWT_AUDIENCE }
                  : {}),
              },
            }
          : {}),
      }
    : { kind: "hs256", secret: config.OWNERS_JWT_SECRET ?? "", issuer: config.OWNERS_JWT_ISSUER };

/**
 * The API's composition root: every port bound to its token (PORT_TOKENS), every use-case group
 * to USE_CASE_TOKENS, and the Hono app to API_TOKENS.app. Dynamic values in singleton scope, built
 * on first use: the store's ports come from one wiring per technology (adapter-memory's or
 * adapter-dynamodb's), and a caller's `ports` are bound instead of them before anything is built, so
 * a manual clock reaches the adapters and the use cases alike. No decorator metadata is needed
 * (esbuild emits none); entry points build the container once per process.
 */
export const buildContainerFrom = (
  parts: CompositionParts,
  config: ApiConfig,
  overrides: ContainerOverrides = {},
): Container => {
  const container = new Container({ defaultScope: "Singleton" });
  const get = <T>(token: symbol): T => container.get<T>(token);
  const port: PortLookup = (name) => get(PORT_TOKENS[name]);

  container.bind(API_TOKENS.config).toConstantValue(config);
  container.bind(API_TOKENS.settings).toConstantValue(
    defaultUseCaseSettings(
      config.OWNERS_PLATFORM_FEE_BPS,
      config.OWNERS_SITE_URL,
      notificationLinksFrom({
        siteUrl: config.OWNERS_SITE_URL,
        apiUrl: config.OWNERS_API_URL,
        secret: config.OWNERS_UNSUBSCRIBE_SECRET,
        mailbox: config.OWNERS_UNSUBSCRIBE_MAILBOX,
      }),
    ),
  );
  // pino is imported in the background unless a caller hands in its logger (see deferredLogger).
  container
    .bind(API_TOKENS.logger)
    .toDynamicValue(
      (): DeferredLogger =>
        overrides.logger === undefined
          ? deferredLogger(() =>
              import("@owners/logging").then(({ createLogger }) =>
                createLogger({ service: "owners-api", level: config.OWNERS_LOG_LEVEL }),
              ),
            )
          : { logger: overrides.logger, written: async () => undefined },
    );

  // Each port bound once (a caller's replacement, else the wiring's): a rebind makes inversify
  // invalidate what it planned, a cost every cold start paid.
  const replaced: Partial<Ports> = overrides.ports ?? {};
  const bindPort = <K extends keyof Ports>(name: K, wired: () => Ports[K]) => {
    const replacement = replaced[name];
    if (replacement !== undefined) container.bind(PORT_TOKENS[name]).toConstantValue(replacement);
    else container.bind(PORT_TOKENS[name]).toDynamicValue(wired);
  };
  bindPort("clock", () => systemClock);
  bindPort("ids", () => makeIdGenerator());
  container
    .bind(API_TOKENS.storeWiring)
    .toDynamicValue(() =>
      parts.wireStore(config, port("clock"), port("ids"), overrides.configureDynamo),
    );
  const wiring = () => get<StoreWiring>(API_TOKENS.storeWiring);
  for (const name of WIRED_PORTS)
    if (name !== "payoutAccountStore" && name !== "personalDataHolders")
      bindPort(name, () => wiring()[name]);
  // The local processor says yes: beside it (dev-only) producers get a ready payout account on
  // first use. Beside Stripe the plain store is bound and publishing waits for onboarding.
  bindPort("payoutAccountStore", () => {
    const stored = wiring().payoutAccountStore;
    const accounts = port("payoutAccounts");
    return config.OWNERS_STORE === "memory" || devOnlyKind(accounts) === undefined
      ? stored
      : withAccountsOnFirstUse(stored, accounts, port("clock"));
  });
  // The holders read and erase through the ports as bound here (a caller's replacements included).
  bindPort("personalDataHolders", () => parts.personalDataHolders(readHolderPorts(port)));
  container.bind(API_TOKENS.batchStores).toDynamicValue((): BatchStoresWithAnalytics => {
    const { checkpoints, leases, runs } = wiring();
    return overrides.analytics === undefined
      ? { checkpoints, leases, runs }
      : { checkpoints, leases, runs, analytics: overrides.analytics };
  });

  for (const group of USE_CASE_GROUPS)
    container
      .bind(USE_CASE_TOKENS[group])
      .toDynamicValue(() =>
        parts.useCases.factory(group)(
          readPorts(port),
          get<UseCaseSettings>(API_TOKENS.settings),
          get<BatchStoresWithAnalytics>(API_TOKENS.batchStores),
        ),
      );
  container.bind(API_TOKENS.app).toDynamicValue(() =>
    createApp({
      store: config.OWNERS_STORE,
      verifyToken: makeTokenVerifier(tokenVerificationFromConfig(config)),
      closedAccounts: {
        isClosed: (personId) => pipe(port("accountClosures").get(personId), TE.map(O.isSome)),
        // The privacy group is imported only here, when a write raced a closure.
        eraseAgain: (personId) =>
          pipe(
            TE.fromTask(() => parts.useCases.load(["privacy"])),
            TE.chain(() => useCasesOf(container).privacy.eraseAfterClosure(personId)),
          ),
      },
      logger: get<DeferredLogger>(API_TOKENS.logger).logger,
      maxBodyBytes: config.OWNERS_MAX_BODY_BYTES,
      ...(config.OWNERS_ORIGIN_SECRET !== undefined
        ? { originSecret: config.OWNERS_ORIGIN_SECRET }
        : {}),
      devLogin: {
        enabled: config.OWNERS_DEV_LOGIN === "on" && config.OWNERS_JWT_SECRET !== undefined,
        secret: config.OWNERS_JWT_SECRET ?? "",
        issuer: config.OWNERS_JWT_ISSUER,
        knownRole: (sub) => {
          const directory = port("identityDirectory");
          const groups = isLocalIdentityDirectory(directory) ? directory.groupsOf(sub) : undefined;
          return groups === undefined || groups.length === 0 ? undefined : roleFromGroups(groups);
        },
      },
      useCases: useCasesOf(container),
      loadUseCases: parts.useCases.load,
      docs: overrides.docs ?? true,
    }),
  );
  return container;
};

/** Every use-case group bound in the container, each key read from its token. */
export const useCasesOf = (container: Container): UseCases =>
  readUseCases((group) => container.get(USE_CASE_TOKENS[group]));

/** Every port bound in the container, each resolved when first read (tests inspect the memory adapters through it). */
export const portsOf = (container: Container): Ports => {
  const view = {} as Ports;
  for (const name of Object.keys(PORT_TOKENS) as (keyof Ports)[])
    Object.defineProperty(view, name, {
      enumerable: true,
      get: () => container.get(PORT_TOKENS[name]),
    });
  return view;
};

export interface Api {
  readonly app: ApiApp;
  readonly container: Container;
  readonly ports: Ports;
  readonly useCases: UseCases;
  /** Resolves once every request line logged so far is written (the Lambda awaits it). */
  readonly logsWritten: () => Promise<void>;
}

/**
 * The container and what an entry point or a test needs from it. In AWS (AWS_LAMBDA_FUNCTION_NAME
 * set) it refuses to start with an in-memory or local payment processor, payout accounts,
 * simulator or notifier bound: money and mail must not silently go nowhere.
 */
export const createApiFrom = (
  parts: CompositionParts,
  config: ApiConfig,
  overrides: ContainerOverrides = {},
): Api => {
  const container = buildContainerFrom(parts, config, overrides);
  if (config.AWS_LAMBDA_FUNCTION_NAME !== undefined) {
    const port: PortLookup = (name) => container.get(PORT_TOKENS[name]);
    refuseDevOnlyPorts("the API", {
      payments: port("payments"),
      payoutAccounts: port("payoutAccounts"),
      payoutAccountStore: port("payoutAccountStore"),
      paymentSimulator: port("paymentSimulator"),
      notifier: port("notifier"),
      identityDirectory: port("identityDirectory"),
    });
  }
  return {
    app: container.get<ApiApp>(API_TOKENS.app),
    container,
    ports: portsOf(container),
    useCases: useCasesOf(container),
    logsWritten: container.get<DeferredLogger>(API_TOKENS.logger).written,
  };
};
