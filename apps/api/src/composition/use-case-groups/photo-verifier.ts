import { type Ports, type VerifyPhoto, verifyUploadedPhoto } from "@owners/app";
import type { UseCaseSettings } from "../use-cases.ts";

/** The photo check plans and updates run on the keys they attach (the upload use case's own). */
export const photoVerifier = (ports: Ports, settings: UseCaseSettings): VerifyPhoto =>
  verifyUploadedPhoto({ blobs: ports.blobs, config: settings.photoUploads });
