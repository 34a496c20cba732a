import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError, problemOf } from "../api/problem";
import { renderWithApp } from "../testing/render";
import { QueryContent } from "./query-content";

const unavailable = new ApiError(problemOf({ title: "busy", code: "STORE.UNAVAILABLE" }, 503));

const show = (data: string | undefined, error: unknown) =>
  renderWithApp(<QueryContent query={{ data, error }}>{(text) => <p>{text}</p>}</QueryContent>);

describe("QueryContent", () => {
  it("says it is loading while there is neither data nor a problem", () => {
    show(undefined, null);
    expect(screen.getByRole("status").textContent).toBe("読み込み中…");
  });

  it("shows the translated problem when the first answer failed", () => {
    show(undefined, unavailable);
    expect(screen.getByRole("alert").textContent).toContain(
      "混み合っています。少し待ってからもう一度お試しください。",
    );
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("keeps the content after a failed refetch, with the problem above it", () => {
    show("いちじく", unavailable);
    expect(screen.getByText("いちじく")).toBeTruthy();
    expect(screen.getByRole("alert")).toBeTruthy();
  });
});
