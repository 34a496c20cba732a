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

/**
 * A plan's cancellation refunds (its producer and admins). While a cancelled plan's refunds are
 * under way it is read again every few seconds, so the count moves as the batch works.
 */
export const useRefundProgress = (planId: string, { follow = false } = {}) => {
  const { api } = useApp();
  return useQuery({
    queryKey: queryKeys.refundProgress(planId),
    queryFn: () =>
      call(api.GET("/plans/{id}/refund-progress", { params: { path: { id: planId } } })),
    refetchInterval: (query) =>
      follow &&
      query.state.data !== undefined &&
      query.state.data.refunded < query.state.data.owners
        ? 5000
        : false,
  });
};
