/**
 * A name from the data (an Arabic organisation's name in an English sentence, a Latin one in Arabic) isolated with
 * FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, for messages that are plain strings (titles, labels): the
 * punctuation around it then keeps its place ("جمعية البر: devices", not ":جمعية البر devices").
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
