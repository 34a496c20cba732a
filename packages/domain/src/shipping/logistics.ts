import * as E from "fp-ts/lib/Either.js";
import type { Yen } from "../money/money.ts";
import { type DomainError, domainError } from "../shared/errors.ts";
import { isTemperature, type Temperature } from "./delivery-options.ts";
import { isJapanPrefecture } from "./prefectures.ts";
import { DEFAULT_TRANSIT_DAYS_JAPAN, type TransitDaysTable } from "./transit.ts";

/**
 * Who sends the boxes on a Yamato (B2クラウド) slip: as on the producer's Yamato contract. Only
 * the label file needs it, so a plan may go without it (B2 then uses its registered sender).
 */
export interface YamatoSender {
  readonly name: string;
  readonly phone: string;
  /** `123-4567`. */
  readonly postalCode: string;
  /** Prefecture, city and street: B2's one address field. */
  readonly address: string;
  /** 請求先顧客コード: 10 or 12 digits. */
  readonly billingCustomerCode: string;
  /** 運賃管理番号: two digits ("01" unless Yamato gave others). */
  readonly freightManagementNumber: string;
}

/**
 * How a plan's boxes travel, set by its producer. Boxes per day is the plan's
 * shipCapacityPerDay (set with these, stored where it always was).
 */
export interface PlanLogistics {
  /** Where the boxes leave from (a prefecture, as on the label). */
  readonly shipFromPrefecture: string;
  /** Transit days by shipping region from that prefecture; a region left out is not shipped to. */
  readonly transitDays: TransitDaysTable;
  /** 常温 / 冷蔵 / 冷凍. */
  readonly temperature: Temperature;
  /** What the temperature adds per box (クール便), shown to owners before they buy. */
  readonly surchargeYenPerBox: Yen;
  /** Whether owners may pick a delivery time slot (時間帯指定). */
  readonly slotsAllowed: boolean;
  readonly sender?: YamatoSender;
}

/**
 * The carrier's cool surcharge per box of the smallest size (Yamato クール宅急便 60 size): the
 * default when a producer does not state its own.
 */
export const DEFAULT_SURCHARGE_YEN_PER_BOX: Readonly<Record<Temperature, number>> = {
  ambient: 0,
  chilled: 275,
  frozen: 275,
};

/** The most transit days a table may say: longer is a typing error, not a parcel service. */
export const MAX_TRANSIT_DAYS = 14;
/** A surcharge above this per box is a typing error. */
export const MAX_SURCHARGE_YEN_PER_BOX = 10_000;

/** A plan that never set its logistics ships as before: ambient, Japan's table, no slots. */
export const defaultPlanLogistics = (plan: { readonly region: string }): PlanLogistics => ({
  shipFromPrefecture: plan.region,
  transitDays: DEFAULT_TRANSIT_DAYS_JAPAN,
  temperature: "ambient",
  surchargeYenPerBox: 0 as Yen,
  slotsAllowed: false,
});

/** The logistics shipping uses for a plan: its own, or the defaults. */
export const planLogistics = (plan: {
  readonly region: string;
  readonly logistics?: PlanLogistics;
}): PlanLogistics => plan.logistics ?? defaultPlanLogistics(plan);

/** What a producer submits; unknown until checked. */
export interface LogisticsInput {
  readonly shipFromPrefecture: unknown;
  readonly boxesPerDay: unknown;
  /** Absent: Japan's default table. */
  readonly transitDays?: unknown;
  readonly temperature: unknown;
  /** Absent: the carrier's default for the temperature. */
  readonly surchargeYenPerBox?: unknown;
  readonly slotsAllowed: unknown;
  readonly sender?: unknown;
}

export interface ValidLogistics {
  readonly logistics: PlanLogistics;
  readonly boxesPerDay: number;
}

interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

const wholeIn = (value: unknown, min: number, max: number): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;

const text = (value: unknown): string => (typeof value === "string" ? value.trim() : "");

const checkSender = (raw: unknown, issues: FieldIssue[]): YamatoSender | undefined => {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "object") {
    issues.push({ field: "sender", message: "must be an object" });
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  const field = (name: keyof YamatoSender, ok: (v: string) => boolean, message: string) => {
    const value = text(r[name]);
    if (!ok(value)) issues.push({ field: `sender.${name}`, message });
    return value;
  };
  const sender: YamatoSender = {
    name: field("name", (v) => v.length > 0 && [...v].length <= 16, "must be 1 to 16 characters"),
    phone: field("phone", (v) => /^[0-9][0-9-]{8,14}$/.test(v), "must be a phone number"),
    postalCode: field("postalCode", (v) => /^\d{3}-\d{4}$/.test(v), "must be like 123-4567"),
    address: field(
      "address",
      (v) => v.length > 0 && [...v].length <= 32,
      "must be 1 to 32 characters",
    ),
    billingCustomerCode: field(
      "billingCustomerCode",
      (v) => /^(\d{10}|\d{12})$/.test(v),
      "must be 10 or 12 digits",
    ),
    freightManagementNumber: field(
      "freightManagementNumber",
      (v) => /^\d{2}$/.test(v),
      "must be 2 digits",
    ),
  };
  return sender;
};

const checkTransit = (raw: unknown, issues: FieldIssue[]): TransitDaysTable => {
  if (raw === undefined) return DEFAULT_TRANSIT_DAYS_JAPAN;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    issues.push({ field: "transitDays", message: "must map regions to days" });
    return {};
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length === 0)
    issues.push({ field: "transitDays", message: "must name at least one region" });
  const table: Record<string, number> = {};
  for (const [region, days] of entries) {
    if (!Object.hasOwn(DEFAULT_TRANSIT_DAYS_JAPAN, region))
      issues.push({
        field: `transitDays.${region}`,
        message: `is not a region; regions are ${Object.keys(DEFAULT_TRANSIT_DAYS_JAPAN).join(", ")}`,
      });
    else if (!wholeIn(days, 0, MAX_TRANSIT_DAYS))
      issues.push({
        field: `transitDays.${region}`,
        message: `must be a whole number of days from 0 to ${MAX_TRANSIT_DAYS}`,
      });
    else table[region] = days;
  }
  return Object.freeze(table);
};

/**
 * Checks what a producer submits for a plan's logistics; every bad field is reported. Defaults:
 * Japan's transit table, the carrier's surcharge for the temperature.
 */
export const validateLogistics = (
  input: LogisticsInput,
): E.Either<DomainError<"VALIDATION.INVALID">, ValidLogistics> => {
  const issues: FieldIssue[] = [];
  const shipFromPrefecture = text(input.shipFromPrefecture);
  if (!isJapanPrefecture(shipFromPrefecture))
    issues.push({ field: "shipFromPrefecture", message: "must be a prefecture, like 長野県" });
  if (!wholeIn(input.boxesPerDay, 1, 100_000))
    issues.push({ field: "boxesPerDay", message: "must be a whole number of boxes from 1" });
  const transitDays = checkTransit(input.transitDays, issues);
  const temperature = isTemperature(input.temperature) ? input.temperature : undefined;
  if (temperature === undefined)
    issues.push({ field: "temperature", message: "must be ambient, chilled or frozen" });
  const surcharge =
    input.surchargeYenPerBox === undefined
      ? DEFAULT_SURCHARGE_YEN_PER_BOX[temperature ?? "ambient"]
      : input.surchargeYenPerBox;
  if (!wholeIn(surcharge, 0, MAX_SURCHARGE_YEN_PER_BOX))
    issues.push({
      field: "surchargeYenPerBox",
      message: `must be whole yen from 0 to ${MAX_SURCHARGE_YEN_PER_BOX}`,
    });
  // An ambient box travels without クール便: a surcharge would be shown but never charged.
  else if (temperature === "ambient" && surcharge !== 0)
    issues.push({
      field: "surchargeYenPerBox",
      message: "must be 0 for ambient (常温) shipping: only クール便 is surcharged",
    });
  if (typeof input.slotsAllowed !== "boolean")
    issues.push({ field: "slotsAllowed", message: "must be true or false" });
  const sender = checkSender(input.sender, issues);
  if (issues.length > 0 || temperature === undefined)
    return E.left(
      domainError("VALIDATION.INVALID", "the plan's logistics are invalid", { fields: issues }),
    );
  return E.right({
    boxesPerDay: input.boxesPerDay as number,
    logistics: {
      shipFromPrefecture,
      transitDays,
      temperature,
      surchargeYenPerBox: surcharge as Yen,
      slotsAllowed: input.slotsAllowed as boolean,
      ...(sender === undefined ? {} : { sender }),
    },
  });
};
