import { act, fireEvent, screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { queryKeys } from "../../queries/query-keys";
import { plan } from "../../testing/fixtures";
import { fakeApi, json, renderWithApp, testQueryClient } from "../../testing/render";
import { EditPlanPage } from "./plan-form";

describe("EditPlanPage", () => {
  it("saves against the version it opened, even after the cache has read a newer one", async () => {
    let reads = 0;
    const api = fakeApi((method) => {
      if (method === "PATCH") return json(plan({ title: "新しい題", version: 2 }));
      reads += 1;
      // Someone else edits the plan while this form is open.
      return json(reads === 1 ? plan() : plan({ description: "別の人の説明", version: 2 }));
    });
    const queryClient = testQueryClient();
    renderWithApp(
      <Routes>
        <Route path="/producer/plans/:id/edit" element={<EditPlanPage />} />
      </Routes>,
      { fetchImpl: api.fetchImpl, queryClient, at: "/producer/plans/plan_1/edit" },
    );
    fireEvent.change(await screen.findByLabelText("タイトル"), { target: { value: "新しい題" } });
    await act(async () => {
      await queryClient.refetchQueries({ queryKey: queryKeys.plan("plan_1") });
      // TanStack Query tells its observers on a later tick: let the page re-render first.
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(reads).toBe(2);

    fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    const patch = await vi.waitFor(() => {
      const sent = api.requests.find((r) => r.method === "PATCH");
      if (sent === undefined) throw new Error("no PATCH yet");
      return sent;
    });
    expect(patch.headers.get("if-match")).toBe('"1"');
    expect(patch.body).toEqual({ title: "新しい題" });
  });
});
