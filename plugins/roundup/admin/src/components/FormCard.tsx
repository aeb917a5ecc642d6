import type * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

interface FormCardProps {
  /** The form's heading. */
  title: string;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  children: React.ReactNode;
  /** Attributes tests and styles find the form by (`data-…`). */
  [data: `data-${string}`]: string | undefined;
}

/** A form of its own on a white card: its heading, then its fields one under another. */
export const FormCard = ({ title, onSubmit, children, ...data }: FormCardProps) => (
  <Box
    background="neutral0"
    padding={6}
    shadow="filterShadow"
    hasRadius
    tag="form"
    onSubmit={onSubmit}
    {...data}
  >
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);
