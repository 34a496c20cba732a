import { describePhotoUploadVerification } from "@owners/app/testing";
import { afterAll, beforeAll } from "vitest";
import { type S3rverFixture, startS3rverFixture } from "./testing/s3rver-harness.ts";

let fixture: S3rverFixture;
beforeAll(async () => {
  fixture = await startS3rverFixture();
});
afterAll(async () => {
  await fixture.stop();
});

// s3rver enforces none of the form's conditions, so every rejection here is the app's own check.
describePhotoUploadVerification("S3 on s3rver (real HTTP uploads)", () => fixture.harness());
