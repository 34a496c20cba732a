import { type QueryClient, useQuery } from "@tanstack/react-query";
import { call } from "../api/client";
import { useApp } from "../app-context";
import { invalidatePlan } from "./plan-changed";
import { queryKeys } from "./query-keys";

/** Under the plan's key, so whatever refreshes a plan's parts refreshes its parcels too. */
export const parcelsKey = (planId: string) => [...queryKeys.plan(planId), "parcels"] as const;

/** A plan's parcels with tracking links: all to its producer, an owner's own to an owner. */
export const useParcels = (planId: string) => {
  const { api } = useApp();
  return useQuery({
    queryKey: parcelsKey(planId),
    queryFn: () =>
      call(
        api.GET("/plans/{id}/parcels", {
          params: { path: { id: planId }, query: { limit: 100 } },
        }),
      ),
  });
};

/** A parcel moved: its list, and the plan (its status may have become shipped or completed). */
export const parcelMoved = (queryClient: QueryClient, planId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: parcelsKey(planId) }),
    invalidatePlan(queryClient, planId),
  ]);
