import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useApp } from "./app-context";
import { queryKeys } from "./queries/query-keys";
import { ownership } from "./testing/fixtures";
import { OWNER, renderWithApp, testQueryClient } from "./testing/render";

const SignOut = () => {
  const { setToken } = useApp();
  return (
    <button type="button" onClick={() => setToken(undefined)}>
      sign out
    </button>
  );
};

describe("AppProvider", () => {
  it("drops every cached answer when the session changes: the next person sees none of them", () => {
    const queryClient = testQueryClient();
    queryClient.setQueryData(queryKeys.myOwnerships(), { items: [ownership()] });
    queryClient.setQueryData(queryKeys.myAddress(), { address: null, version: 3 });
    renderWithApp(<SignOut />, { session: OWNER, queryClient });
    fireEvent.click(screen.getByRole("button", { name: "sign out" }));
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
  });
});
