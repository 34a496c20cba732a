import type { components } from "./generated/schema";

type Schemas = components["schemas"];
export type Plan = Schemas["Plan"];
export type PriceTier = Schemas["PriceTier"];
export type CreatePlanRequest = Schemas["CreatePlanRequest"];
export type EditPlanRequest = Schemas["EditPlanRequest"];
export type Quote = Schemas["Quote"];
export type Ownership = Schemas["Ownership"];
export type OwnershipAllocation = Schemas["OwnershipAllocation"];
export type HarvestLot = Schemas["HarvestLot"];
export type Shipment = Schemas["Shipment"];
export type Experience = Schemas["Experience"];
export type Booking = Schemas["Booking"];
export type PlanUpdate = Schemas["PlanUpdate"];
export type Comment = Schemas["Comment"];
export type ProducerSummary = Schemas["ProducerSummary"];
export type WaitlistOffer = Schemas["WaitlistOffer"];
export type MyWaitlistPlace = Schemas["MyWaitlistPlace"];
export type MyBooking = Schemas["MyBookings"]["bookings"][number];
export type PresignedUpload = Schemas["PresignedUpload"];
export type BatchRunReport = Schemas["BatchRunReport"];
export type RiskTerms = Plan["riskTerms"];
export type PlanStatus = Plan["status"];

/** One lot's share of an allocation. */
export type AllocationLot = Schemas["AllocatedLot"];

// Producers and owners as people.
export type ProducerCard = Schemas["ProducerCard"];
export type ProducerProfile = Schemas["ProducerProfile"];
export type ProducerPage = Schemas["ProducerPage"];
export type SellerDisclosure = Schemas["SellerDisclosure"];
export type MyProfile = Schemas["MyProfile"];
export type SavedAddress = Schemas["SavedAddress"];

// Lane season: the season report and the "reserve again" cards.
export type SeasonReport = Schemas["SeasonReport"];
export type SeasonReportView = Schemas["SeasonReportView"];
export type NextSeason = Schemas["NextSeason"];
