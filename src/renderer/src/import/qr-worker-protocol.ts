import type { RgbaImage } from '../../../shared/qr/rgba-image';

/** Messages to the QR worker: a whole image (file, paste, screen) or one camera frame. */
export type QrWorkerRequest =
  | { id: number; kind: 'blob'; blob: Blob }
  | { id: number; kind: 'pixels'; image: RgbaImage }
  | { id: number; kind: 'frame'; image: RgbaImage };

export type QrWorkerResponse =
  { id: number; ok: true; texts: string[] } | { id: number; ok: false; reason: 'undecodable' };
