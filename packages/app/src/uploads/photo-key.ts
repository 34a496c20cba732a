import { PHOTO_TYPES, type PhotoType, photoTypeOfExtension } from "./image-type.ts";

/**
 * Two places for photos. A form uploads to `uploads/pending/<uploader id>/<file id>.<ext>`, a key
 * unique to that form, which expires after a day unless verified (the bucket's lifecycle rule).
 * Verification copies the checked bytes to `photos/<uploader id>/<file id>.<ext>`, which no form
 * can target: what is attached and served is that copy, so a form reused later changes nothing.
 * The uploader's id is a whole path segment, so each prefix names exactly one person's files.
 */
export const UPLOADS_ROOT = "uploads/pending/";
export const PHOTOS_ROOT = "photos/";

/** Ids and file names allowed as a key segment: no "/", "..", spaces or other surprises. */
const SEGMENT_RE = /^[A-Za-z0-9_-]{1,128}$/;
const PENDING_RE = /^uploads\/pending\/([A-Za-z0-9_-]{1,128})\/([A-Za-z0-9_-]{1,128})\.([a-z]+)$/;
const PHOTO_RE = /^photos\/([A-Za-z0-9_-]{1,128})\/([A-Za-z0-9_-]{1,128})\.([a-z]+)$/;

export const isSafeKeySegment = (value: string): boolean => SEGMENT_RE.test(value);

/** Where the uploader's forms put files. */
export const uploaderPrefix = (uploaderId: string): string => `${UPLOADS_ROOT}${uploaderId}/`;

/** Where the uploader's verified photos are. */
export const verifiedPrefix = (uploaderId: string): string => `${PHOTOS_ROOT}${uploaderId}/`;

/** The key one form uploads to. */
export const pendingKey = (uploaderId: string, fileId: string, type: PhotoType): string =>
  `${uploaderPrefix(uploaderId)}${fileId}.${PHOTO_TYPES[type]}`;

/** The key of the verified copy of an upload. */
export const photoKey = (uploaderId: string, fileId: string, type: PhotoType): string =>
  `${verifiedPrefix(uploaderId)}${fileId}.${PHOTO_TYPES[type]}`;

export interface PhotoKey {
  readonly uploaderId: string;
  readonly fileId: string;
  /** The type the key's extension promises. */
  readonly type: PhotoType;
}

const parseWith =
  (pattern: RegExp) =>
  (key: string): PhotoKey | undefined => {
    const match = pattern.exec(key);
    const type = match?.[3] === undefined ? undefined : photoTypeOfExtension(match[3]);
    return match?.[1] === undefined || match[2] === undefined || type === undefined
      ? undefined
      : { uploaderId: match[1], fileId: match[2], type };
  };

/** The parts of a well-formed upload (pending) key, or undefined for anything else. */
export const parsePendingKey = parseWith(PENDING_RE);

/** The parts of a well-formed verified photo key, or undefined for anything else. */
export const parsePhotoKey = parseWith(PHOTO_RE);

const PLAIN_SEGMENT_RE = /^[A-Za-z0-9_.-]{1,255}$/;

/**
 * Whether `key` is under `prefix` with only plain path segments (no empty, "." or ".." ones):
 * a key that is safe to delete. S3 keys are literal, but a file-backed store (s3rver) joins
 * them into paths, where `uploads/me/../you/x.png` would reach another uploader's file.
 */
export const isPlainKeyUnder = (prefix: string, key: string): boolean =>
  key.startsWith(prefix) &&
  key
    .slice(prefix.length)
    .split("/")
    .every((segment) => PLAIN_SEGMENT_RE.test(segment) && segment !== "." && segment !== "..");
