import { makeReservationUseCases } from "@owners/app";
import type { UseCaseFactory } from "./factory.ts";

export const reservationsUseCases: UseCaseFactory<"reservations"> = (ports, s) =>
  makeReservationUseCases({ ...ports, config: s.reservation });
