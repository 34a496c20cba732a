import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { Plan } from "../../api/types";
import type { Session } from "../../auth/session";
import { plan } from "../../testing/fixtures";
import { fakeApi, json, problem, renderWithApp } from "../../testing/render";
import { CancelPlanAction } from "./cancel-plan";
import { CancellationRefunds } from "./refund-progress";

const PRODUCER: Session = { token: "p-token", sub: "producer-1", role: "producer" };

afterEach(cleanup);

/** The producer's page in small: the action while the plan runs, the refunds once cancelled. */
const Page = ({ initial }: { initial: Plan }) => {
  const [shown, setShown] = useState(initial);
  return shown.status === "cancelled" ? (
    <CancellationRefunds planId={shown.id} />
  ) : (
    <CancelPlanAction
      plan={shown}
      onDone={async () => setShown({ ...shown, status: "cancelled" })}
    />
  );
};

describe("CancelPlanAction", () => {
  it("says what the owners get back, needs a reason, then shows the refund progress", async () => {
    let cancelled = false;
    const api = fakeApi((method, path) => {
      if (method === "POST" && path === "/plans/plan_1/cancel") {
        cancelled = true;
        return json({ plan: plan({ status: "cancelled" }), refundedOwnerships: 0 });
      }
      if (path === "/plans/plan_1/refund-progress")
        return json(
          cancelled
            ? { owners: 2, refunded: 1, refundedYen: 6800, pendingYen: 13600 }
            : { owners: 2, refunded: 0, refundedYen: 0, pendingYen: 20400 },
        );
      return problem(404, "NOT_FOUND");
    });
    renderWithApp(<Page initial={plan({ sharesSold: 3 })} />, {
      fetchImpl: api.fetchImpl,
      session: PRODUCER,
    });
    fireEvent.click(screen.getByRole("button", { name: "中止する…" }));
    const dialog = screen.getByRole("alertdialog");
    expect((await within(dialog).findByTestId("cancel-refund-summary")).textContent).toBe(
      "オーナー 2人に、支払った全額（合計 20,400円）を返金します。",
    );
    const confirm = within(dialog).getByRole("button", { name: "中止して全額返金する" });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText("中止の理由（オーナーに伝わります）"), {
      target: { value: "  台風で全滅しました " },
    });
    fireEvent.click(confirm);
    const progress = await screen.findByTestId("refund-progress-plan_1");
    expect((await within(progress).findByRole("status")).textContent).toBe(
      "オーナー 2人中 1人に返金しました",
    );
    expect(progress.textContent).toContain("返金済み 6,800円・未返金 13,600円");
    expect(api.requests.filter((r) => r.method === "POST")).toEqual([
      expect.objectContaining({
        path: "/plans/plan_1/cancel",
        body: { reason: "台風で全滅しました" },
      }),
    ]);
  });

  it("keeps the plan when the producer steps back, calling nothing", async () => {
    const api = fakeApi((_method, path) =>
      path === "/plans/plan_1/refund-progress"
        ? json({ owners: 1, refunded: 0, refundedYen: 0, pendingYen: 6800 })
        : problem(404, "NOT_FOUND"),
    );
    renderWithApp(<Page initial={plan()} />, { fetchImpl: api.fetchImpl, session: PRODUCER });
    fireEvent.click(screen.getByRole("button", { name: "中止する…" }));
    fireEvent.click(screen.getByRole("button", { name: "やめる" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(api.requests.filter((r) => r.method === "POST")).toEqual([]);
  });
});
