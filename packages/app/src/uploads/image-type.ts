/** The photo formats OWNERS accepts, by MIME type, with the file extension their keys carry. */
export const PHOTO_TYPES = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
} as const;

export type PhotoType = keyof typeof PHOTO_TYPES;
export type PhotoExtension = (typeof PHOTO_TYPES)[PhotoType];

export const isPhotoType = (value: string): value is PhotoType => Object.hasOwn(PHOTO_TYPES, value);

export const photoTypeOfExtension = (extension: string): PhotoType | undefined =>
  (Object.keys(PHOTO_TYPES) as PhotoType[]).find((type) => PHOTO_TYPES[type] === extension);

/** Enough leading bytes to recognise every accepted format (WebP needs 12). */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, i) => bytes[offset + i] === byte);

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46]; // "RIFF", then a 4-byte length
const WEBP = [0x57, 0x45, 0x42, 0x50]; // "WEBP" at offset 8

/**
 * What the file's first bytes say it is, whatever its name or declared type claim: the browser
 * sets the Content-Type and the storage keeps whatever it is sent, so only the bytes are evidence.
 */
export const sniffPhotoType = (bytes: Uint8Array): PhotoType | undefined => {
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "image/webp";
  return undefined;
};
