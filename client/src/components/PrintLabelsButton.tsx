import { Anchor } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { endpoints, keys } from '../api/endpoints';
import { ErrorAlert } from './ErrorAlert';

export type LabelTarget = { deviceIds: number[] } | { donationId: number };

/**
 * Prints asset labels: a POST (the server records a `label_printed` event per device; a GET may not write), whose
 * PDF opens in a new tab. The tab is opened at the click, while the browser still counts it as the user's doing
 * (a window opened after the await would be taken for a popup), and pointed at the PDF once it has come. With no
 * tab (popups blocked) the PDF is downloaded instead.
 */
export function PrintLabelsButton({
  target,
  format,
  label,
  testId,
}: {
  target: LabelTarget;
  format: 'roll' | 'a4';
  label: string;
  testId?: string;
}) {
  const printing = useMutation({
    // The tab comes with the variables: it was opened at the click, before the request.
    mutationFn: ({ tab }: { tab: Window | null }) =>
      endpoints.labels.print({ ...target, format }).then((pdf) => ({ pdf, tab })),
    meta: { invalidates: [keys.devices] },
    onSuccess: ({ pdf, tab }) => {
      const url = URL.createObjectURL(pdf);
      if (tab) tab.location.href = url;
      else download(url, `labels-${format}.pdf`);
      // The tab has loaded the PDF long before this; the URL only keeps the blob in memory.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    onError: (_err, { tab }) => tab?.close(),
  });
  const busy = printing.isPending;

  return (
    <>
      <Anchor
        component="button"
        type="button"
        onClick={() => printing.mutate({ tab: window.open('', '_blank') })}
        disabled={busy}
        aria-busy={busy}
        data-testid={testId}>
        {label}
      </Anchor>
      {printing.error ? <ErrorAlert error={printing.error} /> : null}
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
