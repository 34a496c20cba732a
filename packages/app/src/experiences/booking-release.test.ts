import { describeBookingReleaseContract } from "../testing/contracts/booking-release.contract.ts";
import { makeHarvestWorld } from "../testing/harvest-world.ts";

describeBookingReleaseContract("memory", async () => ({
  world: makeHarvestWorld(),
  cleanup: async () => {},
}));
