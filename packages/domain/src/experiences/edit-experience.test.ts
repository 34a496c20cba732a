import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { PRODUCER, planIn, rightOf, T } from "../plans/terms.fixtures.ts";
import { experienceId, producerId } from "../shared/ids.ts";
import { editExperience } from "./edit-experience.ts";
import { createExperience } from "./experience.ts";

const experience = {
  ...rightOf(
    createExperience({
      id: experienceId("exp-1"),
      plan: planIn("open"),
      actorProducerId: PRODUCER,
      title: "Fig picking",
      startsAt: "2026-09-05T01:00:00.000Z",
      capacity: 10,
      location: "Gate",
      now: T.during,
    }),
  ),
  seatsBooked: 6,
};

describe("editExperience", () => {
  it("changes the meeting point, title and start, bumping the version", () => {
    const edited = rightOf(
      editExperience(experience, PRODUCER, { location: " Barn ", title: "Figs" }, T.during),
    );
    expect(edited).toMatchObject({ location: "Barn", title: "Figs", version: 2, seatsBooked: 6 });
    expect(rightOf(editExperience(experience, PRODUCER, { location: "" }, T.during)).location).toBe(
      undefined,
    );
  });

  it("never drops the capacity below the seats booked, nor edits another's or a started one", () => {
    const below = editExperience(experience, PRODUCER, { capacity: 5 }, T.during);
    expect(E.isLeft(below) && below.left._tag).toBe("EXPERIENCE.INVALID");
    expect(E.isRight(editExperience(experience, PRODUCER, { capacity: 6 }, T.during))).toBe(true);
    const other = editExperience(experience, producerId("someone"), { title: "x" }, T.during);
    expect(E.isLeft(other) && other.left._tag).toBe("PLAN.NOT_PRODUCER");
    const late = editExperience(experience, PRODUCER, { title: "x" }, experience.startsAt);
    expect(E.isLeft(late) && late.left._tag).toBe("EXPERIENCE.CLOSED");
  });
});
