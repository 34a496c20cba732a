import type { Ports } from "../composition/ports.ts";
import { followsHolder, producerProfileHolder } from "../people/personal-data-holders.ts";
import { producerApplicationsHolder } from "../people/producer-applications-holder.ts";
import type { PersonalDataHolder } from "../ports/personal-data.ts";
import { auditHolder } from "./holders/audit-holder.ts";
import { bookingsHolder } from "./holders/bookings-holder.ts";
import { commentsHolder } from "./holders/comments-holder.ts";
import { creditsHolder } from "./holders/credits-holder.ts";
import { messagesHolder } from "./holders/messages-holder.ts";
import { ownershipsHolder } from "./holders/ownerships-holder.ts";
import { parcelsHolder } from "./holders/parcels-holder.ts";
import { photosHolder } from "./holders/photos-holder.ts";
import { profileHolder } from "./holders/profile-holder.ts";
import { shipmentsHolder } from "./holders/shipments-holder.ts";
import { waitlistEntriesHolder, waitlistHolder } from "./holders/waitlist-holder.ts";

/** What the holders read and erase through: every port but the holders themselves. */
export type HolderPorts = Omit<Ports, "personalDataHolders">;

/**
 * The holders of the stores every deployment has, one per store holding personal data. A store
 * added later appends its holder here (or the wiring appends it), and deletion reaches it.
 */
export const storePersonalDataHolders = (ports: HolderPorts): readonly PersonalDataHolder[] => [
  profileHolder(ports.profiles),
  ownershipsHolder(ports),
  creditsHolder(ports.creditBalances),
  shipmentsHolder(ports),
  parcelsHolder(ports),
  bookingsHolder(ports.experiences),
  commentsHolder(ports.communication),
  messagesHolder(ports),
  waitlistHolder(ports),
  waitlistEntriesHolder(ports),
  auditHolder(ports),
  photosHolder(ports.blobs),
  producerApplicationsHolder(ports.producerApplications, ports.clock),
  producerProfileHolder(ports.producerProfiles),
  followsHolder(ports.follows),
];
