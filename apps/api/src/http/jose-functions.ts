/**
 * The jose functions the API uses, loaded together on the first bearer token (http/auth.ts). A
 * dynamic import of this module lets the bundler keep only these, where `import("jose")` would
 * keep all of jose.
 */
export { createLocalJWKSet, createRemoteJWKSet, jwtVerify, SignJWT } from "jose";
