import { useQuery } from "@tanstack/react-query";
import { call } from "../api/client";
import { useApp } from "../app-context";
import { queryKeys } from "./query-keys";

/** The signed-in owner's store credit per producer. */
export const useMyCredits = (enabled = true) => {
  const { api } = useApp();
  return useQuery({
    queryKey: queryKeys.myCredits(),
    queryFn: () => call(api.GET("/me/credits")),
    enabled,
  });
};

/** The signed-in producer's payout account (onboarding state). */
export const usePayoutAccount = () => {
  const { api } = useApp();
  return useQuery({
    queryKey: queryKeys.payoutAccount(),
    queryFn: () => call(api.GET("/producers/me/payout-account")),
  });
};

/** One plan's money statement (its producer and admins). */
export const usePlanMoney = (planId: string) => {
  const { api } = useApp();
  return useQuery({
    queryKey: queryKeys.planMoney(planId),
    queryFn: () => call(api.GET("/plans/{id}/money", { params: { path: { id: planId } } })),
  });
};
