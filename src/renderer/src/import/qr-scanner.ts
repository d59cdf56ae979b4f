import type { RgbaImage } from '../../../shared/qr/rgba-image';
import type { QrWorkerRequest, QrWorkerResponse } from './qr-worker-protocol';

type Pending = { resolve(texts: string[] | null): void };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

let broken = false;

/** A worker that cannot start (or crashes) answers `null`, so callers fall back to main. */
function failAll(): void {
  broken = true;
  for (const entry of pending.values()) entry.resolve(null);
  pending.clear();
}

function ensureWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./qr-worker.ts', import.meta.url), {
      type: 'module',
      name: 'tessera-qr',
    });
    worker.onmessage = (event: MessageEvent<QrWorkerResponse>) => {
      const entry = pending.get(event.data.id);
      pending.delete(event.data.id);
      entry?.resolve(event.data.ok ? event.data.texts : null);
    };
    worker.onerror = failAll;
  }
  return worker;
}

type Job = { kind: 'blob'; blob: Blob } | { kind: 'pixels' | 'frame'; image: RgbaImage };

/** QR texts found by the worker; `null` when the image itself could not be decoded. */
export function scanInWorker(job: Job): Promise<string[] | null> {
  if (broken) return Promise.resolve(null);
  const id = ++nextId;
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    const request = { id, ...job } as QrWorkerRequest;
    // Camera frames are transferred, not copied (several per second); a screen capture is copied
    // so the caller can still hand it to main if the worker cannot decode it.
    const transfer = job.kind === 'frame' ? [job.image.data.buffer as ArrayBuffer] : [];
    ensureWorker().postMessage(request, transfer);
  });
}

/** Grabs the current frame of a playing video (screen share or camera) as RGBA pixels. */
export function grabFrame(video: HTMLVideoElement, maxSide = Infinity): RgbaImage | null {
  if (video.videoWidth === 0 || video.videoHeight === 0) return null;
  const scale = Math.min(1, maxSide / Math.max(video.videoWidth, video.videoHeight));
  const width = Math.round(video.videoWidth * scale);
  const height = Math.round(video.videoHeight * scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

/** PNG of a captured frame, for main to decode when the worker could not. */
export function frameToPng(image: RgbaImage): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.resolve(null);
  context.putImageData(
    new ImageData(new Uint8ClampedArray(image.data), image.width, image.height),
    0,
    0,
  );
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
