import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, json, OWNER, problem, renderWithApp } from "../../testing/render";
import { ApplyPage } from "./apply";

const application = (overrides = {}) => ({
  id: OWNER.sub,
  applicantId: OWNER.sub,
  status: "pending",
  farmName: "小林果樹園",
  prefecture: "山形県",
  products: ["さくらんぼ"],
  story: "三代続く果樹園です。",
  disclosure: {
    legalName: "小林 一郎",
    address: "山形県東根市1-2-3",
    phone: "023-123-4567",
    email: "ichiro@example.jp",
    responsiblePerson: "小林 一郎",
    pricesAndFees: "各プランに表示",
    deliveryTime: "収穫後3日以内",
    returnsAndCancellation: "締切まで全額返金",
  },
  submittedAt: "2026-12-01T09:00:00.000Z",
  version: 1,
  ...overrides,
});

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("/apply", () => {
  it("an owner without an application fills the form with the seller disclosure and applies", async () => {
    const { fetchImpl, requests } = fakeApi((method, path, body) => {
      if (method === "GET" && path === "/producer-applications/mine")
        return problem(404, "APPLICATION.NOT_FOUND");
      if (method === "POST") return json(application(body as object), 201);
      return json({});
    });
    renderWithApp(<ApplyPage />, { fetchImpl, session: OWNER });
    await screen.findByRole("form", { name: "生産者として申し込む" });
    fill("農園・事業者名", "小林果樹園");
    fill("都道府県", "山形県");
    fill("産品（1行に1つ）", "さくらんぼ\n\n ラ・フランス ");
    fill("ストーリー", "三代続く果樹園です。");
    const d = application().disclosure;
    fill("販売業者（氏名または名称）", d.legalName);
    fill("所在地", d.address);
    fill("電話番号", d.phone);
    fill("メールアドレス", d.email);
    fill("運営責任者", d.responsiblePerson);
    fill("販売価格・手数料・送料", d.pricesAndFees);
    fill("引渡し時期", d.deliveryTime);
    fill("返品・キャンセル", d.returnsAndCancellation);
    fireEvent.click(screen.getByRole("button", { name: "申し込む" }));
    expect(await screen.findByText("審査中です。結果はお知らせでお届けします。")).toBeTruthy();
    const sent = requests.find((r) => r.method === "POST");
    expect(sent?.path).toBe("/producer-applications");
    expect(sent?.body).toMatchObject({ products: ["さくらんぼ", "ラ・フランス"], disclosure: d });
  });

  it("shows the API's failing fields", async () => {
    const { fetchImpl } = fakeApi((method) =>
      method === "GET"
        ? problem(404, "APPLICATION.NOT_FOUND")
        : new Response(
            JSON.stringify({
              title: "incomplete",
              status: 400,
              code: "APPLICATION.INVALID",
              fields: [{ field: "disclosure.email", message: "must be an email address" }],
            }),
            { status: 400, headers: { "content-type": "application/problem+json" } },
          ),
    );
    renderWithApp(<ApplyPage />, { fetchImpl, session: OWNER });
    const form = await screen.findByRole("form", { name: "生産者として申し込む" });
    fireEvent.submit(form);
    expect(await screen.findByText("申し込みの内容に足りないところがあります。")).toBeTruthy();
    expect(screen.getByText("disclosure.email")).toBeTruthy();
  });

  it("shows a rejection's reason and offers the form again, prefilled", async () => {
    const { fetchImpl } = fakeApi(() =>
      json(application({ status: "rejected", rejectionReason: "連絡先が確認できません" })),
    );
    renderWithApp(<ApplyPage />, { fetchImpl, session: OWNER, lang: "en" });
    expect(
      await screen.findByText("Not approved this time. Reason: 連絡先が確認できません"),
    ).toBeTruthy();
    expect((screen.getByLabelText("Farm or business name") as HTMLInputElement).value).toBe(
      "小林果樹園",
    );
    expect(screen.getByRole("button", { name: "Correct it and apply again" })).toBeTruthy();
  });

  it("tells an approved applicant to sign in again, with no form", async () => {
    const { fetchImpl } = fakeApi(() => json(application({ status: "approved" })));
    renderWithApp(<ApplyPage />, { fetchImpl, session: OWNER });
    expect(await screen.findByText(/承認されました/)).toBeTruthy();
    expect(screen.queryByRole("form")).toBeNull();
  });
});
