// The camera fallback for browsers without BarcodeDetector (Firefox, Safari on iOS, desktop Linux/Windows Chrome).
// Only CameraScanModal imports this file, and only with import(), so ZXing (~125 KB gzipped) is a chunk of its own,
// fetched when someone presses the camera button on such a browser and never part of the first screen.
import { BrowserMultiFormatReader } from '@zxing/browser';
import { BarcodeFormat, DecodeHintType } from '@zxing/library';

/** Reads one video frame: the code's text, or null when the frame holds none. */
export type FrameReader = (video: HTMLVideoElement) => string | null;

export function createZxingReader(): FrameReader {
  // Our labels carry Code128 and QR only; naming them spares ZXing trying a dozen other formats on every frame.
  const hints = new Map<DecodeHintType, BarcodeFormat[]>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE]],
  ]);
  const reader = new BrowserMultiFormatReader(hints);
  return (video) => {
    try {
      // decode() grabs the current frame onto a canvas; the modal owns the stream and the polling, so there is a
      // single place that stops the camera.
      return reader.decode(video).getText();
    } catch {
      // ZXing throws NotFoundException for "no code in this frame" (the normal case while the user aims) and
      // checksum/format errors for a blurred one: either way, the modal tries the next frame.
      return null;
    }
  };
}
