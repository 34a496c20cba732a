import { makeApplicationUseCases } from "@owners/app";
import type { UseCaseFactory } from "./factory.ts";

export const producerApplicationsUseCases: UseCaseFactory<"producerApplications"> = (ports) =>
  makeApplicationUseCases(ports);
