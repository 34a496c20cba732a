import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { eachInOrder } from "../../all-pages.ts";
import type { BlobStore } from "../../ports/blob-store.ts";
import type { PersonalDataHolder } from "../../ports/personal-data.ts";
import { isSafeKeySegment, uploaderPrefix, verifiedPrefix } from "../../uploads/photo-key.ts";

/**
 * Photos the person uploaded: every object under its two prefixes (pending forms and verified
 * copies; the uploader's id is a whole key segment, so each prefix is exactly one person's).
 */
export const photosHolder = (blobs: BlobStore): PersonalDataHolder => {
  const keysOf = (personId: string) =>
    isSafeKeySegment(personId)
      ? pipe(
          eachInOrder([uploaderPrefix(personId), verifiedPrefix(personId)], (prefix) =>
            blobs.listKeys(prefix),
          ),
          TE.map((lists) => lists.flat()),
        )
      : TE.right<never, string[]>([]);
  return {
    category: "photos",
    exportFor: (personId) =>
      pipe(
        keysOf(personId),
        TE.map((keys) => keys.map((key) => ({ key }))),
      ),
    eraseFor: (personId) =>
      pipe(
        keysOf(personId),
        TE.chain((keys) => eachInOrder(keys, (key) => blobs.delete(key))),
        TE.map(() => undefined),
      ),
  };
};
