import { makePayoutUseCases } from "@owners/app";
import type { UseCaseFactory } from "./factory.ts";

export const payoutsUseCases: UseCaseFactory<"payouts"> = (ports) => makePayoutUseCases(ports);
