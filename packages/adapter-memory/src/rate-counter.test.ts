import { describeRateCounterContract } from "@owners/app/testing";
import { makeMemoryRateCounter } from "./rate-counter.ts";

describeRateCounterContract("memory", async () => ({
  subject: makeMemoryRateCounter(),
  cleanup: async () => {},
}));
