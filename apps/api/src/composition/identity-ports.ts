import type { IdentityDirectory } from "@owners/app";
import type { ApiConfig } from "../config.ts";
import { lazyPort } from "./lazy-port.ts";

/**
 * The people's user pool as the IdentityDirectory when the config names it (the stack does), else
 * undefined (the local twin stays, which a Lambda refuses). The Cognito client is imported on the
 * first call (an admin's approval), so no cold start reads it.
 */
export const cognitoDirectoryFor = (config: ApiConfig): IdentityDirectory | undefined => {
  const userPoolId = config.OWNERS_USER_POOL_ID;
  if (userPoolId === undefined) return undefined;
  return lazyPort<IdentityDirectory>(
    { addToGroup: true, removeFromGroup: true, deleteUser: true },
    async () => {
      const { makeCognitoClient, makeCognitoDirectory } = await import("@owners/adapter-cognito");
      return makeCognitoDirectory({
        client: makeCognitoClient({ region: config.AWS_REGION }),
        userPoolId,
      });
    },
    "the user pool",
    "IDENTITY.UNAVAILABLE",
  );
};
