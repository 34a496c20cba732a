import { systemClock } from "@owners/adapter-local";
import { loadSecretEnv } from "@owners/adapter-secrets-manager";
import { readConfig } from "../config.ts";
import { type Api, createApi } from "./container.ts";
import { cognitoDirectoryFor } from "./identity-ports.ts";
import { loadStripePorts } from "./payment-ports.ts";

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
  return createApi(config, {
    docs: false,
    ports: {
      ...stripe,
      ...(identityDirectory === undefined ? {} : { identityDirectory }),
    },
  });
};
