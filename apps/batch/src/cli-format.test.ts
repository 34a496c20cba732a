import { instant } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { finalReport, parseCliArgs, progressLine } from "./cli-format.ts";

describe("pnpm batch arguments", () => {
  it("reads the batch name, a plan and a chunk size", () => {
    expect(parseCliArgs(["close-sales"])).toEqual({ name: "close-sales" });
    expect(
      parseCliArgs(["--", "allocate-harvests", "--plan", "plan_a", "--chunk-size", "3"]),
    ).toEqual({ name: "allocate-harvests", planId: "plan_a", chunkSize: 3 });
    expect(parseCliArgs(["--help"])).toBe("help");
  });

  it("says what is wrong", () => {
    expect(parseCliArgs([])).toEqual({ error: "which batch?" });
    expect(parseCliArgs(["a", "--plan"])).toEqual({ error: "--plan needs a value" });
    expect(parseCliArgs(["a", "--chunk-size", "0"])).toMatchObject({
      error: expect.stringMatching(/positive/),
    });
    expect(parseCliArgs(["a", "--force"])).toEqual({ error: "unknown option --force" });
    expect(parseCliArgs(["a", "b"])).toEqual({ error: "unexpected argument b" });
  });
});

describe("pnpm batch output", () => {
  it("prints a progress line and a final report", () => {
    const counts = { plansAllocated: 3, plansSkipped: 0, messagesEnqueued: 120 };
    expect(
      progressLine(
        { batch: "allocate-harvests", scope: "all", runId: "run_1", chunks: 4, counts, chunk: {} },
        41_000,
      ),
    ).toBe("allocate-harvests all · chunk 4 · plansAllocated=3 messagesEnqueued=120 · 41.0 s");
    const lines = finalReport(
      {
        batch: "allocate-harvests",
        scope: "all",
        runId: "run_1",
        outcome: "paused",
        resumed: true,
        chunksThisInvocation: 2,
        chunks: 4,
        counts,
        problems: [{ item: "plan_x", code: "PLAN.WRONG_STATUS", message: "cancelled" }],
        startedAt: instant("2026-07-25T03:00:00.000Z"),
        updatedAt: instant("2026-07-25T03:00:41.000Z"),
      },
      41_000,
    );
    expect(lines[0]).toBe(
      "allocate-harvests (all) paused: run it again to resume, resuming an earlier run",
    );
    expect(lines).toContain("  messagesEnqueued       120");
    expect(lines.at(-1)).toBe("  problem: plan_x PLAN.WRONG_STATUS cancelled");
  });
});
