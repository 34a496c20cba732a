import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AppRoutes } from "../../app";
import type { Session } from "../../auth/session";
import { plan } from "../../testing/fixtures";
import { fakeApi, json, OWNER, problem, type Recorded, renderWithApp } from "../../testing/render";

const ADMIN: Session = { token: "admin-token", sub: "root", role: "admin" };

afterEach(cleanup);

const visit = (
  at: string,
  answer: (method: string, path: string, body: unknown, url: URL) => Response,
  session: Session = ADMIN,
) => {
  const urls: URL[] = [];
  const requests: Recorded[] = [];
  // fakeApi records paths; the plans and audit tests also need each request's query string.
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(new Request(input, init).url);
    urls.push(url);
    const one = fakeApi((method, path, body) => answer(method, path, body, url));
    const response = await one.fetchImpl(input, init);
    requests.push(...one.requests);
    return response;
  }) as typeof fetch;
  renderWithApp(<AppRoutes />, { fetchImpl, at, session });
  return { requests, urls };
};

const comment = (
  id: string,
  body: string,
  hidden?: { reason: string; by: string; at: string },
) => ({
  id,
  updateId: "upd_1",
  authorId: "owner-sato",
  body,
  postedAt: "2026-06-01T00:00:00.000Z",
  ...(hidden === undefined ? {} : { hidden }),
});

describe("the admin console", () => {
  it("shows admins its navigation, applications included, and nobody else", async () => {
    visit("/admin", () => json({}));
    const nav = await screen.findByRole("navigation", { name: "コンソールのメニュー" });
    expect(
      within(nav)
        .getAllByRole("link")
        .map((a) => a.getAttribute("href")),
    ).toEqual([
      "/admin/applications",
      "/admin/plans",
      "/admin/comments",
      "/admin/disputes",
      "/admin/batches",
      "/admin/audit",
    ]);
    cleanup();
    visit("/admin", () => json({}), OWNER);
    expect(await screen.findByText("この画面を見るにはログインしてください。")).toBeTruthy();
    expect(screen.queryByRole("navigation", { name: "コンソールのメニュー" })).toBeNull();
  });

  it("hides a comment with the reason the admin typed", async () => {
    let hidden = false;
    const { requests } = visit("/admin/comments", (method, path) => {
      if (method === "POST" && path === "/admin/comments/cmt_2/hide") {
        hidden = true;
        return json(
          comment("cmt_2", "激安", { reason: "広告", by: "root", at: "2026-06-02T00:00:00.000Z" }),
        );
      }
      if (path === "/admin/comments")
        return json({
          items: [
            comment(
              "cmt_2",
              "激安",
              hidden ? { reason: "広告", by: "root", at: "2026-06-02T00:00:00.000Z" } : undefined,
            ),
            comment("cmt_1", "前に隠した", {
              reason: "暴言",
              by: "root",
              at: "2026-06-01T01:00:00.000Z",
            }),
          ],
        });
      return problem(404, "NOT_FOUND");
    });
    const row = await screen.findByTestId("console-comment-cmt_2");
    expect(
      within(screen.getByTestId("console-comment-cmt_1")).getByText(/非表示：暴言/),
    ).toBeTruthy();
    fireEvent.click(within(row).getByRole("button", { name: "非表示にする" }));
    const submit = within(row).getByRole("button", { name: "非表示にして投稿者に知らせる" });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(row).getByLabelText("非表示にする理由（投稿者に伝わります）"), {
      target: { value: " 広告 " },
    });
    fireEvent.click(submit);
    expect(await screen.findByText("非表示にしました。投稿者に通知します。")).toBeTruthy();
    expect(requests.filter((r) => r.method === "POST")).toEqual([
      expect.objectContaining({ path: "/admin/comments/cmt_2/hide", body: { reason: "広告" } }),
    ]);
  });

  it("says what the owners get back before cancelling, and shows a cancelled plan's refunds", async () => {
    const { requests, urls } = visit("/admin/plans", (method, path, _body, url) => {
      if (method === "POST" && path === "/plans/plan_1/cancel")
        return json({ plan: plan({ status: "cancelled" }) });
      if (path === "/plans" && url.searchParams.get("status") === "cancelled")
        return json({ items: [plan({ id: "plan_9", title: "中止した柿", status: "cancelled" })] });
      if (path === "/plans") return json({ items: [plan({ sharesSold: 4 })] });
      if (path === "/plans/plan_1/refund-progress")
        return json({ owners: 3, refunded: 0, refundedYen: 0, pendingYen: 27200 });
      if (path === "/plans/plan_9/refund-progress")
        return json({ owners: 4, refunded: 3, refundedYen: 15000, pendingYen: 5000 });
      if (path === "/plans/plan_9/money")
        return json({
          chargedYen: 20000,
          refundedYen: 15000,
          feesYen: 500,
          payoutYen: 4500,
          creditIssuedYen: 0,
          creditSpentYen: 0,
          pendingYen: 0,
          refundsPendingYen: 5000,
          refunds: { pending: 1, succeeded: 3, failed: 0 },
          sharesToRelease: 1,
        });
      return problem(404, "NOT_FOUND");
    });
    const row = await screen.findByTestId("console-plan-plan_1");
    fireEvent.click(within(row).getByRole("button", { name: "中止する…" }));
    const dialog = within(row).getByRole("alertdialog");
    expect(dialog.textContent).toContain("全額返金");
    expect(dialog.textContent).toContain("4口分");
    expect((await within(dialog).findByTestId("cancel-refund-summary")).textContent).toBe(
      "オーナー 3人に、支払った全額（合計 27,200円）を返金します。",
    );
    fireEvent.change(within(dialog).getByLabelText("中止の理由（オーナーに伝わります）"), {
      target: { value: "台風で全滅しました" },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "中止して全額返金する" }));
    expect(await screen.findByText("中止しました。返金はバッチで順に行われます。")).toBeTruthy();
    expect(requests.find((r) => r.method === "POST")).toMatchObject({
      path: "/plans/plan_1/cancel",
      body: { reason: "台風で全滅しました" },
    });
    expect(urls[0]?.searchParams.get("status")).toBe("open");

    fireEvent.change(screen.getByLabelText("状態"), { target: { value: "cancelled" } });
    const refunds = await screen.findByTestId("refunds-plan_9");
    expect(refunds.textContent).toContain("完了 3件・処理中 1件・失敗 0件");
    expect(refunds.textContent).toContain("まだ返していない口数：1");
    expect((await within(refunds).findByTestId("refund-progress-plan_9")).textContent).toContain(
      "オーナー 4人中 3人に返金しました",
    );
  });

  it("lists disputes and reconciliation mismatches", async () => {
    visit("/admin/disputes", (_method, path) => {
      if (path === "/admin/disputes")
        return json({
          items: [
            {
              id: "own_1",
              planId: "plan_1",
              ownerId: "owner-sato",
              status: "active",
              shares: 1,
              totalYen: 6800,
              reservedAt: "2026-06-01T00:00:00.000Z",
              chargedYen: 6800,
              disputed: true,
            },
          ],
        });
      if (path === "/admin/reconciliation")
        return json({
          mismatches: [
            {
              planId: "plan_2",
              ledger: { chargedYen: 1000, refundedYen: 0, feesYen: 100, payoutYen: 900 },
              processor: { chargedYen: 2000, refundedYen: 0, feesYen: 200, payoutYen: 1800 },
              detectedAt: "2026-06-03T00:00:00.000Z",
            },
          ],
        });
      return problem(404, "NOT_FOUND");
    });
    expect((await screen.findByTestId("console-disputes")).textContent).toContain("owner-sato");
    const mismatches = await screen.findByTestId("console-mismatches");
    expect(mismatches.textContent).toContain("plan_2");
    expect(mismatches.textContent).toMatch(/1,000.*2,000/);
  });

  it("shows each batch's runs with progress and last report, and runs one now", async () => {
    const report = {
      batch: "close-sales",
      scope: "all",
      runId: "run_1",
      outcome: "finished",
      resumed: false,
      chunksThisInvocation: 2,
      chunks: 2,
      counts: { plansClosed: 3 },
      problems: [{ item: "plan_x", code: "PLAN.NOT_FOUND", message: "gone" }],
      startedAt: "2026-06-01T00:00:00.000Z",
      updatedAt: "2026-06-01T00:01:00.000Z",
    };
    const { requests } = visit("/admin/batches", (method, path) => {
      if (method === "POST" && path === "/admin/batches/close-sales") return json(report);
      if (path === "/admin/batch-runs")
        return json({
          batches: [
            {
              name: "close-sales",
              runs: [
                {
                  batch: "close-sales",
                  scope: "all",
                  runId: "run_1",
                  status: "finished",
                  startedAt: report.startedAt,
                  updatedAt: report.updatedAt,
                  chunks: 2,
                  counts: { plansClosed: 3 },
                  lastReport: report,
                },
              ],
            },
            { name: "expire-offers", runs: [] },
          ],
        });
      return problem(404, "NOT_FOUND");
    });
    const closeSales = await screen.findByTestId("batch-close-sales");
    expect(closeSales.textContent).toContain("完了");
    expect(closeSales.textContent).toContain("plansClosed 3");
    expect(closeSales.textContent).toContain("問題 1件");
    expect(screen.getByTestId("batch-expire-offers").textContent).toContain(
      "まだ実行されていません",
    );
    fireEvent.click(within(closeSales).getByRole("button", { name: "今すぐ実行" }));
    expect(await within(closeSales).findByRole("status")).toBeTruthy();
    expect(
      requests.some((r) => r.method === "POST" && r.path === "/admin/batches/close-sales"),
    ).toBe(true);
  });

  it("searches the audit log by subject and actor", async () => {
    const { urls } = visit("/admin/audit", (_method, path) => {
      if (path === "/admin/audit")
        return json({
          entries: [
            {
              id: "aud_1",
              at: "2026-06-02T00:00:00.000Z",
              actor: { id: "root", role: "admin" },
              action: "comment.hidden",
              subject: { type: "comment", id: "cmt_2" },
              planId: "plan_1",
            },
          ],
        });
      return problem(404, "NOT_FOUND");
    });
    fireEvent.change(await screen.findByLabelText("対象の種類"), { target: { value: "comment" } });
    fireEvent.change(screen.getByLabelText("対象のID"), { target: { value: "cmt_2" } });
    fireEvent.change(screen.getByLabelText("実行者のID"), { target: { value: "root" } });
    fireEvent.click(screen.getByRole("button", { name: "検索" }));
    const table = await screen.findByTestId("console-audit");
    expect(table.textContent).toContain("comment.hidden");
    await waitFor(() => expect(urls.some((u) => u.pathname.endsWith("/admin/audit"))).toBe(true));
    const asked = urls.find((u) => u.pathname.endsWith("/admin/audit")) as URL;
    expect(Object.fromEntries(asked.searchParams)).toEqual({
      subjectType: "comment",
      subjectId: "cmt_2",
      actorId: "root",
    });
  });
});
