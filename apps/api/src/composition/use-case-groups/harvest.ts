import {
  completeHarvest,
  getAllocations,
  listHarvestLots,
  listMyCredits,
  type Ports,
  recordHarvestLot,
} from "@owners/app";
import type { UseCaseFactory } from "./factory.ts";

export const makeHarvestUseCases = (ports: Ports) => ({
  recordHarvestLot: recordHarvestLot(ports),
  getAllocations: getAllocations(ports),
  listHarvestLots: listHarvestLots(ports),
  completeHarvest: completeHarvest(ports),
  listMyCredits: listMyCredits(ports),
});

export const harvestUseCases: UseCaseFactory<"harvest"> = (ports) => makeHarvestUseCases(ports);
