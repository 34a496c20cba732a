import {
  handlePostConfirmation,
  makeCognitoClient,
  makeCognitoDirectory,
} from "@owners/adapter-cognito";

/**
 * The Cognito post-confirmation trigger's Lambda entry (bundled on its own by apps/infra's
 * bundles.ts as `post-confirmation.mjs`): every person who confirms sign-up joins `owners`. The
 * client is built once per cold start; its region comes from the Lambda's environment.
 */
const client = makeCognitoClient({});

export const handler = handlePostConfirmation((userPoolId) =>
  makeCognitoDirectory({ client, userPoolId }),
);
