import { Alert, Modal, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../prefs/PreferencesProvider';

/** Phone camera scanning of asset labels (Code128 and QR) with the browser's own BarcodeDetector. */
export default function CameraScanModal({ onClose, onDetected }: { onClose: () => void; onDetected: (code: string) => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const detectedRef = useRef(onDetected);
  useEffect(() => { detectedRef.current = onDetected; }, [onDetected]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const Detector = window.BarcodeDetector;
    if (!Detector) return;
    const detector = new Detector({ formats: ['code_128', 'qr_code'] });

    const tick = async () => {
      if (stopped || !video.current) return;
      try {
        const codes = video.current.readyState >= 2 ? await detector.detect(video.current) : [];
        const first = codes.find((c) => c.rawValue.trim() !== '');
        if (first && !stopped) { stopped = true; detectedRef.current(first.rawValue.trim()); return; }
      } catch { /* a frame that cannot be read; try the next one */ }
      timer = window.setTimeout(() => { void tick(); }, 200);
    };

    navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }).then(
      async (s) => {
        stream = s;
        if (stopped || !video.current) { s.getTracks().forEach((tr) => tr.stop()); return; }
        video.current.srcObject = s;
        await video.current.play();
        void tick();
      },
      (err: unknown) => setFailed(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);

  return (
    <Modal opened onClose={onClose} title={t('scan.camera')} centered>
      {failed ? (
        <Alert color="red" title={t('scan.cameraFailed')}>{failed}</Alert>
      ) : (
        <>
          <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: '#000' }} />
          <Text size="sm" c="dimmed" mt="xs">{t('scan.cameraHint')}</Text>
        </>
      )}
    </Modal>
  );
}
