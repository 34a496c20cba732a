import { demoOwners, demoProducers } from "../../../local/src/demo-data.ts";

/** The demo people `pnpm start` loads, offered on the dev sign-in page (local only). */
export const demoUsers = {
  producers: demoProducers.map(({ id, name }) => ({ id, name })),
  owners: demoOwners.map(({ id, name }) => ({ id, name })),
};
