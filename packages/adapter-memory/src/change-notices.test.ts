import { makeCursorCodec } from "@owners/app";
import { describeChangeNoticesContract } from "@owners/app/testing";
import { makeMemoryOutbox } from "./outbox.ts";
import { makeReservationDb } from "./reservation-db.ts";
import { makeMemoryReservationStores } from "./reservation-stores.ts";

// The outbox over the reservation database's messages, as makeMemoryPorts wires it.
describeChangeNoticesContract("memory", async () => {
  const cursors = makeCursorCodec("change-notices-test");
  const db = makeReservationDb();
  return {
    stores: makeMemoryReservationStores(cursors, db),
    outbox: makeMemoryOutbox(cursors, db.outbox),
    cleanup: async () => {},
  };
});
