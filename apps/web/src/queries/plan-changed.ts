import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "./query-keys";

/**
 * After a write that changes a plan's own fields or counters (shares sold, status, price,
 * photos): the plan, its quotes (tiers depend on shares sold) and every list showing it.
 */
export const invalidatePlan = (queryClient: QueryClient, planId: string): Promise<void> =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.plan(planId), exact: true }),
    queryClient.invalidateQueries({ queryKey: queryKeys.quotes(planId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.planLists() }),
  ]).then(() => undefined);
