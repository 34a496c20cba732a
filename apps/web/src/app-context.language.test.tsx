import { useMutation } from "@tanstack/react-query";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { call } from "./api/client";
import { useApp } from "./app-context";
import { ErrorMessage } from "./components/problem-message";
import { useI18n } from "./i18n/i18n";
import { allocation, plan } from "./testing/fixtures";
import { json, OWNER, renderWithApp } from "./testing/render";
import { MyAllocation } from "./views/owner/my-allocation";

/** An API that answers in the language it is asked for, and records what each request asked. */
const bilingualApi = () => {
  const asked: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const language = request.headers.get("accept-language") ?? "(none)";
    asked.push(`${request.method} ${new URL(request.url).pathname} ${language}`);
    if (request.method === "POST")
      return new Response(
        JSON.stringify({
          type: "https://owners.example/problems/plan-sold_out",
          title: language === "en" ? "Sold out" : "完売しました",
          status: 409,
          code: "PLAN.SOLD_OUT",
          detail: language === "en" ? "not enough shares left" : "ご希望の口数が残っていません。",
        }),
        {
          status: 409,
          headers: {
            "content-type": "application/problem+json",
            "content-language": language === "en" ? "en" : "ja",
          },
        },
      );
    return json({
      items: [
        allocation({
          statement: [
            language === "en" ? "Harvest met the plan (100%)." : "収穫は計画どおりでした(100%)。",
          ],
        }),
      ],
    });
  }) as typeof fetch;
  return { fetchImpl, asked };
};

const Switch = () => {
  const { setLang } = useI18n();
  return (
    <button type="button" onClick={() => setLang("en")}>
      to English
    </button>
  );
};

/** A write the API refuses: its problem is shown as received. */
const Reserve = () => {
  const { api } = useApp();
  const reserve = useMutation({
    mutationFn: () =>
      call(
        api.POST("/plans/{id}/reservations", {
          params: { path: { id: "plan_1" }, header: { "idempotency-key": "k-1" } },
          body: { shares: 1 },
        }),
      ),
  });
  return (
    <>
      <button type="button" onClick={() => reserve.mutate()}>
        reserve
      </button>
      <ErrorMessage error={reserve.error} />
    </>
  );
};

describe("the site's language on every API call", () => {
  it("sends Accept-Language with the UI language, and reads statements again after a switch", async () => {
    const api = bilingualApi();
    renderWithApp(
      <>
        <Switch />
        <MyAllocation plan={plan()} ownershipId="own_1" />
      </>,
      { fetchImpl: api.fetchImpl, session: OWNER, lang: "ja" },
    );
    expect(await screen.findByText("収穫は計画どおりでした(100%)。")).toBeTruthy();
    expect(api.asked).toEqual(["GET /api/plans/plan_1/allocations ja"]);

    fireEvent.click(screen.getByRole("button", { name: "to English" }));
    expect(await screen.findByText("Harvest met the plan (100%).")).toBeTruthy();
    expect(api.asked.at(-1)).toBe("GET /api/plans/plan_1/allocations en");
  });

  it("shows a refused write's problem detail as the API wrote it, in the reader's language", async () => {
    const api = bilingualApi();
    renderWithApp(
      <>
        <Switch />
        <Reserve />
      </>,
      { fetchImpl: api.fetchImpl, session: OWNER, lang: "ja" },
    );
    fireEvent.click(screen.getByRole("button", { name: "reserve" }));
    expect(await screen.findByText("ご希望の口数が残っていません。")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "to English" }));
    // The answer in Japanese is not shown to the English reader: the site's own words stay.
    expect(await screen.findByText("Sold out.")).toBeTruthy();
    expect(screen.queryByText("ご希望の口数が残っていません。")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "reserve" }));
    expect(await screen.findByText("not enough shares left")).toBeTruthy();
    await waitFor(() =>
      expect(api.asked).toEqual([
        "POST /api/plans/plan_1/reservations ja",
        "POST /api/plans/plan_1/reservations en",
      ]),
    );
  });
});
