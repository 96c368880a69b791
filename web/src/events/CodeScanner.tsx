import QrScannerModule from 'qr-scanner';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// Typed as a CommonJS package, bundled as the ES module it also is: the class is its default export.
const QrScanner = (
  'default' in QrScannerModule ? QrScannerModule.default : QrScannerModule
) as typeof QrScannerModule.default;

/**
 * The device camera reading check-in QR codes (nimiq's qr-scanner: the browser's BarcodeDetector where there
 * is one, its own decoder in a worker elsewhere). A chunk of its own, loaded when staff start scanning;
 * the camera is released when it unmounts.
 */
export default function CodeScanner({
  onCode,
  onError,
}: {
  onCode: (text: string) => void;
  onError: (reason: 'denied' | 'noCamera' | 'failed') => void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  // The latest callbacks, without restarting the camera when the page re-renders.
  const handlers = useRef({ onCode, onError });
  handlers.current = { onCode, onError };

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const scanner = new QrScanner(element, (result) => handlers.current.onCode(result.data), {
      returnDetailedScanResult: true,
      preferredCamera: 'environment',
      maxScansPerSecond: 5,
      highlightScanRegion: true,
      highlightCodeOutline: true,
    });
    let stopped = false;
    scanner.start().catch((error: unknown) => {
      if (stopped) return;
      const name = error instanceof DOMException ? error.name : String(error);
      handlers.current.onError(
        name === 'NotAllowedError' ? 'denied' : /not found|NotFoundError/i.test(name) ? 'noCamera' : 'failed',
      );
    });
    return () => {
      stopped = true;
      scanner.destroy();
    };
  }, []);

  return (
    <div style={{ position: 'relative', maxWidth: '28rem' }}>
      <video
        ref={video}
        muted
        playsInline
        aria-label={t('events.checkin.cameraLabel')}
        style={{ width: '100%', borderRadius: '0.5rem', background: '#212529' }}
      />
    </div>
  );
}
