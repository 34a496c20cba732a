/** Who is calling a use case, as established by authentication at the edge. */
export type Role = "producer" | "owner" | "admin";

export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly name?: string;
}

/** The batches and the scheduler act as this actor in audit entries. */
export const SYSTEM_ACTOR: Actor = { id: "system", role: "admin", name: "OWNERS batch" };
