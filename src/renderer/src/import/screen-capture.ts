import type { RgbaImage } from '../../../shared/qr/rgba-image';
import { grabFrame } from './qr-scanner';

/**
 * One still of a screen or window the person picks: getDisplayMedia in the browser; in Electron
 * main answers the same request with desktopCapturer. The stream stops right after the grab.
 */
export async function captureScreen(): Promise<RgbaImage> {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  try {
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    await video.play();
    // The first frames of a fresh capture can be black; wait for one that has content.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const frame = grabFrame(video);
    if (!frame) throw new Error('no frame');
    return frame;
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}
