import {
  confirmDelivery,
  getMyAddress,
  getOwnershipDelivery,
  getPlanLogistics,
  importTrackingFile,
  listParcels,
  listShipments,
  markParcelShippedUseCase,
  type Ports,
  setMyAddress,
  setOwnershipDelivery,
  setPlanLogistics,
  shipmentsCsv,
} from "@owners/app";
import type { UseCaseFactory } from "./factory.ts";

export const makeShipmentUseCases = (ports: Ports) => ({
  listShipments: listShipments(ports),
  shipmentsCsv: shipmentsCsv(ports),
  getMyAddress: getMyAddress(ports),
  setMyAddress: setMyAddress(ports),
  // Lane "parcels": tracking numbers, the carrier's file, delivery confirmation.
  listParcels: listParcels(ports),
  markParcelShipped: markParcelShippedUseCase(ports),
  importTrackingFile: importTrackingFile(ports),
  confirmDelivery: confirmDelivery(ports),
  // Lane logistics: per-plan logistics and each ownership's delivery.
  getPlanLogistics: getPlanLogistics(ports),
  setPlanLogistics: setPlanLogistics(ports),
  getOwnershipDelivery: getOwnershipDelivery(ports),
  setOwnershipDelivery: setOwnershipDelivery(ports),
});

export const shipmentsUseCases: UseCaseFactory<"shipments"> = (ports) =>
  makeShipmentUseCases(ports);
