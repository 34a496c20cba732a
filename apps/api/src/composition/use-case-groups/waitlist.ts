import { makeWaitlistUseCases } from "@owners/app";
import type { UseCaseFactory } from "./factory.ts";

export const waitlistUseCases: UseCaseFactory<"waitlist"> = (ports, s) =>
  makeWaitlistUseCases({ ...ports, config: s.reservation });
