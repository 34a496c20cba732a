import { useQuery } from "@tanstack/react-query";
import { call } from "../api/client";
import { useApp } from "../app-context";
import { queryKeys } from "./query-keys";

/** One plan, shared by every page and card that shows it (one request for all of them). */
export const usePlan = (planId: string) => {
  const { api } = useApp();
  return useQuery({
    queryKey: queryKeys.plan(planId),
    queryFn: () => call(api.GET("/plans/{id}", { params: { path: { id: planId } } })),
  });
};
