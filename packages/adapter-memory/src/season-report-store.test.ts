import { describeSeasonReportStoreContract } from "@owners/app/testing";
import { makeMemorySeasonReportStore } from "./season-report-store.ts";

describeSeasonReportStoreContract("memory", async () => ({
  subject: makeMemorySeasonReportStore(),
  cleanup: async () => {},
}));
