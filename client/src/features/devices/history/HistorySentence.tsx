import { Fragment, type ReactNode } from 'react';

/** FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE around a name (see i18n/isolate.ts). */
const ISOLATED = /\u2068([^\u2068\u2069]*)\u2069/g;

/**
 * A history sentence with each name from the data (a site, a person, a code, a serial) in its own <bdi>: the browser
 * then sets it in its own direction, so "#2" in an Arabic sentence never becomes "2#" and the punctuation around an
 * Arabic name in an English sentence keeps its place.
 */
export function HistorySentence({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(ISOLATED)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(<bdi key={at}>{match[1]}</bdi>);
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}
