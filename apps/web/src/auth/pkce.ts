const base64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

/** A random URL-safe string (RFC 7636 verifier: 43-128 characters). */
export const randomVerifier = (bytes = 48): string =>
  base64Url(crypto.getRandomValues(new Uint8Array(bytes)));

/** S256 code challenge: base64url(SHA-256(verifier)). */
export const codeChallenge = async (verifier: string): Promise<string> =>
  base64Url(
    new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))),
  );
