import type { Plan } from "./plan.ts";

/** The API is warmed from this long before a window opens (instances take a minute or two)... */
export const WARM_UP_LEAD_MS = 5 * 60_000;
/** ...to this long after: the first half hour is when a popular plan's crowd arrives. */
export const WARM_UP_HOLD_MS = 30 * 60_000;
/** One warm instance per this many expected owners (followers and the waiting line). */
export const OWNERS_PER_WARM_INSTANCE = 50;

/** Which opening a warm-up is for: the public sale or the returning owners' early window. */
export type WarmUpKind = "sale" | "returning-owners";

export interface WarmUpWindow {
  readonly kind: WarmUpKind;
  /** Epoch ms: raise from here... */
  readonly from: number;
  /** ...lower from here. */
  readonly to: number;
}

/** The windows around each opening of the plan's sale (the returning owners' one when it has it). */
export const warmUpWindows = (plan: Pick<Plan, "salesWindow">): readonly WarmUpWindow[] => {
  const around = (kind: WarmUpKind, opensAt: string): WarmUpWindow => {
    const at = Date.parse(opensAt);
    return { kind, from: at - WARM_UP_LEAD_MS, to: at + WARM_UP_HOLD_MS };
  };
  const early = plan.salesWindow.returningOwnersOpenAt;
  return [
    ...(early === undefined ? [] : [around("returning-owners", early)]),
    around("sale", plan.salesWindow.opensAt),
  ];
};

/** Whether `now` (epoch ms) is inside one of the plan's warm-up windows. */
export const isWarmAt = (plan: Pick<Plan, "salesWindow">, now: number): boolean =>
  warmUpWindows(plan).some((window) => window.from <= now && now < window.to);

/** Warm instances for one plan's crowd: at least one, one more per OWNERS_PER_WARM_INSTANCE. */
export const warmInstancesFor = (expectedOwners: number): number =>
  1 + Math.floor(Math.max(0, expectedOwners) / OWNERS_PER_WARM_INSTANCE);

/** The level to provision: every warm plan's instances together, never above the stage's cap. */
export const provisionedLevel = (perPlan: readonly number[], cap: number): number =>
  Math.min(
    Math.max(0, cap),
    perPlan.reduce((sum, n) => sum + n, 0),
  );
