// bidi-js 1.1 ships ESM-style types (`export default`) for a UMD file that sets `module.exports = bidiFactory`,
// so under NodeNext its own types say the default import is not callable. This describes the CommonJS shape
// and the part of the API that server/lib/pdf uses.
declare module 'bidi-js' {
  namespace bidiFactory {
    interface EmbeddingLevels {
      /** Resolved level of every UTF-16 unit: odd is right-to-left. */
      levels: Uint8Array;
      paragraphs: Array<{ start: number; end: number; level: number }>;
    }
    interface Bidi {
      getEmbeddingLevels(text: string, baseDirection?: 'ltr' | 'rtl' | 'auto'): EmbeddingLevels;
      /** Indices of the whole string, with only the segments of the line [start, end] reversed. */
      getReorderedIndices(text: string, embedding: EmbeddingLevels, start?: number, end?: number): number[];
      /** Takes the `levels` array, not the EmbeddingLevels object. */
      getMirroredCharactersMap(text: string, levels: Uint8Array, start?: number, end?: number): Map<number, string>;
    }
  }
  function bidiFactory(): bidiFactory.Bidi;
  export = bidiFactory;
}
