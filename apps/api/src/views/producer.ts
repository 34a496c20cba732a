import type { AppError, PhotoUploadUseCases } from "@owners/app";
import type { ProducerProfile } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";

/** A producer's profile as shown: its photos as download URLs (keys kept for its editor). */
export const producerProfileJson =
  (photoUploads: PhotoUploadUseCases) =>
  (p: ProducerProfile): TE.TaskEither<AppError, ReturnType<typeof profileFields>> =>
    pipe(
      photoUploads.photoUrls(p.photos),
      TE.map((photoUrls) => ({ ...profileFields(p), photoUrls })),
    );

const profileFields = (p: ProducerProfile) => ({
  id: p.producerId as string,
  displayName: p.displayName,
  prefecture: p.prefecture,
  area: p.area ?? null,
  story: p.story,
  photoKeys: p.photos,
  photoUrls: [] as readonly string[],
  products: p.products,
  categories: p.categories,
  links: p.links,
  disclosure: p.disclosure,
  approvedAt: p.approvedAt as string,
  updatedAt: p.updatedAt as string,
  version: p.version,
});

/** A producer in the list: what a card shows, led by its first photo. */
export const producerListCard = (photoUploads: PhotoUploadUseCases) => (p: ProducerProfile) =>
  pipe(
    photoUploads.photoUrls(p.photos.slice(0, 1)),
    TE.map((urls) => ({
      id: p.producerId as string,
      displayName: p.displayName,
      prefecture: p.prefecture,
      area: p.area ?? null,
      products: p.products,
      categories: p.categories,
      coverPhotoUrl: urls[0] ?? null,
    })),
  );
