import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call } from "../api/client";
import type { components } from "../api/generated/schema";
import { useApp } from "../app-context";

export type InboxItem = components["schemas"]["InboxItem"];
export type NotificationPreferences = components["schemas"]["NotificationPreferences"];
export type OptionalCategory = Exclude<keyof NotificationPreferences, "account">;

/** The notices lane's keys: the inbox, its unread count and the preferences, under "me". */
export const noticeKeys = {
  all: () => ["me", "notifications"] as const,
  inbox: () => ["me", "notifications", "inbox"] as const,
  unread: () => ["me", "notifications", "unread"] as const,
  preferences: () => ["me", "notification-preferences"] as const,
};

/** How often the header asks for the unread count while the site is open. */
const UNREAD_REFRESH_MS = 60_000;

export const useUnreadCount = (enabled: boolean) => {
  const { api } = useApp();
  return useQuery({
    queryKey: noticeKeys.unread(),
    queryFn: () => call(api.GET("/me/notifications/unread-count")),
    enabled,
    refetchInterval: UNREAD_REFRESH_MS,
  });
};

export const useInbox = () => {
  const { api } = useApp();
  return useInfiniteQuery({
    queryKey: noticeKeys.inbox(),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET("/me/notifications", {
          params: { query: pageParam === undefined ? {} : { cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor,
  });
};

/** Marks one (id) or every (no id) notification read, then refreshes the inbox and the count. */
export const useMarkRead = () => {
  const { api } = useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id?: string): Promise<void> => {
      if (id === undefined) await call(api.POST("/me/notifications/read-all"));
      else await call(api.POST("/me/notifications/{id}/read", { params: { path: { id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticeKeys.all() }),
  });
};

export const usePreferences = () => {
  const { api } = useApp();
  return useQuery({
    queryKey: noticeKeys.preferences(),
    queryFn: () => call(api.GET("/me/notification-preferences")),
  });
};

export const useSavePreferences = () => {
  const { api } = useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<Record<OptionalCategory, boolean>>) =>
      call(api.PUT("/me/notification-preferences", { body: changes })),
    onSuccess: (saved) => queryClient.setQueryData(noticeKeys.preferences(), saved),
  });
};
