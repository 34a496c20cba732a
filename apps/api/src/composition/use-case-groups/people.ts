import { makePeopleUseCases } from "@owners/app";
import type { UseCaseFactory } from "./factory.ts";
import { photoVerifier } from "./photo-verifier.ts";

export const peopleUseCases: UseCaseFactory<"people"> = (ports, s) =>
  makePeopleUseCases({ ...ports, verifyPhoto: photoVerifier(ports, s) });
