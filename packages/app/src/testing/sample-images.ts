/**
 * Real, tiny (1x1) images for upload tests: each opens in an image viewer, so a test that
 * accepts them accepts what a browser would really send.
 */
const fromBase64 = (base64: string): Uint8Array => Uint8Array.from(Buffer.from(base64, "base64"));

export const SAMPLE_PNG = fromBase64(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
);

export const SAMPLE_JPEG = fromBase64(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
);

export const SAMPLE_WEBP = fromBase64("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

/** A text file, the classic thing renamed to `.png` and uploaded anyway. */
export const SAMPLE_TEXT = new TextEncoder().encode("this is plain text, not a picture\n");
