import { makeCursorCodec } from "@owners/app";
import { describeSeasonReportStoreContract } from "@owners/app/testing";
import { makeMemoryOutbox } from "./outbox.ts";
import { makeReservationDb } from "./reservation-db.ts";
import { makeMemorySeasonReportStore } from "./season-report-store.ts";

// The outbox over the reservation database's messages, as makeMemoryPorts wires it.
describeSeasonReportStoreContract("memory", async () => {
  const db = makeReservationDb();
  return {
    subject: makeMemorySeasonReportStore(db.outbox),
    outbox: makeMemoryOutbox(makeCursorCodec("season-report-test"), db.outbox),
    cleanup: async () => {},
  };
});
