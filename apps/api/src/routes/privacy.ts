import { type AuditSearch, SEARCHABLE_AUDIT_SUBJECTS } from "@owners/app";
import type { AuditEntry } from "@owners/domain";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { respond } from "../http/respond.ts";
import {
  BEARER,
  Id,
  IdParam,
  Instant,
  jsonResponse,
  NoQuery,
  named,
  PageQuery,
  pageOf,
  pageQueryShape,
  problems,
} from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";

const AuditEntrySchema = named(
  "AuditEntry",
  z.object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string(), role: z.string() }),
    action: z.string(),
    subject: z.object({ type: z.string(), id: z.string() }),
    planId: z.optional(z.string()),
    amountYen: z.optional(z.int()),
    before: z.optional(z.record(z.string(), z.unknown())),
    after: z.optional(z.record(z.string(), z.unknown())),
  }),
);

const AuditPage = named(
  "AuditPage",
  z.object({ entries: z.array(AuditEntrySchema), nextCursor: z.nullable(z.string()) }),
);

const auditJson = (entry: AuditEntry) => ({
  id: entry.id,
  at: entry.at,
  actor: { id: entry.actor.id, role: entry.actor.role },
  action: entry.action,
  subject: { type: entry.subject.type, id: entry.subject.id },
  ...(entry.planId !== undefined ? { planId: entry.planId } : {}),
  ...(entry.amountYen !== undefined ? { amountYen: entry.amountYen } : {}),
  ...(entry.before !== undefined ? { before: entry.before } : {}),
  ...(entry.after !== undefined ? { after: entry.after } : {}),
});

const auditPage = (page: { items: readonly AuditEntry[]; nextCursor?: string }) => ({
  entries: page.items.map(auditJson),
  nextCursor: page.nextCursor ?? null,
});

// Every subject an entry can name: comments (moderation) and owners (address changes) included.
const SubjectType = z.enum(SEARCHABLE_AUDIT_SUBJECTS);

const AuditSearchQuery = z.strictObject({
  subjectType: z.optional(SubjectType),
  subjectId: z.optional(Id),
  actorId: z.optional(Id),
  from: z.optional(Instant),
  to: z.optional(Instant),
  ...pageQueryShape,
});

const PersonalDataExportSchema = named(
  "PersonalDataExport",
  z.object({
    personId: z.string(),
    role: z.string(),
    exportedAt: z.string(),
    data: z.record(z.string(), z.unknown()),
  }),
);

const AccountDeletionSchema = named(
  "AccountDeletion",
  z.object({
    personId: z.string(),
    closedAt: z.string(),
    cancelledOwnershipIds: z.array(z.string()),
  }),
);

/** The person's data rights (APPI) and the readable audit trail. */
export const privacyRoutes = ({ privacy }: Pick<UseCases, "privacy">) =>
  new Hono<ApiEnv>()
    .get(
      "/me/export",
      describeRoute({
        tags: ["privacy"],
        summary:
          "Everything held about the signed-in person, as JSON (ACCOUNT.NOT_FOUND once closed)",
        security: BEARER,
        responses: {
          200: jsonResponse(
            "The export, each store's data under its category",
            PersonalDataExportSchema,
          ),
          ...problems(400, 401, 404),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      async (c) => {
        const response = await respond(c, privacy.exportPersonalData(c.var.actor));
        if (response.status === 200)
          response.headers.set(
            "content-disposition",
            `attachment; filename="owners-export-${c.var.actor.id}.json"`,
          );
        return response;
      },
    )
    .delete(
      "/me",
      describeRoute({
        tags: ["privacy"],
        summary:
          "Closes the signed-in person's account: held ownerships cancelled and refunded by the plan's terms, personal data erased, the sign-in deleted; 409 ACCOUNT.DELETION_BLOCKED with the reasons past a cancellation deadline",
        security: BEARER,
        responses: {
          200: jsonResponse("Closed", AccountDeletionSchema),
          ...problems(400, 401, 404, 409),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) => respond(c, privacy.deleteAccount(c.var.actor)),
    )
    .get(
      "/ownerships/:id/history",
      describeRoute({
        tags: ["audit"],
        summary: "An ownership's audit trail, oldest first: its owner, the plan's producer, admins",
        security: BEARER,
        responses: { 200: jsonResponse("Entries", AuditPage), ...problems(400, 401, 403, 404) },
      }),
      requireActor,
      validate("param", IdParam),
      validate("query", NoQuery),
      (c) =>
        respond(c, privacy.ownershipHistory(c.var.actor, c.req.valid("param").id), 200, (entries) =>
          auditPage({ items: entries }),
        ),
    )
    .get(
      "/plans/:id/history",
      describeRoute({
        tags: ["audit"],
        summary: "A plan's audit trail, oldest first, a page at a time: its producer and admins",
        security: BEARER,
        responses: { 200: jsonResponse("Entries", AuditPage), ...problems(400, 401, 403, 404) },
      }),
      requireActor,
      validate("param", IdParam),
      validate("query", PageQuery),
      (c) =>
        respond(
          c,
          privacy.planHistory(c.var.actor, c.req.valid("param").id, pageOf(c.req.valid("query"))),
          200,
          auditPage,
        ),
    )
    .get(
      "/admin/audit",
      describeRoute({
        tags: ["audit", "admin"],
        summary:
          "Admins search the audit trail by subject (subjectType + subjectId) or actor, within from..to; each search is one index query",
        security: BEARER,
        responses: { 200: jsonResponse("Entries", AuditPage), ...problems(400, 401, 403) },
      }),
      requireActor,
      validate("query", AuditSearchQuery),
      (c) => {
        const { limit, cursor, ...search } = c.req.valid("query");
        return respond(
          c,
          privacy.searchAudit(
            c.var.actor,
            Object.fromEntries(
              Object.entries(search).filter(([, v]) => v !== undefined),
            ) as AuditSearch,
            pageOf({ limit, cursor }),
          ),
          200,
          auditPage,
        );
      },
    );
