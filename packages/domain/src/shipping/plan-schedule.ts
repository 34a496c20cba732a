import * as E from "fp-ts/lib/Either.js";
import type { Plan } from "../plans/plan.ts";
import type { DomainError } from "../shared/errors.ts";
import type { DeliverySlot, Temperature } from "./delivery-options.ts";
import type { ShippingScheduleInput } from "./input.ts";
import { planLogistics } from "./logistics.ts";
import { type ShippingSchedule, scheduleShipments } from "./schedule.ts";

/** A lot's schedule with what every one of its boxes travels as. */
export interface PlanShippingSchedule<Address> extends ShippingSchedule<Address> {
  readonly temperature: Temperature;
  /** Whether the owners' slot choices are kept on the labels. */
  readonly slotsAllowed: boolean;
}

export type PlanScheduleInput<Address> = Omit<
  ShippingScheduleInput<Address>,
  "deliveryWindow" | "capacityBoxesPerDay" | "transitDays"
>;

/**
 * One lot's schedule under its plan's own logistics: the producer's boxes per day, its transit
 * table (a region it left out is reported as unknown, never guessed) and its temperature. A plan
 * that never set logistics ships with the defaults (ambient, Japan's table, `fallbackTransit`
 * when the caller has one).
 */
export const schedulePlanShipments = <Address>(
  plan: Pick<Plan, "region" | "logistics" | "shipCapacityPerDay" | "deliveryWindow">,
  input: PlanScheduleInput<Address>,
  fallbackTransit?: ShippingScheduleInput<Address>["transitDays"],
): E.Either<DomainError<"SHIPPING.INVALID">, PlanShippingSchedule<Address>> => {
  const logistics = planLogistics(plan);
  const transitDays =
    plan.logistics === undefined && fallbackTransit !== undefined
      ? fallbackTransit
      : logistics.transitDays;
  return E.map(
    (schedule: ShippingSchedule<Address>): PlanShippingSchedule<Address> => ({
      ...schedule,
      temperature: logistics.temperature,
      slotsAllowed: logistics.slotsAllowed,
    }),
  )(
    scheduleShipments({
      ...input,
      deliveryWindow: plan.deliveryWindow,
      capacityBoxesPerDay: plan.shipCapacityPerDay,
      transitDays,
    }),
  );
};

/** The slot that goes on a label: the owner's, only where its plan lets owners choose. */
export const labelSlot = (
  schedule: Pick<PlanShippingSchedule<unknown>, "slotsAllowed">,
  slot: DeliverySlot | undefined,
): DeliverySlot | undefined => (schedule.slotsAllowed ? slot : undefined);
