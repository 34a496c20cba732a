import { useQuery } from "@tanstack/react-query";
import { call } from "../api/client";
import { useApp } from "../app-context";
import { queryKeys } from "./query-keys";

/** A plan's shipments as the API shows them: all to its producer, an owner's own to an owner. */
export const useShipments = (planId: string) => {
  const { api } = useApp();
  return useQuery({
    queryKey: queryKeys.shipments(planId),
    queryFn: () =>
      call(
        api.GET("/plans/{id}/shipments", {
          params: { path: { id: planId }, query: { limit: 100 } },
        }),
      ),
  });
};
