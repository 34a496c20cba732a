import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { plan } from "../../testing/fixtures";
import { json, renderWithApp } from "../../testing/render";
import { PlanListPage } from "./plan-list";

describe("PlanListPage", () => {
  it("asks the API for a category, and loads the next page with the cursor", async () => {
    const requests: URLSearchParams[] = [];
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const query = new URL(new Request(input, init).url).searchParams;
      requests.push(query);
      if (query.get("cursor") === "c2")
        return json({ items: [plan({ id: "plan_2", title: "二ページ目のりんご" })] });
      return json({ items: [plan({ title: "一ページ目のいちじく" })], nextCursor: "c2" });
    }) as typeof fetch;
    renderWithApp(<PlanListPage />, { fetchImpl });
    expect(await screen.findByText("一ページ目のいちじく")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "もっと見る" }));
    expect(await screen.findByText("二ページ目のりんご")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "もっと見る" })).toBeNull();

    fireEvent.change(screen.getByLabelText("カテゴリ"), { target: { value: "seafood" } });
    await screen.findAllByText("一ページ目のいちじく");
    expect(requests.map((q) => `${q.get("category") ?? "-"} ${q.get("cursor") ?? "-"}`)).toEqual([
      "- -",
      "- c2",
      "seafood -",
    ]);
  });
});
