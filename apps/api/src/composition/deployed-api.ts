import { systemClock } from "@owners/adapter-local";
import { loadSecretEnv } from "@owners/adapter-secrets-manager";
import { readConfig } from "../config.ts";
import { type Api, type CompositionParts, createApiFrom } from "./container-core.ts";
import { wireDynamoStore } from "./dynamo-wiring.ts";
import { cognitoDirectoryFor } from "./identity-ports.ts";
import { lazyPersonalDataHolders } from "./lazy-holders.ts";
import { loadStripePorts } from "./payment-ports.ts";
import { useCaseLoaders } from "./use-case-loaders.ts";
import { factoriesOnDemand } from "./use-case-source.ts";

/**
 * The Lambda's parts: DynamoDB, or the memory store imported when configured (tests, never in
 * AWS), and each use-case group imported with the first route group that uses it. So a cold
 * start reads neither the memory adapters nor the use cases its first request does not need.
 */
const lambdaParts = async (store: "dynamodb" | "memory"): Promise<CompositionParts> => ({
  wireStore:
    store === "memory" ? (await import("./memory-wiring.ts")).wireMemoryStore : wireDynamoStore,
  useCases: factoriesOnDemand(useCaseLoaders),
  personalDataHolders: (ports) =>
    lazyPersonalDataHolders(ports, () =>
      import("./store-holders.ts").then((m) => m.storePersonalDataHolders),
    ),
});

/**
 * The API as the Lambda runs it, built once per cold start: secrets read from Secrets Manager
 * (the stack passes only their ARNs), Stripe bound when its keys are there, no /docs (its Swagger
 * UI script comes from a public CDN, on the site's origin), the user pool as the identity
 * directory. In a Lambda it refuses to start with a dev-only processor, notifier or identity
 * directory (see createApi).
 */
export const createDeployedApi = async (
  env: Readonly<Record<string, string | undefined>>,
): Promise<Api> => {
  const config = readConfig(await loadSecretEnv(env));
  const stripe = await loadStripePorts(config, systemClock);
  const identityDirectory = cognitoDirectoryFor(config);
  return createApiFrom(await lambdaParts(config.OWNERS_STORE), config, {
    docs: false,
    ports: {
      ...stripe,
      ...(identityDirectory === undefined ? {} : { identityDirectory }),
    },
  });
};
