/** Reads one secret's value by its ARN (Secrets Manager's GetSecretValue). */
export type ReadSecret = (arn: string) => Promise<string>;

/**
 * `OWNERS_CURSOR_SECRET_ARN` names where `OWNERS_CURSOR_SECRET` comes from, and
 * `OWNERS_STRIPE_SECRET_KEY_ARN` where `OWNERS_STRIPE_SECRET_KEY` does.
 */
const ARN_SUFFIX = "_ARN";
const isSecretArnVariable = (name: string): boolean => /_SECRET(_KEY)?_ARN$/.test(name);

/**
 * The environment with every `<NAME>_SECRET_ARN` resolved into `<NAME>_SECRET`, read in parallel.
 * The stack passes only ARNs, so a secret's value is in no function's configuration; the app's
 * config parser then reads the values as it always did. A failed read throws: a function must
 * not start without its secrets.
 */
export const resolveSecretEnv = async (
  env: Readonly<Record<string, string | undefined>>,
  readSecret: ReadSecret,
): Promise<Record<string, string | undefined>> => {
  const arns = Object.entries(env).filter(
    (entry): entry is [string, string] => isSecretArnVariable(entry[0]) && entry[1] !== undefined,
  );
  const values = await Promise.all(
    arns.map(async ([name, arn]) => [name.slice(0, -ARN_SUFFIX.length), await readSecret(arn)]),
  );
  return { ...env, ...Object.fromEntries(values) };
};

/** Whether any secret is to be read (else the SDK client need not even be loaded). */
export const hasSecretArns = (env: Readonly<Record<string, string | undefined>>): boolean =>
  Object.keys(env).some(isSecretArnVariable);
