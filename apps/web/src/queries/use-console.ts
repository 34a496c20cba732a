import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { call } from "../api/client";
import type { operations } from "../api/generated/schema";
import type { PlanStatus } from "../api/types";
import { useApp } from "../app-context";

/** The console's own cache keys (admins' reads, refreshed after each console action). */
export const consoleKeys = {
  all: () => ["console"] as const,
  plans: (status: PlanStatus) => ["console", "plans", status] as const,
  comments: () => ["console", "comments"] as const,
  disputes: () => ["console", "disputes"] as const,
  mismatches: () => ["console", "mismatches"] as const,
  batchRuns: () => ["console", "batch-runs"] as const,
  audit: (query: AuditQuery) => ["console", "audit", query] as const,
};

/** Plans in one status, newest first, page by page. */
export const useConsolePlans = (status: PlanStatus) => {
  const { api } = useApp();
  return useInfiniteQuery({
    queryKey: consoleKeys.plans(status),
    queryFn: ({ pageParam }) =>
      call(
        api.GET("/plans", {
          params: {
            query: { status, limit: 20, ...(pageParam === undefined ? {} : { cursor: pageParam }) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
  });
};

/** Every comment, newest first, hidden ones marked. */
export const useConsoleComments = () => {
  const { api } = useApp();
  return useInfiniteQuery({
    queryKey: consoleKeys.comments(),
    queryFn: ({ pageParam }) =>
      call(
        api.GET("/admin/comments", {
          params: {
            query: { limit: 20, ...(pageParam === undefined ? {} : { cursor: pageParam }) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
  });
};

export const useDisputes = () => {
  const { api } = useApp();
  return useQuery({
    queryKey: consoleKeys.disputes(),
    queryFn: () => call(api.GET("/admin/disputes", { params: { query: { limit: 100 } } })),
  });
};

export const useMismatches = () => {
  const { api } = useApp();
  return useQuery({
    queryKey: consoleKeys.mismatches(),
    queryFn: () => call(api.GET("/admin/reconciliation")),
  });
};

export const useBatchRuns = () => {
  const { api } = useApp();
  return useQuery({
    queryKey: consoleKeys.batchRuns(),
    queryFn: () => call(api.GET("/admin/batch-runs")),
    // A running batch moves on: its progress is worth a look every few seconds.
    refetchInterval: 5_000,
  });
};

/** GET /admin/audit's filters; empty ones are left out of the request. */
export type AuditQuery = Omit<
  NonNullable<operations["getAdminAudit"]["parameters"]["query"]>,
  "cursor" | "limit"
>;

export const useAuditSearch = (query: AuditQuery | undefined) => {
  const { api } = useApp();
  return useInfiniteQuery({
    queryKey: consoleKeys.audit(query ?? {}),
    queryFn: ({ pageParam }) =>
      call(
        api.GET("/admin/audit", {
          params: {
            query: {
              ...Object.fromEntries(
                Object.entries(query ?? {}).filter(
                  ([, value]) => value !== undefined && value !== "",
                ),
              ),
              ...(pageParam === undefined ? {} : { cursor: pageParam }),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: query !== undefined,
  });
};
