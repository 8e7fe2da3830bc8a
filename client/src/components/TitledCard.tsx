import { Paper, Title, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered card with its section title (a level-2 heading) on top; other props go to the card. */
export function TitledCard({ title, children, ...paper }: PaperProps & { title: ReactNode; children?: ReactNode }) {
  return (
    <Paper withBorder p="md" {...paper}>
      <Title order={2} fz="lg" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
