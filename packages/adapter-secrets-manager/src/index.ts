export { hasSecretArns, type ReadSecret, resolveSecretEnv } from "./secret-env.ts";
export { forgetLoadedSecrets, loadSecretEnv } from "./secrets-manager.ts";
