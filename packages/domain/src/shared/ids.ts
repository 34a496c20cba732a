declare const idBrand: unique symbol;
type Id<Name extends string> = string & { readonly [idBrand]: Name };

export type PlanId = Id<"PlanId">;
export type ProducerId = Id<"ProducerId">;
export type OwnerId = Id<"OwnerId">;
export type OwnershipId = Id<"OwnershipId">;
export type LotId = Id<"LotId">;
export type ExperienceId = Id<"ExperienceId">;
export type BookingId = Id<"BookingId">;
export type UpdateId = Id<"UpdateId">;
export type CommentId = Id<"CommentId">;
export type OfferId = Id<"OfferId">;
export type ShipmentId = Id<"ShipmentId">;
export type LedgerEntryId = Id<"LedgerEntryId">;

/** Ids come from the IdGenerator port or from storage; the domain never invents them. */
export const planId = (s: string) => s as PlanId;
export const producerId = (s: string) => s as ProducerId;
export const ownerId = (s: string) => s as OwnerId;
export const ownershipId = (s: string) => s as OwnershipId;
export const lotId = (s: string) => s as LotId;
export const experienceId = (s: string) => s as ExperienceId;
export const bookingId = (s: string) => s as BookingId;
export const updateId = (s: string) => s as UpdateId;
export const commentId = (s: string) => s as CommentId;
export const offerId = (s: string) => s as OfferId;
export const shipmentId = (s: string) => s as ShipmentId;
export const ledgerEntryId = (s: string) => s as LedgerEntryId;
