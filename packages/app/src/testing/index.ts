export * from "./contracts/blob-store.contract.ts";
export * from "./photo-upload.suite.ts";
export * from "./sample-images.ts";
