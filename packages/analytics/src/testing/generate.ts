import type { AnalyticsRecord, LotAllocation, LotShipment } from "@owners/app";
import { seededRandom } from "@owners/app/testing";
import type {
  Experience,
  ExperienceBooking,
  HarvestLot,
  LedgerEntry,
  Ownership,
  Plan,
  PlanStatus,
} from "@owners/domain";

export interface GeneratedData {
  readonly records: AnalyticsRecord[];
  /** Personal data planted in the records: none may appear in any exported file. */
  readonly pii: readonly string[];
}

export interface GenerateOptions {
  readonly seed: number;
  readonly producers?: number;
  readonly plansPerProducerSeason?: number;
  readonly owners?: number;
  readonly ownershipsPerPlan?: number;
}

const RISK = ["refund", "credit", "shared"] as const;
const STATUS: PlanStatus[] = ["open", "closed", "allocated", "shipped", "completed"];
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A consistent-looking platform: producers with plans over two seasons (2025, 2026), owners who
 * come back or not, cancellations, harvest lots short or not, allocations, shipments to addresses
 * full of planted personal data, the ledger of every reservation and refund, experiences, bookings.
 */
export const generatePlatform = (options: GenerateOptions): GeneratedData => {
  const rand = seededRandom(options.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const producers = options.producers ?? 12;
  const perSeason = options.plansPerProducerSeason ?? 3;
  const owners = Array.from(
    { length: options.owners ?? 400 },
    (_, i) => `owner.${i}@mail-pii.example`,
  );
  const ownershipsPerPlan = options.ownershipsPerPlan ?? 25;
  const records: AnalyticsRecord[] = [];
  const pii = new Set<string>(owners);
  let seq = 0;
  const id = (prefix: string) => `${prefix}_${String(++seq).padStart(7, "0")}`;

  for (let p = 0; p < producers; p += 1) {
    const producerId = `producer-${p}` as Plan["producerId"];
    for (const season of [2025, 2026])
      for (let k = 0; k < perSeason; k += 1) {
        const opens = Date.UTC(season, int(0, 5), int(1, 28));
        const unitsPerShare = int(1, 6);
        const feeBps = pick([500, 1000, 1500]);
        const plan: Plan = {
          id: id("plan") as Plan["id"],
          producerId,
          status: pick(STATUS),
          title: `Plan ${p}-${season}-${k}`,
          story: "A season of fruit.",
          category: pick(["fruit", "rice", "seafood"]),
          region: pick(["tohoku", "kinki", "kyushu"]),
          unitLabel: "pack",
          unitsPerShare,
          totalShares: 1000,
          maxSharesPerOwner: 5,
          salesWindow: {
            opensAt: iso(opens) as Plan["createdAt"],
            closesAt: iso(opens + 30 * 864e5) as Plan["createdAt"],
          },
          deliveryWindow: {
            from: day(opens + 90 * 864e5) as Plan["deliveryWindow"]["from"],
            to: day(opens + 120 * 864e5) as Plan["deliveryWindow"]["to"],
          },
          pricing: {
            basePriceYen: 3000 as Plan["pricing"]["basePriceYen"],
            tiers: [],
            shippingSurchargeYen: {},
          },
          riskTerms: pick(RISK),
          cancellationDeadline: iso(opens + 20 * 864e5) as Plan["createdAt"],
          shipCapacityPerDay: 50,
          surplusBonusCapUnits: 10,
          paymentHoldMinutes: 30,
          experienceSeatsPerOwner: 4,
          photoKeys: [],
          platformFeeBps: feeBps,
          sharesSold: 0,
          sharesOffered: 0,
          createdAt: iso(opens - 864e5) as Plan["createdAt"],
          updatedAt: iso(opens + 40 * 864e5) as Plan["createdAt"],
          version: int(1, 9),
        };
        records.push({ entity: "plans", value: plan });
        const ledger = (entry: Omit<LedgerEntry, "id" | "planId">) =>
          records.push({
            entity: "ledger_entries",
            value: { id: id("led") as LedgerEntry["id"], planId: plan.id, ...entry },
          });
        const active: Ownership[] = [];
        for (let o = 0; o < ownershipsPerPlan; o += 1) {
          const ownerId = pick(owners) as Ownership["ownerId"];
          const shares = int(1, 5);
          const price = int(2000, 6000);
          const total = shares * price;
          const fee = Math.floor((total * feeBps) / 10_000);
          const reservedMs = opens + int(0, 25) * 864e5 + int(0, 86_399) * 1000;
          const cancelled = rand() < 0.1;
          const ownership: Ownership = {
            id: id("own") as Ownership["id"],
            planId: plan.id,
            ownerId,
            shares,
            quote: {
              shares,
              lines: [{ shares, unitPriceYen: price as never, reason: "base" }],
              sharesYen: total as never,
              shippingRegion: "kanto",
              shippingYen: 0 as never,
              totalYen: total as never,
              feeYen: fee as never,
              payoutYen: (total - fee) as never,
            },
            reservedAt: iso(reservedMs) as Ownership["reservedAt"],
            idempotencyKey: `key-${seq}`,
            status: cancelled ? "cancelled" : "active",
            ...(cancelled
              ? { cancelledAt: iso(reservedMs + 5 * 864e5) as Ownership["reservedAt"] }
              : {}),
            version: cancelled ? 2 : 1,
          };
          records.push({ entity: "ownerships", value: ownership });
          const at = ownership.reservedAt;
          const base = {
            ownershipId: ownership.id,
            actor: ownerId,
            reason: "reservation" as const,
            at,
          };
          ledger({ ...base, kind: "charge", amountYen: total as never });
          ledger({ ...base, kind: "payout", amountYen: (total - fee) as never });
          ledger({ ...base, kind: "fee", amountYen: fee as never });
          if (cancelled) {
            const back = {
              ...base,
              reason: "cancellation" as const,
              at: ownership.cancelledAt as never,
            };
            ledger({ ...back, kind: "refund", amountYen: total as never });
            ledger({ ...back, kind: "payout", amountYen: -(total - fee) as never });
            ledger({ ...back, kind: "fee", amountYen: -fee as never });
          } else active.push(ownership);
        }
        // Harvest: two plans in three record lots, sometimes short of the entitlement.
        if (rand() < 0.67 && active.length > 0) {
          const entitled = active.reduce((n, o) => n + o.shares * unitsPerShare, 0);
          const lots = int(1, 3);
          const standard = Math.floor(entitled * (0.6 + rand() * 0.6));
          for (let l = 0; l < lots; l += 1) {
            const grade = l === lots - 1 && lots > 1 && rand() < 0.3 ? "offspec" : "standard";
            const quantity =
              grade === "offspec" ? int(1, 20) : Math.max(1, Math.floor(standard / lots));
            const lot: HarvestLot = {
              id: id("lot") as HarvestLot["id"],
              planId: plan.id,
              quantity,
              grade,
              readyOn: plan.deliveryWindow.from,
              bestBefore: plan.deliveryWindow.to,
              recordedAt: iso(opens + (95 + l) * 864e5) as HarvestLot["recordedAt"],
            };
            records.push({ entity: "harvest_lots", value: lot });
            for (const ownership of active) {
              const units = int(0, Math.max(1, Math.ceil((quantity * 2) / active.length)));
              if (units === 0) continue;
              const allocation: LotAllocation = {
                planId: plan.id,
                lotId: lot.id,
                ownershipId: ownership.id,
                ownerId: ownership.ownerId,
                grade,
                units,
              };
              records.push({ entity: "allocations", value: allocation });
              const n = int(0, 9999);
              const hasAddress = rand() < 0.9;
              const shipment: LotShipment = {
                id: id("shp") as LotShipment["id"],
                planId: plan.id,
                producerId,
                lotId: lot.id,
                ownershipId: ownership.id,
                ownerId: ownership.ownerId,
                region: hasAddress ? "kanto" : "",
                ...(hasAddress
                  ? {
                      address: {
                        recipientName: `PII-NAME 山田 ${n}`,
                        postalCode: `PII-POSTAL-${n}`,
                        prefecture: "東京都",
                        city: `PII-CITY-${n}`,
                        line1: `PII-LINE1 ${n}-2-3`,
                        line2: `PII-LINE2 room ${n}`,
                        phone: `PII-PHONE-090${n}`,
                      },
                    }
                  : {}),
                units,
                parcels: hasAddress
                  ? [{ shipOn: lot.readyOn, arriveBy: lot.readyOn, boxes: 1, units }]
                  : [],
                ...(hasAddress ? {} : { unshipped: { units, reason: "no-address" as const } }),
                scheduledAt: lot.recordedAt,
              };
              if (hasAddress)
                for (const value of [
                  `PII-NAME 山田 ${n}`,
                  `PII-POSTAL-${n}`,
                  `PII-CITY-${n}`,
                  `PII-LINE1 ${n}-2-3`,
                  `PII-LINE2 room ${n}`,
                  `PII-PHONE-090${n}`,
                ])
                  pii.add(value);
              records.push({ entity: "shipments", value: shipment });
            }
          }
          // Shortfall settlement by the risk terms.
          for (const ownership of active)
            if (plan.riskTerms !== "shared" && rand() < 0.3) {
              const amount = int(100, 2000);
              const base = {
                ownershipId: ownership.id,
                actor: "allocate-harvests",
                at: iso(opens + 100 * 864e5) as LedgerEntry["at"],
              };
              if (plan.riskTerms === "credit")
                ledger({
                  ...base,
                  kind: "credit",
                  amountYen: amount as never,
                  reason: "shortfall-credit",
                });
              else {
                const fee = Math.floor((amount * feeBps) / 10_000);
                ledger({
                  ...base,
                  kind: "refund",
                  amountYen: amount as never,
                  reason: "shortfall-refund",
                });
                ledger({
                  ...base,
                  kind: "payout",
                  amountYen: -(amount - fee) as never,
                  reason: "shortfall-refund",
                });
                ledger({
                  ...base,
                  kind: "fee",
                  amountYen: -fee as never,
                  reason: "shortfall-refund",
                });
              }
            }
        }
        const experience: Experience = {
          id: id("exp") as Experience["id"],
          planId: plan.id,
          producerId,
          title: "Orchard visit",
          startsAt: iso(opens + 60 * 864e5) as Experience["startsAt"],
          capacity: 20,
          seatsBooked: 0,
          createdAt: plan.createdAt,
          updatedAt: plan.updatedAt,
          version: 1,
        };
        records.push({ entity: "experiences", value: experience });
        for (const ownership of active.slice(0, int(0, 4))) {
          const booking: ExperienceBooking = {
            id: id("bkg") as ExperienceBooking["id"],
            experienceId: experience.id,
            ownerId: ownership.ownerId,
            seats: int(1, 3),
            bookedAt: iso(opens + 50 * 864e5) as ExperienceBooking["bookedAt"],
            status: "active",
            version: 1,
          };
          records.push({ entity: "bookings", value: booking });
        }
      }
  }
  return { records, pii: [...pii] };
};
