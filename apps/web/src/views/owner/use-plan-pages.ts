import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { call } from "../../api/client";
import { useApp } from "../../app-context";
import { queryKeys } from "../../queries/query-keys";

const PAGE = 24;

/**
 * The catalogue for the API's own filters ("" for any), a page at a time, each fetched with the
 * cursor of the one before.
 */
export const usePlanPages = (filters: { readonly category: string; readonly region: string }) => {
  const { api } = useApp();
  const query = {
    ...(filters.category === "" ? {} : { category: filters.category }),
    ...(filters.region === "" ? {} : { region: filters.region }),
  };
  return useInfiniteQuery({
    queryKey: queryKeys.catalogue(query),
    queryFn: ({ pageParam }) =>
      call(
        api.GET("/plans", {
          params: {
            query: {
              limit: PAGE,
              ...query,
              ...(pageParam === undefined ? {} : { cursor: pageParam }),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
    // Changing a filter keeps the plans shown until the new list arrives.
    placeholderData: keepPreviousData,
  });
};
