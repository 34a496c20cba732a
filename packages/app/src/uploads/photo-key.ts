import { PHOTO_TYPES, type PhotoType, photoTypeOfExtension } from "./image-type.ts";

/**
 * Where uploaded photos live: `uploads/<uploader id>/<file id>.<ext>`. The uploader's id is a
 * whole path segment, so the prefix `uploads/<id>/` names exactly one person's files.
 */
export const UPLOADS_ROOT = "uploads/";

/** Ids and file names allowed as a key segment: no "/", "..", spaces or other surprises. */
const SEGMENT_RE = /^[A-Za-z0-9_-]{1,128}$/;
const KEY_RE = /^uploads\/([A-Za-z0-9_-]{1,128})\/([A-Za-z0-9_-]{1,128})\.([a-z]+)$/;

export const isSafeKeySegment = (value: string): boolean => SEGMENT_RE.test(value);

export const uploaderPrefix = (uploaderId: string): string => `${UPLOADS_ROOT}${uploaderId}/`;

export const photoKey = (uploaderId: string, fileId: string, type: PhotoType): string =>
  `${uploaderPrefix(uploaderId)}${fileId}.${PHOTO_TYPES[type]}`;

export interface PhotoKey {
  readonly uploaderId: string;
  readonly fileId: string;
  /** The type the key's extension promises. */
  readonly type: PhotoType;
}

/** The parts of a well-formed photo key, or undefined for anything else. */
export const parsePhotoKey = (key: string): PhotoKey | undefined => {
  const match = KEY_RE.exec(key);
  const type = match?.[3] === undefined ? undefined : photoTypeOfExtension(match[3]);
  return match?.[1] === undefined || match[2] === undefined || type === undefined
    ? undefined
    : { uploaderId: match[1], fileId: match[2], type };
};

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
