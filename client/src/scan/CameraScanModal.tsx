import { Alert, Modal, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../prefs/PreferencesProvider';

/** Reads the current video frame: the code's text, or null when the frame holds none. */
type Detect = (video: HTMLVideoElement) => Promise<string | null>;

/** The browser's own BarcodeDetector where it can read our labels, otherwise ZXing, loaded only now. */
async function createDetector(): Promise<Detect> {
  const Native = window.BarcodeDetector;
  // Some builds expose the class without a working backend (an empty format list), so ask before trusting it.
  const formats = Native ? await Native.getSupportedFormats().catch(() => []) : [];
  if (Native && formats.includes('code_128') && formats.includes('qr_code')) {
    const detector = new Native({ formats: ['code_128', 'qr_code'] });
    return async (video) => (await detector.detect(video)).find((c) => c.rawValue.trim() !== '')?.rawValue ?? null;
  }
  // A dynamic import keeps ZXing out of the first screen: its chunk is fetched on the first press of the button.
  const { createZxingReader } = await import('./zxingDetector');
  const read = createZxingReader();
  return (video) => Promise.resolve(read(video));
}

/** Phone camera scanning of asset labels (Code128 and QR): BarcodeDetector, or the ZXing fallback elsewhere. */
export default function CameraScanModal({
  onClose,
  onDetected,
}: {
  onClose: () => void;
  onDetected: (code: string) => void;
}) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const detectedRef = useRef(onDetected);
  useEffect(() => {
    detectedRef.current = onDetected;
  }, [onDetected]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    // Stopping the tracks is what turns the camera (and its light) off; srcObject alone would keep it running.
    const release = () => stream?.getTracks().forEach((tr) => tr.stop());

    const tick = async (detect: Detect) => {
      if (stopped || !video.current) return;
      try {
        const code = video.current.readyState >= 2 ? (await detect(video.current))?.trim() : undefined;
        if (code && !stopped) {
          stopped = true;
          release();
          detectedRef.current(code);
          return;
        }
      } catch {
        /* a frame that cannot be read; try the next one */
      }
      timer = window.setTimeout(() => {
        void tick(detect);
      }, 200);
    };

    // The camera and the decoder start together, so the ZXing download overlaps the permission prompt.
    const camera = navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      .then((s) => {
        stream = s;
        if (stopped) release();
        return s;
      });
    Promise.all([createDetector(), camera])
      .then(async ([detect, s]) => {
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        void tick(detect);
      })
      .catch((err: unknown) => {
        release(); // the decoder may fail after the camera started: do not leave it on
        if (!stopped) setFailed(err instanceof Error ? err.message : String(err));
      });
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      release();
    };
  }, []);

  return (
    <Modal opened onClose={onClose} title={t('scan.camera')} centered>
      {failed ? (
        <Alert color="red" title={t('scan.cameraFailed')}>
          {failed}
        </Alert>
      ) : (
        <>
          <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: '#000' }} />
          <Text size="sm" c="dimmed" mt="xs">
            {t('scan.cameraHint')}
          </Text>
        </>
      )}
    </Modal>
  );
}
