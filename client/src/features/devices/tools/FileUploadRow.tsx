import { Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { FileDrop } from '../../../components/FileDrop';
import { useT } from '../../../prefs/PreferencesProvider';

/**
 * A workshop tool that takes a file: its title and hint, the drop zone and the upload button, then whatever the
 * tool shows of the result (children).
 */
export function FileUploadRow({
  testId,
  title,
  hint,
  fileLabel,
  name,
  accept,
  file,
  onFile,
  onUpload,
  loading,
  children,
}: {
  testId: string;
  title: string;
  hint: string;
  fileLabel: string;
  name: string;
  accept: string;
  file: File | null;
  onFile: (file: File | null) => void;
  onUpload: () => void;
  loading: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <Stack gap="xs" data-testid={testId}>
      <Title order={3} fz="md">
        {title}
      </Title>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
      <FileDrop
        label={fileLabel}
        value={file}
        onChange={onFile}
        name={name}
        accept={accept}
        testId={`${testId}-drop`}
      />
      <Button onClick={onUpload} disabled={!file} loading={loading}>
        {t('action.upload')}
      </Button>
      {children}
    </Stack>
  );
}
