import { makePrivacyUseCases } from "@owners/app";
import type { UseCaseFactory } from "./factory.ts";

export const privacyUseCases: UseCaseFactory<"privacy"> = (ports, s) =>
  makePrivacyUseCases(ports, s.reservation);
