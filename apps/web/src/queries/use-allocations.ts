import { useQuery } from "@tanstack/react-query";
import { call } from "../api/client";
import type { OwnershipAllocation } from "../api/types";
import { useApp } from "../app-context";
import { queryKeys } from "./query-keys";

/**
 * A plan's allocations as the API shows them to the reader: every ownership's to its producer,
 * only the owner's own rows to an owner (one request shared by all of its cards of the plan).
 */
export const useAllocations = <T = readonly OwnershipAllocation[]>(
  planId: string,
  select?: (rows: readonly OwnershipAllocation[]) => T,
) => {
  const { api } = useApp();
  return useQuery({
    queryKey: queryKeys.allocations(planId),
    queryFn: async () =>
      (
        await call(
          api.GET("/plans/{id}/allocations", {
            params: { path: { id: planId }, query: { limit: 100 } },
          }),
        )
      ).items,
    ...(select === undefined ? {} : { select }),
  });
};
