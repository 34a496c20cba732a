// The holders' module as the Lambda imports it on first use (see lazyPersonalDataHolders).
export { storePersonalDataHolders } from "@owners/app";
