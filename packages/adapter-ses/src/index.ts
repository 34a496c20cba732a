export * from "./cognito-recipient-directory.ts";
export * from "./email-tags.ts";
export * from "./fixed-recipients.ts";
export * from "./recipient-directory.ts";
export * from "./ses-errors.ts";
export * from "./ses-notifier.ts";
