import {
  AdminAddUserToGroupCommand,
  AdminDeleteUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  type CognitoIdentityProviderClientConfig,
} from "@aws-sdk/client-cognito-identity-provider";
import { type AppError, appError, type IdentityDirectory } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";

export interface CognitoDirectoryConfig {
  readonly client: CognitoIdentityProviderClient;
  readonly userPoolId: string;
}

const nameOf = (error: unknown) => (error instanceof Error ? error.name : "");

/** The person is gone from the pool: for removals and deletion that is the goal reached. */
const USER_GONE = "UserNotFoundException";

/**
 * The IdentityDirectory on a Cognito user pool (AdminAddUserToGroup, AdminRemoveUserFromGroup,
 * AdminDeleteUser). The user id is the token's `sub`: in a pool signing in by email the username
 * is the sub, and the Admin* calls accept a local user's sub as Username. Adding is idempotent at
 * Cognito; removing from a group or deleting a user that is not there answers success (the state
 * asked for holds). Anything else is IDENTITY.UNAVAILABLE, with Cognito's error name.
 */
export const makeCognitoDirectory = ({
  client,
  userPoolId,
}: CognitoDirectoryConfig): IdentityDirectory => {
  const call = (
    send: () => Promise<unknown>,
    userId: string,
    goneIsDone: boolean,
  ): TE.TaskEither<AppError, void> =>
    TE.tryCatch(
      async () => {
        try {
          await send();
        } catch (error) {
          if (goneIsDone && nameOf(error) === USER_GONE) return;
          throw error;
        }
      },
      (error): AppError =>
        nameOf(error) === USER_GONE
          ? appError("IDENTITY.USER_NOT_FOUND", "no such user in the user pool", { userId })
          : appError("IDENTITY.UNAVAILABLE", "the user pool could not be updated", {
              cause: nameOf(error) || String(error),
            }),
    );
  return {
    addToGroup: (userId, group) =>
      call(
        () =>
          client.send(
            new AdminAddUserToGroupCommand({
              UserPoolId: userPoolId,
              Username: userId,
              GroupName: group,
            }),
          ),
        userId,
        false,
      ),
    removeFromGroup: (userId, group) =>
      call(
        () =>
          client.send(
            new AdminRemoveUserFromGroupCommand({
              UserPoolId: userPoolId,
              Username: userId,
              GroupName: group,
            }),
          ),
        userId,
        true,
      ),
    deleteUser: (userId) =>
      call(
        () => client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: userId })),
        userId,
        true,
      ),
  };
};

/** The SDK client for a region (and an endpoint: tests point it at a local fake). */
export const makeCognitoClient = (
  config: Pick<CognitoIdentityProviderClientConfig, "region" | "endpoint" | "credentials">,
): CognitoIdentityProviderClient =>
  new CognitoIdentityProviderClient({ ...config, maxAttempts: 3 });
