import { type AppError, appError, type HolderPorts, type PersonalDataHolder } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { loadedOnce } from "./lazy-port.ts";

/**
 * The categories of storePersonalDataHolders, in its order: what the Lambda's holders stand for
 * before their module is loaded. A test checks them against the holders themselves.
 */
export const HOLDER_CATEGORIES = [
  "profile",
  "ownerships",
  "credits",
  "shipments",
  "parcels",
  "bookings",
  "comments",
  "messages",
  "waitlistOffers",
  "waitlistEntries",
  "audit",
  "photos",
  "producerApplication",
  "producerProfile",
  "follows",
] as const;

/** Builds every holder over the ports (storePersonalDataHolders). */
export type BuildHolders = (ports: HolderPorts) => readonly PersonalDataHolder[];

/**
 * The personal-data holders as the Lambda binds them: one stand-in per category, the holders'
 * module (and the domain rules they use) imported on the first export or erasure, as the use-case
 * groups are, so a cold start serving plans reads none of it. Built once; a failed import is
 * STORE.UNAVAILABLE for that call and tried again by the next.
 */
export const lazyPersonalDataHolders = (
  ports: HolderPorts,
  load: () => Promise<BuildHolders>,
): readonly PersonalDataHolder[] => {
  const holders = loadedOnce(
    () => load().then((build) => build(ports)),
    () => appError("STORE.UNAVAILABLE", "the personal-data holders could not be loaded"),
  );
  const holderOf = async (category: string): Promise<E.Either<AppError, PersonalDataHolder>> => {
    const all = await holders();
    if (E.isLeft(all)) return all;
    const found = all.right.find((h) => h.category === category);
    return found === undefined
      ? E.left(appError("STORE.UNAVAILABLE", `no personal-data holder for ${category}`))
      : E.right(found);
  };
  return HOLDER_CATEGORIES.map(
    (category): PersonalDataHolder => ({
      category,
      exportFor: (personId) => async () => {
        const holder = await holderOf(category);
        return E.isLeft(holder) ? holder : holder.right.exportFor(personId)();
      },
      eraseFor: (personId) => async () => {
        const holder = await holderOf(category);
        return E.isLeft(holder) ? holder : holder.right.eraseFor(personId)();
      },
    }),
  );
};
