import type { CreatePlanRequest, Plan, PriceTier, RiskTerms } from "../../api/types";
import { REGIONS } from "../../vocabulary";

/** The plan form as the inputs hold it (strings), and its conversions to and from the API. */
export interface PlanForm {
  title: string;
  description: string;
  category: string;
  region: string;
  unitLabel: string;
  unitsPerShare: string;
  totalShares: string;
  maxSharesPerOwner: string;
  priceYen: string;
  salesOpenAt: string;
  salesCloseAt: string;
  /** When returning owners may reserve ahead of everyone (empty: no early window). */
  returningOwnersOpenAt: string;
  cancellationDeadline: string;
  deliveryFrom: string;
  deliveryTo: string;
  riskTerms: RiskTerms;
  shipCapacityPerDay: string;
  surplusBonusCapUnits: string;
  earlyBirdUntil: string;
  earlyBirdPrice: string;
  firstCount: string;
  firstPrice: string;
  surcharges: Record<string, string>;
  /** Seats one owner may book on each of the plan's experiences. */
  experienceSeatsPerOwner: string;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a datetime-local value in the browser's time zone. */
export const toLocalInput = (iso: string): string => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
/** The calendar day (YYYY-MM-DD) in Japan (UTC+9) at an instant, as a date input's value. */
export const japanDay = (ms: number): string =>
  new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
const toIso = (local: string) => new Date(local).toISOString();

export const emptyPlanForm = (now: number = Date.now()): PlanForm => ({
  title: "",
  description: "",
  category: "fruit",
  region: "kinki",
  unitLabel: "pack",
  unitsPerShare: "4",
  totalShares: "100",
  maxSharesPerOwner: "3",
  priceYen: "6000",
  salesOpenAt: toLocalInput(new Date(now).toISOString()),
  salesCloseAt: toLocalInput(new Date(now + 30 * DAY_MS).toISOString()),
  returningOwnersOpenAt: "",
  cancellationDeadline: "",
  deliveryFrom: japanDay(now + 40 * DAY_MS),
  deliveryTo: japanDay(now + 70 * DAY_MS),
  riskTerms: "refund",
  shipCapacityPerDay: "20",
  surplusBonusCapUnits: "0",
  earlyBirdUntil: "",
  earlyBirdPrice: "",
  firstCount: "",
  firstPrice: "",
  surcharges: Object.fromEntries(REGIONS.map((r) => [r, "0"])),
  experienceSeatsPerOwner: "4",
});

export const planToForm = (plan: Plan): PlanForm => {
  const early = plan.tiers.find((tier) => tier.kind === "earlyBird");
  const first = plan.tiers.find((tier) => tier.kind === "firstShares");
  return {
    title: plan.title,
    description: plan.description,
    category: plan.category,
    region: plan.region,
    unitLabel: plan.unitLabel,
    unitsPerShare: String(plan.unitsPerShare),
    totalShares: String(plan.totalShares),
    maxSharesPerOwner: String(plan.maxSharesPerOwner),
    priceYen: String(plan.priceYen),
    salesOpenAt: toLocalInput(plan.salesOpenAt),
    salesCloseAt: toLocalInput(plan.salesCloseAt),
    returningOwnersOpenAt:
      plan.returningOwnersOpenAt === undefined ? "" : toLocalInput(plan.returningOwnersOpenAt),
    cancellationDeadline: toLocalInput(plan.cancellationDeadline),
    deliveryFrom: plan.deliveryFrom,
    deliveryTo: plan.deliveryTo,
    riskTerms: plan.riskTerms,
    shipCapacityPerDay: String(plan.shipCapacityPerDay),
    surplusBonusCapUnits: String(plan.surplusBonusCapUnits),
    earlyBirdUntil: early?.kind === "earlyBird" ? toLocalInput(early.until) : "",
    earlyBirdPrice: early ? String(early.priceYen) : "",
    firstCount: first?.kind === "firstShares" ? String(first.count) : "",
    firstPrice: first ? String(first.priceYen) : "",
    surcharges: Object.fromEntries(
      Object.entries(plan.shippingSurchargeYen).map(([r, yen]) => [r, String(yen)]),
    ),
    experienceSeatsPerOwner: String(plan.experienceSeatsPerOwner),
  };
};

const int = (value: string) => Math.trunc(Number(value));

const tiersOf = (form: PlanForm): PriceTier[] => [
  ...(form.earlyBirdUntil !== "" && form.earlyBirdPrice !== ""
    ? [
        {
          kind: "earlyBird" as const,
          until: toIso(form.earlyBirdUntil),
          priceYen: int(form.earlyBirdPrice),
        },
      ]
    : []),
  ...(form.firstCount !== "" && form.firstPrice !== ""
    ? [
        {
          kind: "firstShares" as const,
          count: int(form.firstCount),
          priceYen: int(form.firstPrice),
        },
      ]
    : []),
];

/** The create request; empty optional inputs are left out so the API's defaults apply. */
export const formToRequest = (form: PlanForm): CreatePlanRequest => ({
  title: form.title.trim(),
  description: form.description.trim(),
  category: form.category,
  region: form.region,
  unitLabel: form.unitLabel.trim(),
  unitsPerShare: int(form.unitsPerShare),
  totalShares: int(form.totalShares),
  maxSharesPerOwner: int(form.maxSharesPerOwner),
  priceYen: int(form.priceYen),
  salesOpenAt: toIso(form.salesOpenAt),
  salesCloseAt: toIso(form.salesCloseAt),
  ...(form.returningOwnersOpenAt === ""
    ? {}
    : { returningOwnersOpenAt: toIso(form.returningOwnersOpenAt) }),
  ...(form.cancellationDeadline === ""
    ? {}
    : { cancellationDeadline: toIso(form.cancellationDeadline) }),
  deliveryFrom: form.deliveryFrom,
  deliveryTo: form.deliveryTo,
  riskTerms: form.riskTerms,
  shipCapacityPerDay: int(form.shipCapacityPerDay),
  surplusBonusCapUnits: int(form.surplusBonusCapUnits),
  tiers: tiersOf(form),
  shippingSurchargeYen: Object.fromEntries(
    Object.entries(form.surcharges)
      .filter(([, yen]) => yen !== "")
      .map(([r, yen]) => [r, int(yen)]),
  ),
  experienceSeatsPerOwner: int(form.experienceSeatsPerOwner),
});

/** Only what changed, so an open plan's frozen fields are never sent back. */
export const changedFields = (
  before: CreatePlanRequest,
  after: CreatePlanRequest,
): Partial<CreatePlanRequest> =>
  Object.fromEntries(
    Object.entries(after).filter(
      ([key, value]) =>
        JSON.stringify(value) !==
        JSON.stringify((before as unknown as Record<string, unknown>)[key]),
    ),
  ) as Partial<CreatePlanRequest>;
