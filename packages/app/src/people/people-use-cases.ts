import type { Clock } from "../ports/clock.ts";
import type { FollowStore } from "../ports/follow-store.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { ProducerProfileStore } from "../ports/producer-profile-store.ts";
import type { ProducerSummaries } from "../ports/producer-summaries.ts";
import type { PhotoVerificationDeps } from "../uploads/photo-verification.ts";
import { authorNames, ownerNamesForPlan } from "./display-names.ts";
import { followProducer, listMyFollows, unfollowProducer } from "./follows.ts";
import { getMyProfile } from "./get-my-profile.ts";
import { getProducerPage } from "./producer-page.ts";
import {
  editMyProducerProfile,
  getMyProducerProfile,
  listProducers,
  producerCards,
} from "./producer-profiles.ts";
import { addMyAddress, changeMyAddress, removeMyAddress } from "./saved-addresses.ts";
import { updateMyProfile } from "./update-my-profile.ts";

export interface PeopleDeps extends PhotoVerificationDeps {
  readonly producerProfiles: ProducerProfileStore;
  readonly follows: FollowStore;
  readonly profiles: OwnerProfileRepository;
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly producerSummaries: ProducerSummaries;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Producers and owners as people: profiles, the public page, follows, names instead of ids. */
export const makePeopleUseCases = (deps: PeopleDeps) => ({
  getMyProducerProfile: getMyProducerProfile(deps),
  editMyProducerProfile: editMyProducerProfile(deps),
  listProducers: listProducers(deps),
  producerCards: producerCards(deps),
  getProducerPage: getProducerPage(deps),
  followProducer: followProducer(deps),
  unfollowProducer: unfollowProducer(deps),
  listMyFollows: listMyFollows(deps),
  getMyProfile: getMyProfile(deps),
  updateMyProfile: updateMyProfile(deps),
  addMyAddress: addMyAddress(deps),
  changeMyAddress: changeMyAddress(deps),
  removeMyAddress: removeMyAddress(deps),
  authorNames: authorNames(deps),
  ownerNamesForPlan: ownerNamesForPlan(deps),
});

export type PeopleUseCases = ReturnType<typeof makePeopleUseCases>;
