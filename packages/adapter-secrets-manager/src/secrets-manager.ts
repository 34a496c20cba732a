import { hasSecretArns, resolveSecretEnv } from "./secret-env.ts";

/** A reader over the official client; the client is imported only when there is a secret to read. */
const secretsManagerReader = async () => {
  const { GetSecretValueCommand, SecretsManagerClient } = await import(
    "@aws-sdk/client-secrets-manager"
  );
  const client = new SecretsManagerClient({});
  return async (arn: string): Promise<string> => {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (SecretString === undefined) throw new Error(`secret ${arn} has no string value`);
    return SecretString;
  };
};

let loaded: Promise<Record<string, string | undefined>> | undefined;

/**
 * The environment with its secrets read from Secrets Manager, once per process (a cold start);
 * later calls get the same answer. Without `*_SECRET_ARN` variables (local runs) it is `env`.
 */
export const loadSecretEnv = (
  env: Readonly<Record<string, string | undefined>>,
): Promise<Record<string, string | undefined>> => {
  loaded ??= hasSecretArns(env)
    ? secretsManagerReader().then((read) => resolveSecretEnv(env, read))
    : Promise.resolve({ ...env });
  return loaded;
};

/** Tests only: forget what was loaded. */
export const forgetLoadedSecrets = (): void => {
  loaded = undefined;
};
