import { makeMoneyUseCases } from "@owners/app";
import type { UseCaseFactory } from "./factory.ts";

export const moneyUseCases: UseCaseFactory<"money"> = (ports) => makeMoneyUseCases(ports);
