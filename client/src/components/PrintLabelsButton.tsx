import { Anchor } from '@mantine/core';
import { useState } from 'react';
import { postForBlob } from '../api/http';
import { ErrorAlert } from './ErrorAlert';

export type LabelTarget = { deviceIds: number[] } | { donationId: number };

/**
 * Prints asset labels: a POST (the server records a `label_printed` event per device; a GET may not write), whose
 * PDF opens in a new tab. The tab is opened at the click, while the browser still counts it as the user's doing
 * (a window opened after the await would be taken for a popup), and pointed at the PDF once it has come. With no
 * tab (popups blocked) the PDF is downloaded instead.
 */
export function PrintLabelsButton({ target, format, label, testId, onPrinted }: {
  target: LabelTarget; format: 'roll' | 'a4'; label: string; testId?: string; onPrinted?: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function print() {
    const tab = window.open('', '_blank');
    setBusy(true);
    setError(null);
    try {
      const pdf = await postForBlob('/api/labels/print', { ...target, format });
      const url = URL.createObjectURL(pdf);
      if (tab) tab.location.href = url;
      else download(url, `labels-${format}.pdf`);
      // The tab has loaded the PDF long before this; the URL only keeps the blob in memory.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      onPrinted?.();
    } catch (err) {
      tab?.close();
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Anchor component="button" type="button" onClick={() => void print()} disabled={busy} aria-busy={busy} data-testid={testId}>
        {label}
      </Anchor>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}

function download(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}
