import type { AppError, Page, PhotoUploadUseCases } from "@owners/app";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";

interface WithPhotos {
  readonly photoKeys: readonly string[];
}

/** The item with `photoUrls`: a short-lived download URL per photo key, in the same order. */
export const withPhotoUrls =
  (photoUploads: PhotoUploadUseCases) =>
  <T extends WithPhotos>(item: T): TE.TaskEither<AppError, T & { photoUrls: readonly string[] }> =>
    pipe(
      photoUploads.photoUrls(item.photoKeys),
      TE.map((photoUrls) => ({ ...item, photoUrls })),
    );

/** Every item of a page with its `photoUrls`. */
export const pageWithPhotoUrls =
  (photoUploads: PhotoUploadUseCases) =>
  <T extends WithPhotos>(
    page: Page<T>,
  ): TE.TaskEither<AppError, Page<T & { photoUrls: readonly string[] }>> =>
    pipe(
      TE.traverseSeqArray(withPhotoUrls(photoUploads))(page.items),
      TE.map((items) => ({ ...page, items })),
    );
