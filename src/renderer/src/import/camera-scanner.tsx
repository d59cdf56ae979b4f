import { useEffect, useRef, useState } from 'react';
import { grabFrame, scanInWorker } from './qr-scanner';

interface CameraScannerProps {
  /** Called with the texts of the first QR code seen; scanning continues while mounted. */
  onTexts(texts: string[]): void;
  /** A hint under the preview, e.g. which Google Authenticator batch to show next. */
  hint?: string;
}

const FRAME_INTERVAL_MS = 150;
/** Camera frames are scanned small: a QR held up to a webcam fills much of the picture. */
const FRAME_MAX_SIDE = 800;

/** Live webcam preview; frames go to the worker one at a time, never decoded on the UI thread. */
export function CameraScanner({ onTexts, hint }: CameraScannerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const onTextsRef = useRef(onTexts);
  useEffect(() => {
    onTextsRef.current = onTexts;
  });

  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastText = '';

    const tick = async () => {
      const element = video.current;
      const frame = element && grabFrame(element, FRAME_MAX_SIDE);
      const texts = frame ? await scanInWorker({ kind: 'frame', image: frame }) : null;
      // The same code stays in view for many frames: report it once.
      if (!stopped && texts && texts.length > 0 && texts.join('\n') !== lastText) {
        lastText = texts.join('\n');
        onTextsRef.current(texts);
      }
      if (!stopped) timer = setTimeout(() => void tick(), FRAME_INTERVAL_MS);
    };

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false })
      .then(async (media) => {
        if (stopped) return media.getTracks().forEach((t) => t.stop());
        stream = media;
        if (video.current) {
          video.current.srcObject = media;
          await video.current.play();
        }
        void tick();
      })
      .catch(() =>
        setError(
          'Tessera could not open a camera. Check that one is connected and that camera access is allowed.',
        ),
      );

    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  return (
    <div className="camera-scanner">
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : (
        <video
          ref={video}
          className="camera-preview"
          muted
          playsInline
          aria-label="Camera preview"
        />
      )}
      <p className="hint">{hint ?? 'Hold the QR code in front of the camera.'}</p>
    </div>
  );
}
