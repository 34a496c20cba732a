import * as E from "fp-ts/lib/Either.js";
import type { StoredObjectInfo } from "../ports/blob-store.ts";
import { isPhotoType, PHOTO_TYPES, type PhotoType, sniffPhotoType } from "./image-type.ts";

/** Photos up to 10 MB: a phone picture fits, a raw camera file or a video does not. */
export const DEFAULT_MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export interface PhotoUploadConfig {
  readonly maxPhotoBytes: number;
  /** Upload forms per person per hour; DEFAULT_UPLOAD_FORMS_PER_HOUR when absent. */
  readonly formsPerHour?: number;
}

export const DEFAULT_PHOTO_UPLOAD_CONFIG: PhotoUploadConfig = {
  maxPhotoBytes: DEFAULT_MAX_PHOTO_BYTES,
};

export type RejectionReason =
  | "content-type"
  | "size"
  | "key"
  | "declared-type"
  | "not-an-image"
  | "type-mismatch";

/** Why a request or an uploaded object is refused: the field or fact at fault, in words. */
export interface PhotoRejection {
  readonly reason: RejectionReason;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

const reject = (
  reason: RejectionReason,
  message: string,
  details?: Record<string, unknown>,
): E.Either<PhotoRejection, never> =>
  E.left(details === undefined ? { reason, message } : { reason, message, details });

const allowedTypes = Object.keys(PHOTO_TYPES);

/** What a client may ask to upload: an accepted image type, and if it says its size, a size we take. */
export const checkUploadRequest = (
  input: { readonly contentType: string; readonly sizeBytes?: number },
  config: PhotoUploadConfig,
): E.Either<PhotoRejection, PhotoType> => {
  if (!isPhotoType(input.contentType)) {
    return reject("content-type", `photos must be one of ${allowedTypes.join(", ")}`, {
      field: "contentType",
      allowed: allowedTypes,
    });
  }
  const size = input.sizeBytes;
  if (
    size !== undefined &&
    !(Number.isSafeInteger(size) && size >= 1 && size <= config.maxPhotoBytes)
  ) {
    return reject("size", `a photo must be 1 to ${config.maxPhotoBytes} bytes`, {
      field: "sizeBytes",
      maxBytes: config.maxPhotoBytes,
    });
  }
  return E.right(input.contentType);
};

const mediaTypeOf = (contentType: string | undefined) =>
  contentType?.split(";")[0]?.trim().toLowerCase();

/**
 * The stored object's size and declared type, as storage reports them. The storage may not have
 * enforced the upload policy (s3rver does not, and a client can skip the form), so both are checked.
 */
export const checkStoredObject = (
  expected: PhotoType,
  info: StoredObjectInfo,
  config: PhotoUploadConfig,
): E.Either<PhotoRejection, void> => {
  if (info.sizeBytes < 1 || info.sizeBytes > config.maxPhotoBytes) {
    return reject(
      "size",
      `the file is ${info.sizeBytes} bytes; photos must be 1 to ${config.maxPhotoBytes} bytes`,
      {
        sizeBytes: info.sizeBytes,
        maxBytes: config.maxPhotoBytes,
      },
    );
  }
  const declared = mediaTypeOf(info.contentType);
  if (declared !== expected) {
    return reject(
      "declared-type",
      `the file was sent as ${declared ?? "no type"} but its upload was for ${expected}`,
      {
        declared: declared ?? null,
        expected,
      },
    );
  }
  return E.right(undefined);
};

/** The first bytes must really be an image of the expected type. */
export const checkContent = (
  expected: PhotoType,
  firstBytes: Uint8Array,
): E.Either<PhotoRejection, void> => {
  const actual = sniffPhotoType(firstBytes);
  if (actual === undefined)
    return reject("not-an-image", "the file is not a JPEG, PNG or WebP image", { expected });
  if (actual !== expected) {
    return reject(
      "type-mismatch",
      `the file is a ${actual} image but was declared as ${expected}`,
      { actual, expected },
    );
  }
  return E.right(undefined);
};
