import { makePlanUseCases } from "@owners/app";
import type { UseCaseFactory } from "./factory.ts";
import { photoVerifier } from "./photo-verifier.ts";

export const plansUseCases: UseCaseFactory<"plans"> = (ports, s) =>
  makePlanUseCases({ ...ports, config: s.reservation, verifyPhoto: photoVerifier(ports, s) });
