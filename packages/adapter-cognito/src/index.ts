export * from "./cognito-directory.ts";
export * from "./post-confirmation.ts";
