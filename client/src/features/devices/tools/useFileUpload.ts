import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { DEVICE_CHANGES } from '../../../api/endpoints';

/**
 * The file a workshop tool is about to upload, and the upload itself: the file goes as the form field `file` (with any
 * extra fields), the device's queries reload after it, and the picker empties once the server took it.
 */
export function useFileUpload<R>(send: (body: FormData) => Promise<R>) {
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: ({ picked, extra }: { picked: File; extra: Record<string, string> }) => {
      const body = new FormData();
      body.append('file', picked);
      for (const [name, value] of Object.entries(extra)) body.append(name, value);
      return send(body);
    },
    meta: { invalidates: DEVICE_CHANGES },
    onSuccess: () => setFile(null),
  });
  /** Sends the picked file, if there is one. */
  const start = (extra: Record<string, string> = {}) => {
    if (file) upload.mutate({ picked: file, extra });
  };
  return { file, setFile, upload, start };
}
