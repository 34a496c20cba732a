import type { ProducerPayoutAccount } from "@owners/app";
import type { Instant, ProducerId } from "@owners/domain";
import type { Item } from "./item.ts";
import { payoutAccountKeys } from "./payout-account-keys.ts";

export const payoutAccountToItem = (a: ProducerPayoutAccount): Item => ({
  ...payoutAccountKeys.item(a.producerId),
  GSI1PK: payoutAccountKeys.byAccount(a.accountId),
  GSI1SK: payoutAccountKeys.byAccountSort,
  entity: "payoutAccount",
  producerId: a.producerId,
  accountId: a.accountId,
  chargesEnabled: a.chargesEnabled,
  payoutsEnabled: a.payoutsEnabled,
  detailsSubmitted: a.detailsSubmitted,
  updatedAt: a.updatedAt,
});

export const payoutAccountFromItem = (item: Item): ProducerPayoutAccount => ({
  producerId: item.producerId as ProducerId,
  accountId: item.accountId as string,
  chargesEnabled: item.chargesEnabled === true,
  payoutsEnabled: item.payoutsEnabled === true,
  detailsSubmitted: item.detailsSubmitted === true,
  updatedAt: item.updatedAt as Instant,
});
