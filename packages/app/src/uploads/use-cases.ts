import type { PhotoUploadDeps } from "./deps.ts";
import { photoUrls } from "./photo-urls.ts";
import { requestPhotoUpload } from "./request-photo-upload.ts";
import { verifyUploadedPhoto } from "./verify-uploaded-photo.ts";

/** The photo upload use cases bound to their deps: what an app binds to USE_CASE_TOKENS.photoUploads. */
export const makePhotoUploadUseCases = (deps: PhotoUploadDeps) => ({
  requestPhotoUpload: requestPhotoUpload(deps),
  verifyUploadedPhoto: verifyUploadedPhoto(deps),
  photoUrls: photoUrls(deps),
});

export type PhotoUploadUseCases = ReturnType<typeof makePhotoUploadUseCases>;
