// The Shape Detection API is not in TypeScript's DOM library yet; only what the camera scanner uses is declared.
interface DetectedBarcode {
  rawValue: string;
  format: string;
}
interface BarcodeDetectorOptions {
  formats?: string[];
}
declare class BarcodeDetector {
  constructor(options?: BarcodeDetectorOptions);
  static getSupportedFormats(): Promise<string[]>;
  detect(source: ImageBitmapSource): Promise<DetectedBarcode[]>;
}
interface Window {
  BarcodeDetector?: typeof BarcodeDetector;
}
