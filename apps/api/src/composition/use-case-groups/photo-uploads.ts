import { makePhotoUploadUseCases } from "@owners/app";
import type { UseCaseFactory } from "./factory.ts";

export const photoUploadsUseCases: UseCaseFactory<"photoUploads"> = (ports, s) =>
  makePhotoUploadUseCases({
    blobs: ports.blobs,
    ids: ports.ids,
    config: s.photoUploads,
    clock: ports.clock,
    rates: ports.uploadRates,
  });
