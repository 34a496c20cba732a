import { describe, expect, it } from "vitest";
import {
  isPlainKeyUnder,
  parsePendingKey,
  parsePhotoKey,
  pendingKey,
  photoKey,
  uploaderPrefix,
  verifiedPrefix,
} from "./photo-key.ts";

describe("photo keys", () => {
  it("round-trips a key built for an uploader", () => {
    const parts = { uploaderId: "owner_01J", fileId: "photo_01K", type: "image/webp" };
    const upload = pendingKey("owner_01J", "photo_01K", "image/webp");
    expect(upload).toBe("uploads/pending/owner_01J/photo_01K.webp");
    expect(parsePendingKey(upload)).toEqual(parts);
    expect(upload.startsWith(uploaderPrefix("owner_01J"))).toBe(true);
    const photo = photoKey("owner_01J", "photo_01K", "image/webp");
    expect(photo).toBe("photos/owner_01J/photo_01K.webp");
    expect(parsePhotoKey(photo)).toEqual(parts);
    expect(photo.startsWith(verifiedPrefix("owner_01J"))).toBe(true);
    // Neither kind passes for the other: a form can never name a verified photo.
    expect(parsePhotoKey(upload)).toBeUndefined();
    expect(parsePendingKey(photo)).toBeUndefined();
  });

  it("does not let one uploader's prefix cover another's files", () => {
    expect(photoKey("ab", "x", "image/png").startsWith(uploaderPrefix("a"))).toBe(false);
  });

  it("refuses keys with traversal, nesting, unknown extensions or outside the uploads root", () => {
    for (const key of [
      "uploads/owner_1/../owner_2/x.png",
      "uploads/owner_1/sub/x.png",
      "uploads/owner_1/x.gif",
      "uploads/owner_1/x.PNG",
      "uploads/owner_1/x",
      "exports/owner_1/x.png",
      "uploads//x.png",
      "uploads/owner_1/x.png/",
    ]) {
      expect(parsePendingKey(key.replace("uploads/", "uploads/pending/")), key).toBeUndefined();
      expect(parsePhotoKey(key.replace("uploads/", "photos/")), key).toBeUndefined();
    }
  });

  it("calls a key plain only when no segment could climb out of the prefix", () => {
    expect(isPlainKeyUnder("uploads/me/", "uploads/me/nested/evil.png")).toBe(true);
    expect(isPlainKeyUnder("uploads/me/", "uploads/me/x.tar.gz")).toBe(true);
    for (const key of [
      "uploads/me/../you/x.png",
      "uploads/me/./x.png",
      "uploads/me//x.png",
      "uploads/me/",
      "uploads/you/x.png",
      "uploads/me/a b.png",
    ]) {
      expect(isPlainKeyUnder("uploads/me/", key), key).toBe(false);
    }
  });
});
